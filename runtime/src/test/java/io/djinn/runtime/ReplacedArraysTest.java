package io.djinn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime's execution control in this JVM, under a real JShell: what re-running cells closes, and what not. */
class ReplacedArraysTest {

    private JShell shell;

    @BeforeEach
    void start() {
        ExecutionControlProvider djinn = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "djinn-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return new DjinnExecutionControl();
            }
        };
        shell = JShell.builder().executionEngine(djinn, Map.of()).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        ReplacedArrays.enable(true);
        run("import ai.djl.ndarray.*; import ai.djl.ndarray.types.*; import java.util.*;");
        run("NDManager m = NDManager.newBaseManager();");
    }

    @AfterEach
    void close() {
        run("m.close();");
        shell.close();
        ReplacedArrays.enable(true);
    }

    private String run(String code) {
        String value = null;
        String remaining = code;
        while (!remaining.isBlank()) {
            var info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() == null) {
                    assertEquals(Snippet.Status.VALID, event.status(), info.source() + ": "
                            + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                    assertEquals(null, event.exception(), info.source());
                    value = event.value();
                }
            }
            remaining = info.remaining();
        }
        return value;
    }

    private int open() {
        return Integer.parseInt(run("m.getManagedArrays().size()"));
    }

    @Test
    void reDeclaringAndReAssigningCloseTheReplacedArray() {
        run("var big = m.ones(new Shape(64, 64));");
        for (int i = 0; i < 5; i++) {
            run("var big = m.ones(new Shape(64, 64));");
        }
        assertEquals(1, open());
        run("NDArray w = m.ones(new Shape(3));");
        run("for (int i = 0; i < 3; i++) { w = m.zeros(new Shape(3)); }");
        // The value w had before the cell is closed; those made and dropped inside the loop are DJL's to manage.
        assertEquals(1 + 1 + 2, open());
        run("var list = new ArrayList<NDArray>(); list.add(m.ones(new Shape(1))); list.add(m.ones(new Shape(1)));");
        run("var list = new ArrayList<NDArray>();");
        assertEquals(1 + 1 + 2, open());
    }

    @Test
    void arraysTheNotebookStillReachesStayOpen() {
        run("var a = m.ones(new Shape(2)); var kept = new ArrayList<>(List.of(a)); var holder = new Object[] {a};");
        run("var a = m.zeros(new Shape(2));");
        assertEquals("false", run("kept.get(0).isReleased()"));
        run("class Box { static NDArray stored; NDArray field; Box(NDArray f) { field = f; } }");
        run("var b = m.ones(new Shape(2)); Box.stored = b; var box = new Box(b);");
        run("var b = m.zeros(new Shape(2)); var box = new Box(null);");
        assertEquals("false", run("Box.stored.isReleased()"));
        run("var c = m.ones(new Shape(2)); var c2 = c; java.util.function.Supplier<NDArray> s = () -> c2;");
        run("var c = m.zeros(new Shape(2)); var c2 = m.zeros(new Shape(1));");
        assertEquals("false", run("s.get().isReleased()"));
    }

    @Test
    void nothingIsClosedWhenTurnedOff() {
        run("var big = m.ones(new Shape(8));");
        ReplacedArrays.enable(false);
        run("var big = m.ones(new Shape(8));");
        assertEquals(2, open());
    }

    @Test
    void theWalkSeesThroughCollectionsAndStopsAtManagers() {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            var array = manager.ones(new ai.djl.ndarray.types.Shape(1));
            var other = manager.ones(new ai.djl.ndarray.types.Shape(1));
            List<Object> found = new java.util.ArrayList<>();
            ObjectGraph graph = new ObjectGraph(1000, 1000);
            ObjectGraph.Outcome outcome = graph.walk(List.of(Map.of("k", List.of(array)), manager), found::add);
            assertEquals(ObjectGraph.Outcome.COMPLETE, outcome);
            assertEquals(List.of(array), found, "the manager holds both arrays, and is not walked into");
            assertEquals(ObjectGraph.Outcome.OVER_BUDGET,
                    new ObjectGraph(2, 1000).walk(List.of(List.of(List.of(List.of(other)))), x -> false));
        }
    }
}
