package io.djinn.runtime.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void theTotalIsSplitInTheRatioOfTheTicksAndAddsUp() {
        assertEquals(new ProcessCpu.Used(75_000_000, 25_000_000), ProcessCpu.split(100_000_000, 3, 1));
        ProcessCpu.Used thirds = ProcessCpu.split(100_000_001, 1, 2);
        assertEquals(100_000_001, thirds.totalNanos());
        assertEquals(33_333_334, thirds.userNanos());
    }

    @Test
    void anIntervalWithoutTicksIsUserTime() {
        assertEquals(new ProcessCpu.Used(4_000_000, 0), ProcessCpu.split(4_000_000, 0, 0));
    }

    @Test
    void theIntervalIsMeasuredFromTheSamplesNotClampedPerPart() {
        // user ticks grew, system ticks did not: all of the 20 ms is user time.
        ProcessCpu earlier = new ProcessCpu(1_000_000_000, 90, 10);
        ProcessCpu later = new ProcessCpu(1_020_000_000, 92, 10);
        assertEquals(new ProcessCpu.Used(20_000_000, 0), later.minus(earlier));
        assertThrows(IllegalArgumentException.class, () -> earlier.minus(later));
    }

    @Test
    void busyWorkShowsAsUserTimeOfTheProcess() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProcessCpu before = ProcessCpu.now();
        // Compute until this thread has used 50 ms of CPU (not 50 ms of wall time, which a busy machine may not
        // give). Asking for the thread's CPU time is a system call: ask once per million steps of arithmetic.
        long end = threads.getCurrentThreadCpuTime() + 50_000_000;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 1_000_000; i++) {
                sink = sink * 31 + i;
            }
        }
        assertTrue(sink != 42, "keeps the loop from being optimised away");
        ProcessCpu.Used used = ProcessCpu.now().minus(before);
        // The process's CPU time includes this thread's; other threads only add to it.
        assertTrue(used.totalNanos() >= 50_000_000, "50 ms of spinning should show as CPU time: " + used);
        assertTrue(used.userNanos() > used.systemNanos(), "spinning is user time: " + used);
    }
}
