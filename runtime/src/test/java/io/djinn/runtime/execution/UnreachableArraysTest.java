package io.djinn.runtime.execution;

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
class UnreachableArraysTest {

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
        UnreachableArrays.enable(true);
        run("import ai.djl.ndarray.*; import ai.djl.ndarray.types.*; import java.util.*;");
        run("NDManager m = NDManager.newBaseManager();");
    }

    @AfterEach
    void close() {
        run("m.close();");
        shell.close();
        UnreachableArrays.enable(true);
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
    void temporariesOnTheNotebooksManagerAreClosedAndAManagerOfOnesOwnKeepsDjlsRule() {
        run("NDManager notebook = io.djinn.api.Devices.manager();");
        run("notebook.ones(new Shape(2));"); // makes the manager behind it
        int open = notebookArrays();
        for (int i = 0; i < 5; i++) {
            run("notebook.ones(new Shape(4)).add(1).sum();");
        }
        run("var keptSum = notebook.ones(new Shape(4)).add(1).sum();");
        // Only the sums stay: JShell keeps each expression's value in a result variable ($1...), which the
        // kernel drops after 100 cells; the ones and the add were temporaries.
        assertEquals(open + 6, notebookArrays());
        run("m.ones(new Shape(4)).add(1);");
        assertEquals(2, open(), "arrays on a manager of one's own live until it closes, as in DJL");
    }

    private int notebookArrays() {
        return Integer.parseInt(run("io.djinn.runtime.device.DeviceSwitch.instance().openManagers().stream()"
                + ".mapToInt(x -> x.getManagedArrays().size()).sum()"));
    }

    @Test
    void aReplacedModelIsClosedWithTheArraysOnlyItsManagerHolds() {
        run("import ai.djl.*; import ai.djl.nn.core.*; import ai.djl.training.*; import ai.djl.training.loss.*;");
        run("record Fit(Trainer trainer) {}");
        // A training step: the optimizer fetches each parameter's gradient as a new array on the model's
        // manager, which no object keeps; only closing that manager frees them.
        run("Fit fit() throws Exception { Model model = Model.newInstance(\"m\"); model.setBlock(Linear.builder().setUnits(1).build());"
                + " Trainer t = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss())); t.initialize(new Shape(1, 3));"
                + " try (var c = t.newGradientCollector()) { c.backward(t.forward(new NDList(io.djinn.api.Devices.manager().ones(new Shape(2, 3)))).head().sum()); }"
                + " t.step(); return new Fit(t); }");
        run("Fit net = fit();");
        String afterOne = run("io.djinn.api.LiveArrays.snapshot().count()");
        run("Fit net = fit();");
        run("Fit net = fit();");
        assertEquals(afterOne, run("io.djinn.api.LiveArrays.snapshot().count()"));
        run("var keptTrainer = net.trainer();");
        run("Fit net = fit();");
        assertEquals("false", run("keptTrainer.getModel().getBlock().getParameters().valueAt(0).getArray().isReleased()"),
                "a model still reached through another variable stays open");
    }

    @Test
    void nothingIsClosedWhenTurnedOff() {
        run("var big = m.ones(new Shape(8));");
        UnreachableArrays.enable(false);
        run("var big = m.ones(new Shape(8));");
        assertEquals(2, open());
    }

    @Test
    void theWalkSeesThroughCollectionsAndStopsAtManagers() {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            var array = manager.ones(new ai.djl.ndarray.types.Shape(1));
            var other = manager.ones(new ai.djl.ndarray.types.Shape(1));
            ObjectGraph.Reached found = new ObjectGraph.Reached();
            ObjectGraph graph = new ObjectGraph(1000, 1000);
            ObjectGraph.Outcome outcome = graph.walk(List.of(Map.of("k", List.of(array)), manager), found);
            assertEquals(ObjectGraph.Outcome.COMPLETE, outcome);
            assertEquals(java.util.Set.of(array), java.util.Set.copyOf(found.arrays), "the manager holds both, and is not walked into");
            assertEquals(java.util.Set.of(manager), java.util.Set.copyOf(found.managers));
            assertEquals(ObjectGraph.Outcome.OVER_BUDGET,
                    new ObjectGraph(2, 1000).walk(List.of(List.of(List.of(List.of(other)))), new ObjectGraph.Reached()));
        }
    }
}
