package io.djinn.kernel.runtime;

import io.djinn.kernel.DaemonThreads;
import io.djinn.wire.ExtensionCommands;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the JShell instance and the runtime JVM behind it: starts them with their preloads, stops a
 * running cell, notices a runtime that died, and replaces it.
 *
 * <p>JShell is not thread-safe. The cell thread holds the analysis gate while it evaluates, except while
 * user code runs in the runtime ({@link HostExecutionControl#invoke}); completion and inspection take the
 * gate too, so they are answered during long cells without racing the compiler.
 */
public final class RuntimeHost implements RuntimeControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeHost.class);
    /** Longest that JShell's class index waits for a start's first cell or completion request. */
    private static final long CLASS_INDEXING_HOLD_MS = 30_000;

    private final RuntimeSettings settings;
    private final RuntimeIo io;
    private final Semaphore analysisGate = new Semaphore(1);
    private final List<String> addedClasspath = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watchdog = DaemonThreads.scheduler("djinn-runtime-watchdog");
    private volatile JShell shell;
    private volatile List<Snippet> kernelSnippets = List.of();
    private final Set<String> resetVariables = ConcurrentHashMap.newKeySet();
    private final ExtensionCalls extensionCalls = new ExtensionCalls();
    private volatile RuntimeProcess process;
    private volatile ExecutionControl control;
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile ClassIndexingHold classIndexing;

    public RuntimeHost(RuntimeSettings settings, RuntimeIo io) {
        this.settings = settings;
        this.io = io;
    }

    /** Starts the runtime in the background; {@link #awaitReady()} waits for it. */
    public void startInBackground() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        ready = future;
        Thread thread = new Thread(() -> {
            try {
                start();
                future.complete(null);
            } catch (Throwable e) {
                LOG.error("the runtime did not start", e);
                future.completeExceptionally(e);
            }
        }, "djinn-runtime-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the runtime; throws with the reason when it could not start. */
    @Override
    public void awaitReady() throws Exception {
        try {
            ready.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** Whether the runtime is ready within the wait; false while it still starts, or when it could not start. */
    public boolean readyWithin(long millis) {
        try {
            ready.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts a runtime and runs the startup sources; blocking. */
    public synchronized void start() throws Exception {
        analysisGate.acquireUninterruptibly();
        long started = System.nanoTime();
        try {
            releaseClassIndexing(); // a restart before any cell: the old hold would keep the new one waiting 30 s
            classIndexing = ClassIndexingHold.hold(CLASS_INDEXING_HOLD_MS);
            PrintStream out = new PrintStream(io.stdout(), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(io.stderr(), true, StandardCharsets.UTF_8);
            RuntimeProvider provider = new RuntimeProvider(settings, io,
                    analysisGate, (startedProcess, startedControl) -> {
                        process = startedProcess;
                        control = startedControl;
                    }, resetVariables::addAll, extensionCalls);
            JShell built = JShell.builder()
                    .executionEngine(provider, java.util.Map.of())
                    .compilerOptions(settings.compilerOptions().toArray(String[]::new))
                    .out(out).err(err)
                    .build();
            // Through JShell, not a --class-path compiler option, which would hide later additions
            // from the compiler. The runtime already has these on its class path: its loader asks that first.
            built.addToClasspath(String.join(java.io.File.pathSeparator, settings.classpath()));
            for (String entry : addedClasspath) {
                built.addToClasspath(entry);
            }
            long startupSources = System.nanoTime();
            List<Snippet> kernelOwned = new ArrayList<>();
            try {
                for (RuntimeSettings.StartupSource source : settings.startup()) {
                    List<Snippet> made = runStartup(built, source);
                    if (source.kernelOwned()) {
                        kernelOwned.addAll(made);
                    }
                }
                provider.awaitLaunched();
            } catch (Exception e) {
                built.close();
                provider.awaitLaunched(); // if the runtime did not start, that is the reason to give
                throw e;
            }
            kernelSnippets = List.copyOf(kernelOwned);
            shell = built;
            LOG.info("runtime ready (pid {}) in {} ms, of which {} ms running the startup sources", process.pid(),
                    (System.nanoTime() - started) / 1_000_000, (System.nanoTime() - startupSources) / 1_000_000);
        } finally {
            analysisGate.release();
        }
    }

    /** Runs a startup source; returns the snippets it declared that stand (imports and declarations). */
    private static List<Snippet> runStartup(JShell shell, RuntimeSettings.StartupSource source) {
        List<Snippet> declared = new ArrayList<>();
        for (SnippetSource snippet : SnippetSource.split(shell.sourceCodeAnalysis(), source.code())) {
            for (SnippetEvent event : shell.eval(snippet.code())) {
                if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                    LOG.warn("startup source {}: '{}' failed: {}", source.name(), snippet.code().strip(),
                            event.exception() != null ? event.exception().toString()
                                    : shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                } else if (event.causeSnippet() == null && event.snippet() instanceof PersistentSnippet) {
                    declared.add(event.snippet());
                }
            }
        }
        return declared;
    }

    public JShell shell() {
        return shell;
    }

    /**
     * Lets JShell's class index be built (see {@link ClassIndexingHold}); called once the first cell after a
     * start has run, or completion or inspection is asked for, whichever comes first.
     */
    public void releaseClassIndexing() {
        ClassIndexingHold current = classIndexing;
        if (current != null) {
            current.release();
        }
    }

    /**
     * The variables whose value the runtime could not keep when JShell recompiled their class since the last
     * call (their type changed), by name; JShell starts them over at their default value.
     */
    public Set<String> takeResetVariables() {
        Set<String> taken = Set.copyOf(resetVariables);
        resetVariables.removeAll(taken);
        return taken;
    }

    /** The imports and declarations the kernel's own startup sources made in the current shell. */
    public List<Snippet> kernelSnippets() {
        return kernelSnippets;
    }

    public Semaphore analysisGate() {
        return analysisGate;
    }

    /** Stops the cell running now, if any; the runtime and its variables stay. */
    @Override
    public void interrupt() {
        RuntimeProcess current = process;
        if (current != null) {
            current.requestStop();
        }
    }

    /** Runs the action after the delay unless cancelled first (cell time-outs). */
    @Override
    public ScheduledFuture<?> schedule(Runnable action, long millis) {
        return watchdog.schedule(action, millis, TimeUnit.MILLISECONDS);
    }

    /** False once the runtime process has ended, whatever the reason. */
    @Override
    public boolean isAlive() {
        RuntimeProcess current = process;
        return current != null && current.isAlive() && shell != null;
    }

    /** The reason the current runtime ended (waits briefly for its exit status). */
    @Override
    public RuntimeDeath death() {
        RuntimeProcess current = process;
        Integer status = current == null ? null : current.exitStatus(2000);
        return new RuntimeDeath(status, current == null ? List.of() : current.lastLogLines());
    }

    /** Replaces the runtime with a fresh one; the classpath added so far comes along, variables do not. */
    @Override
    public synchronized void restart() throws Exception {
        closeRuntime();
        start();
        ready = CompletableFuture.completedFuture(null);
    }

    /** Kills the runtime now (a wedged one); the next cell sees it dead and restarts it. */
    @Override
    public void kill() {
        RuntimeProcess current = process;
        if (current != null) {
            current.kill();
        }
    }

    @Override
    public void addToClasspath(String entry) {
        analysisGate.acquireUninterruptibly();
        try {
            shell.addToClasspath(entry);
            addedClasspath.add(entry);
        } finally {
            analysisGate.release();
        }
    }

    @Override
    public long[] heapAfterCollection(long timeoutMillis) throws Exception {
        String[] usedAndMax = extension(ExtensionCommands.HEAP_STATUS, List.of(), timeoutMillis).split(" ");
        return new long[] {Long.parseLong(usedAndMax[0]), Long.parseLong(usedAndMax[1])};
    }

    /**
     * Runs an extension command in the runtime and returns its reply (null for none), killing the runtime when
     * it does not answer in time, which turns a wedged runtime into a dead one that the kernel can replace.
     */
    @Override
    public String extension(String command, List<String> arguments, long timeoutMillis) throws Exception {
        RuntimeProcess current = process;
        if (current == null || control == null) {
            throw new IllegalStateException("the runtime is not running");
        }
        try {
            return extensionCalls.call(current::sendExtension, current::isAlive, command, arguments, timeoutMillis);
        } catch (java.util.concurrent.TimeoutException e) {
            kill();
            throw e;
        }
    }

    private void closeRuntime() {
        JShell current = shell;
        shell = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the old runtime", e);
            }
        }
        RuntimeProcess old = process;
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        closeRuntime();
        watchdog.shutdownNow();
    }
}
