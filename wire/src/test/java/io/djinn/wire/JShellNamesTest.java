package io.djinn.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JShellNamesTest {

    @Test
    void aRedefinitionsVersionLetterBelongsToItsWrapper() {
        // The stale-value bug: a pattern of digits alone missed "$JShell$12B", JShell's name for a re-definition.
        assertEquals("REPL.$JShell$12B", JShellNames.wrapperOf("REPL.$JShell$12B"));
        assertTrue(JShellNames.isWrapper("REPL.$JShell$12B"));
        assertTrue(JShellNames.isWrapper("REPL.$JShell$12AB"));
        assertTrue(JShellNames.isWrapper("REPL.$JShell$12_13"));
    }

    @Test
    void classesDeclaredInASnippetAreNestedInItsWrapper() {
        assertEquals("REPL.$JShell$7C", JShellNames.wrapperOf("REPL.$JShell$7C$Model$1"));
        assertFalse(JShellNames.isWrapper("REPL.$JShell$7C$Model"));
        assertEquals("Model$1", JShellNames.memberPath("REPL.$JShell$7C$Model$1"));
        assertEquals("", JShellNames.memberPath("REPL.$JShell$7C"));
    }

    @Test
    void otherClassesAreNotSnippets() {
        assertNull(JShellNames.wrapperOf("REPL.$Cancel$"));
        assertNull(JShellNames.wrapperOf("REPL.$JShell$"));
        assertNull(JShellNames.wrapperOf("ai.djl.ndarray.NDArray"));
        assertNull(JShellNames.memberPath("java.lang.String"));
        assertFalse(JShellNames.isWrapper(null));
    }
}
