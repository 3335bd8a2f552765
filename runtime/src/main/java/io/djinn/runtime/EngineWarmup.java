package io.djinn.runtime;

import ai.djl.engine.Engine;
import io.djinn.api.Devices;
import io.djinn.api.Renderers;
import java.io.PrintStream;
import java.util.List;

/**
 * Loads the PyTorch engine while the user is still typing, so the first tensor op does not wait for
 * the native libraries. A failure here is left for the user's first DJL call to report in the cell.
 * First it builds the notebook's {@code manager} (a proxy of DJL's large NDManager interface, about
 * 0.2 s of class loading), while the kernel is still compiling the default imports, so that the
 * startup snippet declaring it does not wait for that; then it renders a value once, so that the first
 * cell's result does not wait for the renderers' classes either (the first rendering took 126 ms, now 10-14).
 */
final class EngineWarmup {

    private EngineWarmup() {}

    /** @param log the process's own stderr (the kernel's log), not a cell's output */
    static void startInBackground(PrintStream log) {
        if (Boolean.parseBoolean(System.getProperty("djinn.warmup", "true"))) {
            Thread thread = new Thread(() -> load(log), "djinn-engine-warmup");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    private static void load(PrintStream log) {
        try {
            Devices.manager();
            Renderers.render(2, List.of()).toJsonObject().toString(); // nothing is sent: classes load
            Engine.getEngine("PyTorch");
        } catch (Throwable e) {
            log.println("djinn: the PyTorch engine did not load in the background: " + e);
        }
    }
}
