package io.djinn.kernel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputLimitTest {

    @Test
    void passesEverythingUnderTheLimit() {
        OutputLimit limit = new OutputLimit(10);
        assertEquals("hello", limit.admit("hello"));
        assertNull(limit.warningOnce());
        assertNull(limit.summary());
    }

    @Test
    void cutsAtTheLimitWarnsOnceAndSumsUpAtTheEnd() {
        OutputLimit limit = new OutputLimit(8);
        assertEquals("abcde", limit.admit("abcde"));
        assertEquals("fgh", limit.admit("fghij"));
        String warning = limit.warningOnce();
        assertTrue(warning.contains("passed 0.0 MiB") && warning.contains("DJINN_OUTPUT_LIMIT_MB"), warning);
        assertEquals("", limit.admit("more"));
        assertNull(limit.warningOnce(), "once per cell");
        assertEquals("[Djinn: 0.0 MiB of output not shown (0.0 MiB written, the first 0.0 MiB shown).]\n",
                limit.summary());
        limit.reset();
        assertEquals("new cell", limit.admit("new cell"));
        assertNull(limit.summary());
    }

    @Test
    void neverSplitsACharacter() {
        OutputLimit limit = new OutputLimit(5);
        assertEquals("ab€", limit.admit("ab€€")); // € is 3 bytes: 2 + 3 = 5
        OutputLimit smiley = new OutputLimit(3);
        assertEquals("", smiley.admit("😀"));
    }

    @Test
    void zeroMeansNoLimit() {
        OutputLimit none = new OutputLimit(0);
        String big = "x".repeat(1 << 20);
        assertEquals(big, none.admit(big));
        assertNull(none.summary());
    }
}
