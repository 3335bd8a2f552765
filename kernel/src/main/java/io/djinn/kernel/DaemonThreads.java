package io.djinn.kernel;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Background helpers that must never keep the kernel's JVM alive on their own. */
public final class DaemonThreads {

    private DaemonThreads() {}

    public static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
