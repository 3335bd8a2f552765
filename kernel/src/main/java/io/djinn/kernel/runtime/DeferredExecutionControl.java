package io.djinn.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jdk.jshell.spi.ExecutionControl;

/**
 * JShell's execution control for a runtime JVM that is still starting. JShell asks for its control when it
 * is built, but compiles the start-up sources long before it first needs the runtime; with this control in
 * between, javac's cold first compiles run while the runtime JVM starts instead of after it. Each call waits
 * for the runtime and then goes to it; class-path additions made before it is up are passed on first. If the
 * runtime did not start, calls fail as JShell expects of an engine that has ended.
 */
final class DeferredExecutionControl implements ExecutionControl {

    private final CompletableFuture<ExecutionControl> starting;
    private final List<String> pendingClasspath = new ArrayList<>(); // guarded by this
    private ExecutionControl started; // guarded by this

    DeferredExecutionControl(CompletableFuture<ExecutionControl> starting) {
        this.starting = starting;
    }

    /** The runtime's control, once started and given the class path added meanwhile. */
    private synchronized ExecutionControl control() throws EngineTerminationException {
        if (started == null) {
            ExecutionControl control;
            try {
                control = starting.join();
            } catch (CompletionException | CancellationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new EngineTerminationException("the runtime did not start: " + cause.getMessage());
            }
            try {
                for (String path : pendingClasspath) {
                    control.addToClasspath(path);
                }
            } catch (InternalException e) {
                throw new EngineTerminationException("the runtime did not take the class path: " + e.getMessage());
            }
            pendingClasspath.clear();
            started = control;
        }
        return started;
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        control().load(classes);
    }

    @Override
    public void redefine(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        control().redefine(classes);
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        return control().invoke(className, methodName);
    }

    @Override
    public String varValue(String className, String variableName)
            throws RunException, EngineTerminationException, InternalException {
        return control().varValue(className, variableName);
    }

    @Override
    public synchronized void addToClasspath(String path) throws EngineTerminationException, InternalException {
        if (started == null) {
            pendingClasspath.add(path); // the compiler has it already; the runtime gets it once it is up
        } else {
            started.addToClasspath(path);
        }
    }

    /** Nothing runs before the runtime is up, so there is nothing to stop until then. */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        if (starting.isDone() && !starting.isCompletedExceptionally()) {
            starting.join().stop();
        }
    }

    @Override
    public Object extensionCommand(String command, Object argument)
            throws RunException, EngineTerminationException, InternalException {
        return control().extensionCommand(command, argument);
    }

    /** Closes the runtime now, or as soon as it is up if JShell closes before that. */
    @Override
    public void close() {
        starting.thenAccept(ExecutionControl::close);
    }
}
