package io.djinn.runtime.execution;

/**
 * Time spent in user code, as opposed to compiling it in the kernel: the execution control marks each
 * snippet's start and end, so %time can tell the two apart.
 */
public final class ExecutionMeter {

    private static long accumulatedNanos;
    private static long enteredAt = -1;

    private ExecutionMeter() {}

    static synchronized void enter() {
        enteredAt = System.nanoTime();
    }

    static synchronized void leave() {
        if (enteredAt >= 0) {
            accumulatedNanos += System.nanoTime() - enteredAt;
            enteredAt = -1;
        }
    }

    /** Starts counting from zero; the snippet running now counts from this moment. */
    public static synchronized void reset() {
        accumulatedNanos = 0;
        if (enteredAt >= 0) {
            enteredAt = System.nanoTime();
        }
    }

    /** Nanoseconds in user code since {@link #reset()}, the running snippet included. */
    public static synchronized long userCodeNanos() {
        return accumulatedNanos + (enteredAt >= 0 ? System.nanoTime() - enteredAt : 0);
    }
}
