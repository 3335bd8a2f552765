package io.djinn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With real processes: this test JVM's own ancestors, and a launcher and kernel made of shells and sleeps. */
class LauncherWatchTest {

    private final ProcessHandle self = ProcessHandle.current();

    @Test
    void theParentAndItsAncestorsAreLaunchers() {
        ProcessHandle parent = self.parent().orElseThrow();
        assertTrue(LauncherWatch.isAncestor(OptionalLong.of(parent.pid()), self));
        // A wrapper between the launcher and the kernel (a shell, a script) leaves the launcher an ancestor.
        Optional<ProcessHandle> grandparent = parent.parent().filter(p -> p.pid() > 1);
        grandparent.ifPresent(launcher -> assertTrue(LauncherWatch.isAncestor(OptionalLong.of(launcher.pid()), self)));
    }

    @Test
    void aProcessThatIsNoAncestorIsNeverWatched() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            assertFalse(LauncherWatch.isAncestor(OptionalLong.of(stranger.pid()), self));
            assertFalse(LauncherWatch.watch(OptionalLong.of(stranger.pid()), self, Duration.ofMillis(50), () -> {}));
        } finally {
            stranger.destroyForcibly();
        }
        assertFalse(LauncherWatch.isAncestor(OptionalLong.of(self.pid()), self), "itself");
        assertFalse(LauncherWatch.isAncestor(OptionalLong.of(Long.MAX_VALUE), self), "no such process");
        assertFalse(LauncherWatch.isAncestor(OptionalLong.of(1), self), "init never ends");
        assertFalse(LauncherWatch.isAncestor(OptionalLong.empty(), self), "started by hand");
    }

    /**
     * A launcher (a shell) with a kernel (a sleep) under it, started by a shell that then either waits for the
     * launcher, reaping it when it ends, or becomes a sleep that never does, leaving the ended launcher a zombie.
     */
    @ParameterizedTest
    @ValueSource(strings = {"wait", "exec sleep 60"})
    void theKernelIsToldWhenItsLauncherEnds(String launchersParentThen) throws Exception {
        Process parent = new ProcessBuilder("sh", "-c", "sh -c 'sleep 60; :' & echo $!; " + launchersParentThen)
                .start();
        ProcessHandle kernel = null;
        try {
            long launcherPid = Long.parseLong(parent.inputReader().readLine().trim());
            ProcessHandle launcher = ProcessHandle.of(launcherPid).orElseThrow();
            kernel = firstChild(launcher);
            CountDownLatch told = new CountDownLatch(1);
            assertTrue(LauncherWatch.watch(OptionalLong.of(launcherPid), kernel, Duration.ofMillis(50), told::countDown));
            assertFalse(told.await(500, TimeUnit.MILLISECONDS), "told while the launcher still runs (10 checks)");
            launcher.destroyForcibly();
            assertTrue(told.await(30, TimeUnit.SECONDS), "not told within 30 s of the launcher's end");
        } finally {
            if (kernel != null) {
                kernel.destroyForcibly();
            }
            parent.destroyForcibly();
        }
    }

    private static ProcessHandle firstChild(ProcessHandle process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Optional<ProcessHandle> child = process.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            assertTrue(System.nanoTime() < deadline, "the launcher started no kernel within 10 s");
            Thread.sleep(10);
        }
    }
}
