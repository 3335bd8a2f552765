package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.djinn.kernel.analysis.SnippetAnalysis;
import io.djinn.kernel.runtime.RuntimeControl;
import io.djinn.kernel.runtime.RuntimeDeath;
import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.MagicRegistry;
import io.djinn.magics.device.PerCellMemory;
import io.djinn.wire.ExtensionCommands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The cell runner with a scripted runtime and Java evaluation: ordering, failures, time-outs, runtime death. */
class CellRunnerTest {

    /** Evaluates Java as scripted: what it was given, and the result the script says. */
    private static final class ScriptedJava implements JavaCode {
        final List<String> evaluated = new ArrayList<>();
        Function<String, Result> script = source -> new Result.Done(value(source));
        Runnable duringEvaluation = () -> {};

        @Override
        public Result evaluate(String source, int firstLine, String origin, BooleanSupplier interrupted) {
            evaluated.add(source + " @" + origin + ":" + firstLine);
            duringEvaluation.run();
            return interrupted.getAsBoolean() ? new Result.Interrupted() : script.apply(source);
        }
    }

    private static final class ScriptedRuntime implements RuntimeControl {
        boolean alive = true;
        boolean startFails;
        long[] heap = {10, 100};
        int restarts;
        int kills;
        int interrupts;
        Runnable scheduled;

        @Override public void awaitReady() throws Exception {
            if (startFails) {
                throw new IllegalStateException("no java here");
            }
        }
        @Override public boolean isAlive() { return alive; }
        @Override public RuntimeDeath death() { return new RuntimeDeath(137, List.of("Killed")); }
        @Override public void restart() { restarts++; alive = true; }
        @Override public void kill() { kills++; alive = false; }
        @Override public void interrupt() { interrupts++; }
        @Override public ScheduledFuture<?> schedule(Runnable action, long millis) {
            scheduled = action;
            return null;
        }
        @Override public long[] heapAfterCollection(long timeoutMillis) { return heap; }
        @Override public void addToClasspath(String entry) {}

        final List<String> extensions = new ArrayList<>();
        Function<String, String> extensionReplies = command -> null;

        @Override public String extension(String command, List<String> arguments, long timeoutMillis) {
            extensions.add(command);
            return extensionReplies.apply(command);
        }
    }

    private static final class RecordingStreams implements CellStreams {
        final List<String> printed = new ArrayList<>();
        int inputsCancelled;

        @Override public void print(String text) { printed.add("out: " + text); }
        @Override public void printError(String text) { printed.add("err: " + text); }
        @Override public void displayData(Map<String, String> bundle) { printed.add("display: " + bundle); }
        @Override public void cancelInput() { inputsCancelled++; }
    }

    private static final SnippetAnalysis NO_ANALYSIS = new SnippetAnalysis() {
        @Override public String expressionType(String code) { return null; }
        @Override public List<MagicContext.CodePiece> pieces(String code) { return List.of(); }
        @Override public List<MagicContext.Variable> variables() { return List.of(); }
    };

    /** %run CODE runs the code as a cell would, and fails with its own message when asked to. */
    @Command(name = "run")
    public static final class RunMagic implements LineMagic {
        @Parameters(index = "0")
        String code;
        @Parameters(index = "1", defaultValue = "")
        String then;

        @Override
        public void run(MagicContext context) throws Exception {
            boolean ok = context.runOwnCode(code, true, MagicContext.CodeStart.ON_MAGIC_LINE);
            if (!ok && then.equals("complain")) {
                throw new MagicException("%run: the code failed");
            }
        }
    }

    private final ScriptedJava java = new ScriptedJava();
    private final ScriptedRuntime runtime = new ScriptedRuntime();
    private final RecordingStreams streams = new RecordingStreams();
    private final PerCellMemory perCellMemory = new PerCellMemory();
    private final CellRunner runner = new CellRunner(runtime, java, streams, new MagicRegistry().register(RunMagic::new),
            NO_ANALYSIS, Path.of("."), 60_000, perCellMemory);

    private static JsonObject value(String text) {
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", text);
        JsonObject bundle = new JsonObject();
        bundle.add("data", data);
        return bundle;
    }

    private static String text(CellResult result) {
        return result.value().getAsJsonObject("data").get("text/plain").getAsString();
    }

    @Test
    void codeAndMagicsRunInOrderAtTheirLinesAndTheLastValueIsTheCells() {
        CellResult result = runner.run("int a = 1;\n%run b\nc", 7);
        assertEquals(List.of("int a = 1; @cell [7]:0", "b @cell [7]:1", "c @cell [7]:2"), java.evaluated);
        assertEquals("c", text(result));
    }

    @Test
    void theCellStopsAtItsFirstFailure() {
        java.script = source -> source.equals("bad") ? new JavaCode.Result.Failed(CellFailure.plain("Oops", "bad"))
                : new JavaCode.Result.Done(null);
        CellResult result = runner.run("bad\n%run never", 1);
        assertEquals("Oops", result.failure().name());
        assertEquals(List.of("bad @cell [1]:0"), java.evaluated);
    }

