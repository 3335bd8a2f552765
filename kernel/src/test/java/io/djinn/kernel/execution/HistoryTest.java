package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistoryTest {

    private final History history = new History();

    HistoryTest() {
        history.add(1, "int a = 1;");
        history.add(2, "a + 1");
        history.add(3, "int a = 1;");
    }

    @Test
    void tailGivesTheLastEntries() {
        assertEquals("[[1,2,\"a + 1\"],[1,3,\"int a = 1;\"]]", history.tail(2).toString());
        assertEquals(3, history.tail(100).size());
    }

    @Test
    void rangeIsHalfOpen() {
        assertEquals("[[1,1,\"int a = 1;\"],[1,2,\"a + 1\"]]", history.range(1, 1, 3).toString());
        assertEquals(0, history.range(7, 1, 3).size());
    }

    @Test
    void searchWithGlobAndUnique() {
        assertEquals(2, history.search("int*", 0, false).size());
        assertEquals(1, history.search("int*", 0, true).size());
        assertEquals("[[1,2,\"a + 1\"]]", history.search("a ? 1", 0, false).toString());
    }
}
