package io.djinn.kernel.runtime;

import java.util.concurrent.ScheduledFuture;

/** The runtime JVM as the cell runner controls it: readiness, death and replacement, stops, time-outs. */
public interface RuntimeControl {

    /** Waits for the runtime; throws with the reason when it could not start. */
    void awaitReady() throws Exception;

    /** False once the runtime process has ended, whatever the reason. */
    boolean isAlive();

    /** The reason the current runtime ended. */
    RuntimeDeath death();

    /** Replaces the runtime with a fresh one; the classpath added so far comes along, variables do not. */
    void restart() throws Exception;

    /** Kills the runtime now (a wedged one); the next cell sees it dead and restarts it. */
    void kill();

    /** Stops the cell running now, if any. */
    void interrupt();

    /** Runs the action after the delay unless cancelled first. */
    ScheduledFuture<?> schedule(Runnable action, long millis);

    /** After a full collection: {used, max} heap bytes; throws when the runtime does not answer in time. */
    long[] heapAfterCollection(long timeoutMillis) throws Exception;

    void addToClasspath(String entry);

    /**
     * Runs one of {@code io.djinn.wire.ExtensionCommands} in the runtime and returns its reply (null for none);
     * kills a runtime that does not answer in time.
     */
    String extension(String command, java.util.List<String> arguments, long timeoutMillis) throws Exception;
}
