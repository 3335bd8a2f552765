package io.djinn.kernel;

import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shuts the kernel down when the process that launched it ends, as ipykernel does. A Jupyter server, or a script
 * driving jupyter_client, that is killed cannot shut its kernels down; a kernel left behind keeps its runtime JVM
 * and whatever that holds (CPU threads busy with a cell, GPU memory) until someone finds it.
 *
 * <p>jupyter_client names the launcher in {@code JPY_PARENT_PID}. It is watched only when it is this process's
 * parent or an ancestor of it, so a number from elsewhere (a launcher on another host, a variable inherited by a
 * kernel started by hand) never shuts a kernel down.
 */
final class LauncherWatch {

    private static final Logger LOG = LoggerFactory.getLogger(LauncherWatch.class);
    // Far deeper than any launcher chain (server, shell, wrapper script); it only bounds the walk.
    private static final int MAX_ANCESTORS = 64;

    private LauncherWatch() {}

    /** Watches the launcher {@code launcherPid} names, if it is an ancestor of this process; see the class. */
    static void start(OptionalLong launcherPid, Runnable onLauncherGone) {
        launcher(launcherPid, ProcessHandle.current()).ifPresentOrElse(
                launcher -> watch(launcher, onLauncherGone),
                () -> LOG.debug("no launcher to watch (JPY_PARENT_PID {})", launcherPid));
    }

    /**
     * The launcher to watch: the process {@code launcherPid} names when it is {@code self}'s parent or an ancestor
     * of it, but not init (PID 1), which never ends while this process lives.
     */
    static Optional<ProcessHandle> launcher(OptionalLong launcherPid, ProcessHandle self) {
        if (launcherPid.isEmpty() || launcherPid.getAsLong() <= 1) {
            return Optional.empty();
        }
        Optional<ProcessHandle> ancestor = self.parent();
        for (int depth = 0; depth < MAX_ANCESTORS && ancestor.isPresent(); depth++) {
            if (ancestor.get().pid() == launcherPid.getAsLong()) {
                return ancestor;
            }
            ancestor = ancestor.get().parent();
        }
        return Optional.empty();
    }

    /** Runs {@code onLauncherGone} once {@code launcher} has ended (the JDK polls a process that is not a child). */
    static void watch(ProcessHandle launcher, Runnable onLauncherGone) {
        LOG.debug("watching the launcher, process {}", launcher.pid());
        launcher.onExit().thenRun(() -> {
            LOG.warn("the process that launched this kernel ({}) has ended: shutting down", launcher.pid());
            onLauncherGone.run();
        });
    }
}
