package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistoryTest {

    private final History history = new History();

    HistoryTest() {
        history.add(1, "int a = 1;", null);
        history.add(2, "a + 1", "2");
        history.add(3, "int a = 1;", null);
    }

    @Test
    void tailGivesTheLastEntries() {
        assertEquals("[[1,2,\"a + 1\"],[1,3,\"int a = 1;\"]]", history.tail(2, false).toString());
        assertEquals(3, history.tail(100, false).size());
    }

    @Test
    void rangeIsHalfOpen() {
        assertEquals("[[1,1,\"int a = 1;\"],[1,2,\"a + 1\"]]", history.range(1, 1, 3, false).toString());
        assertEquals(0, history.range(7, 1, 3, false).size());
    }

    @Test
    void searchWithGlobAndUnique() {
        assertEquals(2, history.search("int*", 0, false, false).size());
        assertEquals(1, history.search("int*", 0, true, false).size());
        assertEquals("[[1,2,\"a + 1\"]]", history.search("a ? 1", 0, false, false).toString());
    }

    @Test
    void withOutputEachEntryIsAnInputOutputPair() {
        assertEquals("[[1,1,[\"int a = 1;\",null]],[1,2,[\"a + 1\",\"2\"]]]", history.range(1, 1, 3, true).toString());
        assertEquals("[[1,2,[\"a + 1\",\"2\"]]]", history.search("a ? 1", 0, false, true).toString());
    }
}
