package io.djinn.runtime.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * Work to do when the running cell's code returns, whether or not it threw: API objects that show
 * something while the cell runs use it to leave a final state (a training run whose trainer is never
 * closed still gets its summary).
 */
public final class CellHooks {

    private static final List<Runnable> AT_END = new ArrayList<>();

    private CellHooks() {}

    public static synchronized void atCellEnd(Runnable hook) {
        AT_END.add(hook);
    }

    static void runAtCellEnd(java.io.PrintStream log) {
        List<Runnable> hooks;
        synchronized (CellHooks.class) {
            hooks = new ArrayList<>(AT_END);
            AT_END.clear();
        }
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException | LinkageError e) {
                log.println("djinn: an end-of-cell hook failed: " + e);
            }
        }
    }
}
