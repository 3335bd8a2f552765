package io.djinn.kernel;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shuts the kernel down when the process that launched it ends, as ipykernel does. A Jupyter server, or a script
 * driving jupyter_client, that is killed cannot shut its kernels down; a kernel left behind keeps its runtime JVM
 * and whatever that holds (CPU threads busy with a cell, GPU memory) until someone finds it.
 *
 * <p>jupyter_client names the launcher in {@code JPY_PARENT_PID}. It is watched only when it is this process's
 * parent or an ancestor of it, so a number from elsewhere (a launcher on another host, a variable inherited by a
 * kernel started by hand) never shuts a kernel down; and it has ended once it is no longer an ancestor. That is
 * the moment it exits, when its children are handed to another parent: {@link ProcessHandle#onExit} would wait
 * until it is reaped, which a parent that never waits for it (a script's {@code Popen} without {@code wait}) puts
 * off for ever. A new process that reuses its PID is no ancestor either.
 */
final class LauncherWatch {

    private static final Logger LOG = LoggerFactory.getLogger(LauncherWatch.class);
    // ipykernel's interval too: a left-behind kernel costs little for a second, and a check reads a few /proc files.
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    // Far deeper than any launcher chain (server, shell, wrapper script); it only bounds the walk.
    private static final int MAX_ANCESTORS = 64;

    private LauncherWatch() {}

    /** Watches the launcher {@code launcherPid} names, if it is an ancestor of this process; see the class. */
    static void start(OptionalLong launcherPid, Runnable onLauncherGone) {
        if (!watch(launcherPid, ProcessHandle.current(), INTERVAL, onLauncherGone)) {
            LOG.debug("no launcher to watch (JPY_PARENT_PID {})", launcherPid);
        }
    }

    /**
     * Checks every {@code interval} whether the launcher is still an ancestor of {@code self}, and runs
     * {@code onLauncherGone} once when it is not; false, and nothing watched, when it is not one to begin with.
     */
    static boolean watch(OptionalLong launcherPid, ProcessHandle self, Duration interval, Runnable onLauncherGone) {
        if (!isAncestor(launcherPid, self)) {
            return false;
        }
        LOG.debug("watching the launcher, process {}", launcherPid.getAsLong());
        ScheduledExecutorService checks = DaemonThreads.scheduler("djinn-launcher-watch");
        checks.scheduleWithFixedDelay(() -> {
            if (!isAncestor(launcherPid, self)) {
                checks.shutdown();
                LOG.warn("the process that launched this kernel ({}) has ended: shutting down", launcherPid.getAsLong());
                onLauncherGone.run();
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /**
     * Whether {@code launcherPid} names {@code self}'s parent or an ancestor of it; never init (PID 1), which
     * never ends while this process lives and which an orphan's chain reaches anyway.
     */
    static boolean isAncestor(OptionalLong launcherPid, ProcessHandle self) {
        if (launcherPid.isEmpty() || launcherPid.getAsLong() <= 1) {
            return false;
        }
        Optional<ProcessHandle> ancestor = self.parent();
        for (int depth = 0; depth < MAX_ANCESTORS && ancestor.isPresent(); depth++) {
            if (ancestor.get().pid() == launcherPid.getAsLong()) {
                return true;
            }
            ancestor = ancestor.get().parent();
        }
        return false;
    }
}
