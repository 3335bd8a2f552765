package io.djinn.runtime.execution;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cooperative stopping. Code that can stop cleanly at a known point (a training loop between batches)
 * marks itself; an interrupt then asks it to stop and waits a moment before stopping the snippet by
 * force, which could leave DJL's state half-updated.
 */
public final class Interrupts {

    private static final AtomicInteger COOPERATIVE = new AtomicInteger();
    private static volatile boolean requested;

    private Interrupts() {}

    public static void enterCooperative() {
        COOPERATIVE.incrementAndGet();
    }

    public static void exitCooperative() {
        if (COOPERATIVE.decrementAndGet() <= 0) {
            COOPERATIVE.set(0);
            requested = false;
        }
    }

    /** Whether the user asked to stop; cooperative code checks this at its safe points. */
    public static boolean requested() {
        return requested;
    }

    /** A new cell starts with nothing cooperative running and nothing requested. */
    static void reset() {
        COOPERATIVE.set(0);
        requested = false;
    }

    /** Asks cooperative code to stop; true when it did within the wait, false when none runs or it did not. */
    public static boolean stopCooperatively(long waitMillis) {
        if (COOPERATIVE.get() == 0) {
            return false;
        }
        requested = true;
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (COOPERATIVE.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return COOPERATIVE.get() == 0;
    }
}
