package io.djinn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With real processes: this test JVM's own ancestors, and a child it starts and ends. */
class LauncherWatchTest {

    private final ProcessHandle self = ProcessHandle.current();

    @Test
    void theParentAndItsAncestorsAreLaunchers() {
        ProcessHandle parent = self.parent().orElseThrow();
        assertEquals(Optional.of(parent.pid()),
                LauncherWatch.launcher(OptionalLong.of(parent.pid()), self).map(ProcessHandle::pid));
        // A wrapper between the launcher and the kernel (a shell, a script) leaves the launcher an ancestor.
        Optional<ProcessHandle> grandparent = parent.parent().filter(p -> p.pid() > 1);
        grandparent.ifPresent(launcher -> assertEquals(Optional.of(launcher.pid()),
                LauncherWatch.launcher(OptionalLong.of(launcher.pid()), self).map(ProcessHandle::pid)));
    }

    @Test
    void aProcessThatIsNoAncestorIsNeverWatched() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            assertTrue(LauncherWatch.launcher(OptionalLong.of(stranger.pid()), self).isEmpty());
        } finally {
            stranger.destroyForcibly();
        }
        assertTrue(LauncherWatch.launcher(OptionalLong.of(self.pid()), self).isEmpty(), "itself");
        assertTrue(LauncherWatch.launcher(OptionalLong.of(Long.MAX_VALUE), self).isEmpty(), "no such process");
        assertTrue(LauncherWatch.launcher(OptionalLong.of(1), self).isEmpty(), "init never ends");
        assertTrue(LauncherWatch.launcher(OptionalLong.empty(), self).isEmpty(), "started by hand");
    }

    @Test
    void theKernelIsToldWhenItsLauncherEnds() throws Exception {
        // As for a kernel, the launcher is not this JVM's child (the JDK polls such a process instead of waiting
        // for it): a shell starts it and reports its PID.
        Process shell = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; wait").start();
        try {
            long pid = Long.parseLong(shell.inputReader().readLine().trim());
            ProcessHandle launcher = ProcessHandle.of(pid).orElseThrow();
            assertEquals(shell.pid(), launcher.parent().orElseThrow().pid(), "the shell's child, not this JVM's");
            CountDownLatch told = new CountDownLatch(1);
            LauncherWatch.watch(launcher, told::countDown);
            assertFalse(told.await(500, TimeUnit.MILLISECONDS), "told while the launcher still runs");
            launcher.destroyForcibly();
            // The JDK polls a process that is not its child every 0.3 s at first, 5 s at most.
            assertTrue(told.await(30, TimeUnit.SECONDS), "not told within 30 s of the launcher's end");
        } finally {
            shell.destroyForcibly();
        }
    }
}
