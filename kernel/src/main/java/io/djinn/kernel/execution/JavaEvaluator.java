package io.djinn.kernel.execution;

import com.google.gson.JsonObject;
import io.djinn.kernel.output.CellOutput;
import io.djinn.kernel.runtime.RuntimeHost;
import io.djinn.kernel.runtime.SnippetSource;
import io.djinn.wire.ExtensionCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Evaluates Java source snippet by snippet in the runtime, through JShell, and tells how it ended. */
public final class JavaEvaluator implements JavaCode {

    private static final Logger LOG = LoggerFactory.getLogger(JavaEvaluator.class);
    private static final long RENDER_TIMEOUT_MS = 30_000;
    private static final int FORGET_BATCH = 20;

    private final RuntimeHost host;
    private final CellOutput output;
    private final SnippetLocations locations;
    private final ErrorFormatter errors;
    private final TemporaryResults temporaryResults = new TemporaryResults();
    private JShellCompactor compactor;
    private JShell compactedShell;
    private KernelDefinitions definitions;
    private JShell definedShell;
    private final List<String> droppedResults = new ArrayList<>();

    public JavaEvaluator(RuntimeHost host, CellOutput output) {
        this.host = host;
        this.output = output;
        this.locations = new SnippetLocations();
        this.errors = new ErrorFormatter(locations);
    }

    /**
     * Holds the analysis gate throughout: JShell is compiled on this thread and analysed on the shell
     * thread, and the gate opens only while user code runs ({@code HostExecutionControl#invoke}).
     */
    @Override
    public Result evaluate(String source, int firstLineInCell, String origin, BooleanSupplier interruptRequested) {
        host.analysisGate().acquireUninterruptibly();
        try {
            Result result = evaluateHoldingGate(source, firstLineInCell, origin, interruptRequested);
            host.releaseClassIndexing();
            JShell shell = host.shell();
            if (!(result instanceof Result.RuntimeDied) && shell != null) {
                compactor(shell).afterCell();
                forgetDroppedResults();
            }
            return result;
        } finally {
            host.analysisGate().release();
        }
    }

