package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorFormatterTest {

    private final SnippetLocations locations = new SnippetLocations();
    private final ErrorFormatter formatter = new ErrorFormatter(locations);

    @Test
    void snippetFramesBecomeCellLines() {
        locations.record("12", 4, 2);
        assertEquals("divide (cell [4], line 4)", formatter.describe(new StackTraceElement("", "divide", "#12", 2)));
        assertEquals("<cell> (cell [4], line 3)", formatter.describe(new StackTraceElement("", "", "#12", 1)));
        assertEquals("Model.fit (cell [4], line 5)",
                formatter.describe(new StackTraceElement("REPL.$JShell$12$Model", "fit", "#12", 3)));
    }

    @Test
    void libraryFramesStayAsTheyAre() {
        StackTraceElement frame = new StackTraceElement("ai.djl.ndarray.NDArray", "add", "NDArray.java", 10);
        assertEquals(frame.toString(), formatter.describe(frame));
    }

    @Test
    void unknownSnippetsSayWhichSnippet() {
        assertEquals("<cell> (snippet #99)", formatter.describe(new StackTraceElement("", "do_it$", "#99", 1)));
    }
}