    @Test
    void whenAMagicsCodeFailsThatFailureIsTheCellsAndTheMagicsOwnMessageGoesToStderr() {
        java.script = source -> new JavaCode.Result.Failed(CellFailure.plain("CompilationError", "cannot find symbol"));
        CellResult result = runner.run("%run broken complain", 1);
        assertEquals("CompilationError", result.failure().name());
        assertEquals(List.of("err: %run: the code failed\n"), streams.printed);
    }

    @Test
    void aMagicsOwnErrorIsAUsageError() {
        CellResult result = runner.run("%run", 1);
        assertEquals("UsageError", result.failure().name());
        assertTrue(result.failure().value().startsWith("%run: Missing required parameter"), result.failure().value());
        assertEquals("UsageError", runner.run("%nosuch", 2).failure().name());
    }

    @Test
    void aCellPastItsTimeOutIsStoppedAndSaysWhy() {
        java.duringEvaluation = () -> runtime.scheduled.run(); // the time-out fires while the code runs
        CellResult result = runner.run("while (true) {}", 1);
        assertEquals("TimeoutException", result.failure().name());
        assertTrue(result.failure().value().contains("DJINN_TIMEOUT (60000 ms)"), result.failure().value());
        assertEquals(1, runtime.interrupts);
        assertEquals(1, streams.inputsCancelled);
    }

    @Test
    void aDeadRuntimeIsDescribedAndReplaced() {
        java.script = source -> {
            runtime.alive = false;
            return new JavaCode.Result.RuntimeDied();
        };
        CellResult result = runner.run("System.exit(1);", 1);
        assertEquals("RuntimeDied", result.failure().name());
        assertTrue(result.failure().value().contains("signal 9"), result.failure().value());
        assertTrue(result.failure().value().contains("A fresh runtime was started"), result.failure().value());
        assertEquals(1, runtime.restarts);
    }

    @Test
    void aRuntimeFoundDeadBeforeACellIsReplacedFirst() {
        runtime.alive = false;
        CellResult result = runner.run("1", 1);
        assertEquals("RuntimeDied", result.failure().name());
        assertTrue(result.failure().value().startsWith("Before this cell: "), result.failure().value());
        assertEquals(1, runtime.restarts);
        assertTrue(java.evaluated.isEmpty());
    }

    @Test
    void anOutOfMemoryErrorReplacesTheRuntimeOnlyWhenItsHeapStaysFull() {
        java.script = source -> new JavaCode.Result.Failed(CellFailure.plain("java.lang.OutOfMemoryError", "Java heap space"));
        assertEquals("java.lang.OutOfMemoryError", runner.run("big()", 1).failure().name());
        assertEquals(0, runtime.restarts, "a heap that recovered keeps the variables");
        runtime.heap = new long[] {95, 100};
        CellResult full = runner.run("big()", 2);
        assertEquals("RuntimeDied", full.failure().name());
        assertTrue(full.failure().value().contains("stayed full after a collection"), full.failure().value());
        assertEquals(1, runtime.kills);
        assertEquals(1, runtime.restarts);
    }

    @Test
    void aRuntimeThatCannotStartIsTheCellsError() {
        runtime.startFails = true;
        CellResult result = runner.run("1", 1);
        assertEquals("RuntimeStartError", result.failure().name());
        assertTrue(result.failure().value().endsWith("no java here"));
    }

    @Test
    void anInterruptStopsTheCodeAndTheInputPromptAndKeepsTheRuntime() {
        java.duringEvaluation = runner::interrupt;
        CellResult result = runner.run("Thread.sleep(100000);", 1);
        assertEquals("Interrupted", result.failure().name());
        assertEquals(0, runtime.restarts);
        // The next cell starts afresh.
        java.duringEvaluation = () -> {};
        assertFalse(runner.run("1", 2).failure() != null);
        assertNull(runner.run("%run x", 3).failure());
    }

    @Test
    void withPerCellMemoryOnACellIsMarkedBeforeAndEndsWithItsChange() {
        runtime.extensionReplies = command -> command.equals(ExtensionCommands.MEMORY_CHANGE)
                ? "memory: cpu +1 NDArray (+24 B); RSS +1.0 MiB" : null;
        runner.run("var x = 1;", 1);
        assertEquals(List.of(), runtime.extensions, "off by default");
        perCellMemory.set(true);
        runner.run("var y = 2;", 2);
        assertEquals(List.of(ExtensionCommands.MEMORY_MARK, ExtensionCommands.MEMORY_CHANGE), runtime.extensions);
        assertEquals("out: memory: cpu +1 NDArray (+24 B); RSS +1.0 MiB\n", streams.printed.get(streams.printed.size() - 1));
    }

    @Test
    void theCellThatTurnsItOnIsNotReportedAndAFailedMarkReportsNothing() {
        java.duringEvaluation = () -> perCellMemory.set(true);
        runner.run("perCell.set(true); // as %memory --per-cell on does", 1);
        assertEquals(List.of(), runtime.extensions);
        runtime.extensionReplies = command -> {
            throw new IllegalStateException("no runtime");
        };
        int printedBefore = streams.printed.size();
        assertTrue(runner.run("var z = 3;", 2).succeeded());
        assertEquals(List.of(ExtensionCommands.MEMORY_MARK), runtime.extensions);
        assertEquals(printedBefore, streams.printed.size());
    }
}