    private Result evaluateHoldingGate(String source, int firstLineInCell, String origin,
            BooleanSupplier interruptRequested) {
        JShell shell = host.shell();
        if (shell == null) {
            return new Result.RuntimeDied();
        }
        SnippetEvent last = null;
        for (SnippetSource snippet : SnippetSource.split(shell.sourceCodeAnalysis(), source)) {
            if (interruptRequested.getAsBoolean()) {
                return new Result.Interrupted();
            }
            List<SnippetEvent> events;
            try {
                long started = System.nanoTime();
                events = shell.eval(snippet.code());
                LOG.debug("JShell eval took {} µs", (System.nanoTime() - started) / 1000);
            } catch (IllegalStateException closed) {
                return new Result.RuntimeDied();
            }
            int firstLine = firstLineInCell + snippet.startLine();
            JShellCompactor compactor = compactor(shell);
            events.forEach(compactor::observed); // they have run, failed or not
            Set<String> lostValues = host.takeResetVariables();
            KernelDefinitions.Outcome kernel = definitions(shell).afterSnippet(shell, events, lostValues::contains);
            kernel.events().forEach(compactor::observed);
            List<SnippetEvent> all = new ArrayList<>(events);
            all.addAll(kernel.events());
            UpdateNotes.describe(shell, all, definitions::isKernelVariable, lostValues::contains).forEach(this::note);
            kernel.notes().forEach(this::note);
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue; // a dependent snippet updated as a consequence; not this cell's own
                }
                Snippet evaluated = event.snippet();
                locations.record(evaluated.id(), origin, firstLine);
                temporaryResults.noteNamesUsed(shell, evaluated);
                if (event.status() == Snippet.Status.REJECTED) {
                    return new Result.Failed(errors.compileErrors(shell.diagnostics(evaluated).toList(),
                            snippet.code(), firstLine, origin));
                }
                if (event.exception() != null) {
                    if (interruptRequested.getAsBoolean()) {
                        return new Result.Interrupted();
                    }
                    if (!host.isAlive()) {
                        return new Result.RuntimeDied();
                    }
                    return new Result.Failed(errors.exception(event.exception()));
                }
                warnIfUnresolved(shell, evaluated, event);
                for (VarSnippet dropped : temporaryResults.evaluated(shell, evaluated)) {
                    compactor.dropped(dropped);
                    droppedResults.add(dropped.name());
                }
                last = event;
            }
            if (!host.isAlive()) {
                return new Result.RuntimeDied();
            }
        }
        if (interruptRequested.getAsBoolean()) {
            return new Result.Interrupted();
        }
        return new Result.Done(last == null ? null : value(last));
    }

    /**
     * Tells the runtime which result variables were dropped, so that it lets go of their values (JShell's
     * drop leaves them in the old class) and closes the arrays only they reached; a round trip per
     * {@value #FORGET_BATCH} dropped results.
     */
    private void forgetDroppedResults() {
        if (droppedResults.size() < FORGET_BATCH) {
            return;
        }
        try {
            host.extension(ExtensionCommands.FORGET_VARIABLES, List.copyOf(droppedResults), RENDER_TIMEOUT_MS);
        } catch (Exception e) {
            LOG.warn("could not tell the runtime about dropped result variables", e);
        }
        droppedResults.clear();
    }

    /** A fresh runtime has fresh kernel definitions. */
    private KernelDefinitions definitions(JShell shell) {
        if (shell != definedShell) {
            definitions = new KernelDefinitions(host.kernelSnippets());
            definedShell = shell;
            droppedResults.clear(); // the old runtime's variables went with it
        }
        return definitions;
    }

    /** A line on stderr about what a snippet did besides its own work. */
    private void note(String text) {
        output.printError("Note: " + text + "\n");
    }

    /** A fresh runtime has a fresh JShell, with its own records. */
    private JShellCompactor compactor(JShell shell) {
        if (shell != compactedShell) {
            compactor = JShellCompactor.of(shell);
            compactedShell = shell;
        }
        return compactor;
    }

    /** JShell accepts a method that uses an undeclared name; say so rather than staying silent. */
    private void warnIfUnresolved(JShell shell, Snippet snippet, SnippetEvent event) {
        boolean recoverable = event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED;
        if (recoverable && snippet instanceof DeclarationSnippet declaration) {
            String missing = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
            note(declaration.name() + " can only be used once "
                    + (missing.isEmpty() ? "its errors are fixed" : missing + " is declared") + ".");
        }
    }

    /** The cell's value: what the snippet returned, rendered in the runtime; null when there is none to show. */
    private JsonObject value(SnippetEvent event) {
        Snippet snippet = event.snippet();
        boolean expression = snippet instanceof ExpressionSnippet
                || snippet instanceof VarSnippet var && var.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
        if (!expression || event.value() == null) {
            return null;
        }
        try {
            long started = System.nanoTime();
            output.takeResult(); // nothing stale
            String reply = host.extension(ExtensionCommands.RENDER_RESULT, List.of(), RENDER_TIMEOUT_MS);
            LOG.debug("rendering took {} µs", (System.nanoTime() - started) / 1000);
            if (ExtensionCommands.NOTHING_TO_RENDER.equals(reply)) {
                return null;
            }
            JsonObject rendered = output.takeResult();
            if (rendered != null) {
                return rendered;
            }
            LOG.warn("the runtime replied {} to rendering the cell's value but sent no bundle", reply);
        } catch (Exception e) {
            LOG.warn("rich rendering failed; showing JShell's text", e);
        }
        // The runtime could not render it richly: JShell's own text is still right.
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", event.value());
        JsonObject bundle = new JsonObject();
        bundle.add("data", data);
        return bundle;
    }
}
