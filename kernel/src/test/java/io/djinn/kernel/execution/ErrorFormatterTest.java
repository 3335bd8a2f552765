package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

class ErrorFormatterTest {

    private final SnippetLocations locations = new SnippetLocations();
    private final ErrorFormatter formatter = new ErrorFormatter(locations);

    @Test
    void snippetFramesBecomeCellLines() {
        locations.record("12", SnippetLocations.cell(4), 2);
        assertEquals("divide (cell [4], line 4)", formatter.describe(new StackTraceElement("", "divide", "#12", 2)));
        assertEquals("<cell> (cell [4], line 3)", formatter.describe(new StackTraceElement("", "", "#12", 1)));
        assertEquals("Model.fit (cell [4], line 5)",
                formatter.describe(new StackTraceElement("REPL.$JShell$12$Model", "fit", "#12", 3)));
    }

    @Test
    void framesInClassesDeclaredInACellBecomeCellLinesToo() {
        locations.record("44", SnippetLocations.cell(1), 0);
        // As JShell rewrites them: the class as named inside the snippet, the file "#<snippet id>".
        assertEquals("Model.fit (cell [1], line 3)", formatter.describe(new StackTraceElement("Model", "fit", "#44", 3)));
        assertEquals("Model.Inner.step (cell [1], line 7)",
                formatter.describe(new StackTraceElement("Model$Inner", "step", "#44", 7)));
        assertEquals("<anonymous>.run (cell [1], line 3)", formatter.describe(new StackTraceElement("1", "run", "#44", 3)));
        assertEquals("Model.<anonymous>.run (cell [1], line 2)",
                formatter.describe(new StackTraceElement("Model$2", "run", "#44", 2)));
        assertEquals("<lambda> (cell [1], line 1)",
                formatter.describe(new StackTraceElement("", "lambda$do_it$$0", "#44", 1)));
        assertEquals("Model.<lambda in fit> (cell [1], line 4)",
                formatter.describe(new StackTraceElement("Model", "lambda$fit$1", "#44", 4)));
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

    @Test
    void compileErrorsPointAtTheCellLineAndLeaveOutTheUnnamedWrapper() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            // A cell "int x = 1;\nmissing.add(x)": its second snippet starts on the cell's second line.
            shell.eval("int x = 1;");
            SnippetEvent event = shell.eval("missing.add(x)").get(0);
            List<Diag> diagnostics = shell.diagnostics(event.snippet()).toList();
            CellFailure failure = formatter.compileErrors(diagnostics, "missing.add(x)", 1, "cell [2]");
            assertEquals("CompilationError", failure.name());
            assertEquals("cannot find symbol", failure.value());
            List<String> traceback = failure.traceback();
            assertTrue(traceback.get(0).endsWith("cell [2], line 2"), traceback.get(0));
            assertEquals(List.of("    missing.add(x)", "    ^", "  cannot find symbol", "    symbol:   variable missing"),
                    traceback.subList(1, traceback.size()));
        }
    }
}
