package io.djinn.kernel.execution;

import com.google.gson.JsonObject;
import io.djinn.kernel.analysis.SnippetAnalysis;
import io.djinn.kernel.runtime.RuntimeControl;
import io.djinn.kernel.runtime.RuntimeDeath;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.MagicRegistry;
import io.djinn.magics.device.PerCellMemory;
import io.djinn.wire.ExtensionCommands;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one cell: its magics in the kernel, its Java in the runtime, in order, stopping at the first
 * failure. It also turns an interrupt, a time-out or a dead runtime into an error the user can read,
 * and replaces a dead runtime before the next cell.
 */
public final class CellRunner implements CellExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(CellRunner.class);
    private static final String OUT_OF_MEMORY = "java.lang.OutOfMemoryError";
    private static final long HEAP_CHECK_TIMEOUT_MS = 15_000;
    private static final double UNUSABLE_HEAP_FRACTION = 0.9;

    // Reading the memory takes milliseconds; a runtime that does not answer in this long is wedged.
    private static final long MEMORY_TIMEOUT_MS = 30_000;

    private final RuntimeControl host;
    private final JavaCode java;
    private final CellStreams output;
    private final MagicRegistry magics;
    private final SnippetAnalysis analysis;
    private final Path workingDirectory;
    private final long timeoutMillis;
    private final PerCellMemory perCellMemory;
    private final AtomicBoolean interruptRequested = new AtomicBoolean();
    private volatile boolean timedOut;
    /** Where the code running now comes from, for errors: the cell, or a file %load runs. */
    private String origin = SnippetLocations.cell(0);
    /** The line of its origin that the code running now starts on (a magic's own code starts at the magic). */
    private int firstLine;

    /** @param perCellMemory whether each cell ends with its memory change (%memory --per-cell) */
    public CellRunner(RuntimeControl host, JavaCode java, CellStreams output, MagicRegistry magics,
            SnippetAnalysis analysis, Path workingDirectory, long timeoutMillis, PerCellMemory perCellMemory) {
        this.host = host;
        this.java = java;
        this.output = output;
        this.magics = magics;
        this.analysis = analysis;
        this.workingDirectory = workingDirectory;
        this.timeoutMillis = timeoutMillis;
        this.perCellMemory = perCellMemory;
    }

    /** Stops the running cell (and any input prompt); the cells before it and their variables stay. */
    public void interrupt() {
        interruptRequested.set(true);
        host.interrupt();
        output.cancelInput();
    }

    @Override
    public CellResult run(String code, int count) {
        interruptRequested.set(false);
        timedOut = false;
        origin = SnippetLocations.cell(count);
        firstLine = 0;
        try {
            host.awaitReady();
        } catch (Exception e) {
            return CellResult.failed(CellFailure.plain("RuntimeStartError",
                    "the runtime JVM could not start: " + e.getMessage()));
        }
        if (!host.isAlive()) {
            CellFailure restartFailure = replaceDeadRuntime("Before this cell: ", null);
            if (restartFailure != null) {
                return CellResult.failed(restartFailure);
            }
        }
        ScheduledFuture<?> timeout = timeoutMillis > 0 ? host.schedule(this::timeOut, timeoutMillis) : null;
        // A cell that turns the report on is not reported: it had no mark.
        boolean reportMemory = perCellMemory.on() && memoryCommand(ExtensionCommands.MEMORY_MARK) != null;
        try {
            return runSegments(CellSplitter.split(code));
        } finally {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (reportMemory && perCellMemory.on() && host.isAlive()) {
                String change = memoryCommand(ExtensionCommands.MEMORY_CHANGE);
                if (change != null && !change.isEmpty()) {
                    output.print(change + "\n");
                }
            }
        }
    }

    /** The reply ("" for none) of a memory command; null when it failed, which the log says, not the cell. */
    private String memoryCommand(String command) {
        try {
            String reply = host.extension(command, List.of(), MEMORY_TIMEOUT_MS);
            return reply == null ? "" : reply;
        } catch (Exception e) {
            LOG.warn("%memory --per-cell: {} failed", command, e);
            return null;
        }
    }

    private CellResult runSegments(List<CellSegment> segments) {
        CellResult result = CellResult.ok(null);
        for (CellSegment segment : segments) {
            if (interruptRequested.get()) {
                return CellResult.failed(interrupted());
            }
            result = runSegment(segment);
            if (!result.succeeded()) {
                return result;
            }
        }
        return result;
    }

    private CellResult runSegment(CellSegment segment) {
        if (segment instanceof CellSegment.Code code) {
            return runJava(code);
        }
        MagicRun run = new MagicRun(segment instanceof CellSegment.LineMagic line ? line.line()
                : ((CellSegment.CellMagic) segment).line());
        try {
            if (segment instanceof CellSegment.LineMagic line) {
                if (line.help()) {
                    output.print(magics.help(line.name(), false));
                } else {
                    magics.runLine(line.name(), line.arguments(), run);
                }
            } else if (segment instanceof CellSegment.CellMagic cell) {
                if (cell.help()) {
                    output.print(magics.help(cell.name(), true));
                } else {
                    magics.runCell(cell.name(), cell.arguments(), cell.body(), run);
                }
            }
            return run.failure != null ? CellResult.failed(run.failure) : CellResult.ok(run.value);
        } catch (MagicException e) {
            if (run.failure != null) {
                // The code the magic ran failed first: that is the cause worth showing.
                output.printError(e.getMessage() + "\n");
                return CellResult.failed(run.failure);
            }
            return CellResult.failed(CellFailure.plain(e.errorName(), e.getMessage()));
        } catch (Exception e) {
            LOG.debug("magic failed", e);
            return CellResult.failed(CellFailure.plain(e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
        }
    }

    private CellResult runJava(CellSegment.Code code) {
        JavaCode.Result result = java.evaluate(code.source(), firstLine + code.startLine(), origin, interruptRequested::get);
        if (result instanceof JavaCode.Result.Done done) {
            return CellResult.ok(done.value());
        } else if (result instanceof JavaCode.Result.Failed failed) {
            if (OUT_OF_MEMORY.equals(failed.failure().name())) {
                CellFailure unusable = replaceIfHeapStaysFull();
                if (unusable != null) {
                    return CellResult.failed(unusable);
                }
            }
            return CellResult.failed(failed.failure());
        } else if (result instanceof JavaCode.Result.Interrupted) {
            return CellResult.failed(interrupted());
        }
        return CellResult.failed(replaceDeadRuntime("", null));
    }

    private CellFailure interrupted() {
        return timedOut
                ? CellFailure.plain("TimeoutException", "the cell ran longer than DJINN_TIMEOUT ("
                        + timeoutMillis + " ms) and was stopped; the variables defined before it are kept.")
                : CellFailure.plain("Interrupted", "the cell was stopped; the variables defined before it are kept.");
    }

    /**
     * After an OutOfMemoryError: a runtime whose heap is still nearly full after a collection would
     * fail every later cell, so it is replaced now; one that recovered keeps its variables.
     */
    private CellFailure replaceIfHeapStaysFull() {
        long[] heap;
        try {
            heap = host.heapAfterCollection(HEAP_CHECK_TIMEOUT_MS);
        } catch (Exception e) {
            return replaceDeadRuntime("", null);
        }
        if (heap[1] > 0 && heap[0] > UNUSABLE_HEAP_FRACTION * heap[1]) {
            host.kill();
            return replaceDeadRuntime("", String.format("The runtime JVM ran out of heap memory and stayed full after a "
                    + "collection (%d of %d MiB in use), so it could not run anything more. Give it more with "
                    + "DJINN_JVM_OPTS=-Xmx..., or keep fewer large objects.", heap[0] >> 20, heap[1] >> 20));
        }
        return null;
    }

    /** Describes how the runtime died (or the given cause) and starts a fresh one; returns the failure. */
    private CellFailure replaceDeadRuntime(String prefix, String cause) {
        RuntimeDeath death = host.death();
        String message = prefix + (cause != null ? cause : death.describe());
        LOG.warn("runtime replaced: {}", message);
        try {
            host.restart();
            message += "\nA fresh runtime was started: variables and definitions are gone, "
                    + "the classpath added with %maven/%jars was restored. Run the cells you need again.";
        } catch (Exception e) {
            message += "\nStarting a fresh runtime failed too: " + e.getMessage();
        }
        return CellFailure.plain("RuntimeDied", message);
    }

    /**
     * The session as one magic sees it. Code it runs may fail: the first failure becomes the cell's
     * error, and the value it asks to show becomes the cell's value.
     */
    private final class MagicRun implements MagicContext {

        private final int magicLine;
        private CellFailure failure;
        private JsonObject value;

        /** @param magicLine the magic's line in the code that holds it */
        MagicRun(int magicLine) {
            this.magicLine = magicLine;
        }

        @Override
        public boolean runCell(String source, boolean showValue) {
            return run(source, showValue, origin, firstLine);
        }

        @Override
        public boolean runOwnCode(String code, boolean showValue, CodeStart start) {
            return run(code, showValue, origin, firstLine + magicLine + (start == CodeStart.AFTER_MAGIC_LINE ? 1 : 0));
        }

        @Override
        public boolean runCell(String source, boolean showValue, String sourceName) {
            return run(source, showValue, sourceName, 0);
        }

        private boolean run(String source, boolean showValue, String sourceOrigin, int sourceFirstLine) {
            String outerOrigin = origin;
            int outerFirstLine = firstLine;
            origin = sourceOrigin;
            firstLine = sourceFirstLine;
            CellResult nested;
            try {
                nested = runSegments(CellSplitter.split(source));
            } finally {
                origin = outerOrigin;
                firstLine = outerFirstLine;
            }
            if (!nested.succeeded()) {
                if (failure == null) {
                    failure = nested.failure();
                }
                return false;
            }
            if (showValue) {
                value = nested.value();
            }
            return true;
        }

        @Override
        public String expressionType(String code) {
            return analysis.expressionType(code);
        }

        @Override
        public List<CodePiece> pieces(String code) {
            return analysis.pieces(code);
        }

        @Override
        public List<Variable> variables() {
            return analysis.variables();
        }

        @Override
        public boolean interrupted() {
            return interruptRequested.get();
        }

        @Override
        public void addToClasspath(List<Path> entries) {
            entries.forEach(entry -> host.addToClasspath(entry.toString()));
        }

        @Override
        public void print(String text) {
            output.print(text);
        }

        @Override
        public void printError(String text) {
            output.printError(text);
        }

        @Override
        public void display(Map<String, String> bundle) {
            output.displayData(bundle);
        }

        @Override
        public Path workingDirectory() {
            return workingDirectory;
        }
    }

    private void timeOut() {
        timedOut = true;
        interrupt();
    }
}
