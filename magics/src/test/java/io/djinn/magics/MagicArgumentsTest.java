package io.djinn.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicArgumentsTest {

    @Test
    void splitsOnWhitespace() throws MagicException {
        assertEquals(List.of("a", "b", "c"), MagicArguments.split("  a  b\tc "));
    }

    @Test
    void keepsQuotedWords() throws MagicException {
        assertEquals(List.of("--title", "Loss per epoch", "x"), MagicArguments.split("--title \"Loss per epoch\" x"));
        assertEquals(List.of("it's"), MagicArguments.split("\"it's\""));
        assertEquals(List.of("a b"), MagicArguments.split("'a b'"));
    }

    @Test
    void backslashEscapes() throws MagicException {
        assertEquals(List.of("a b", "q\"q"), MagicArguments.split("a\\ b \"q\\\"q\""));
    }

    @Test
    void emptyQuotesMakeAnEmptyWord() throws MagicException {
        assertEquals(List.of("", "x"), MagicArguments.split("\"\" x"));
    }

    @Test
    void unclosedQuoteIsAnError() {
        MagicException error = assertThrows(MagicException.class, () -> MagicArguments.split("\"open"));
        assertEquals("unclosed \" quote in: \"open", error.getMessage());
    }
}
