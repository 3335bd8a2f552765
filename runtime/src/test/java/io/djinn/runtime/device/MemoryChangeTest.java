package io.djinn.runtime.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line a cell ends with under %memory --per-cell. */
class MemoryChangeTest {

    private static MemoryChange.Snapshot snapshot(Map<String, MemoryReport.Arrays> arrays, Map<String, Long> gpus,
            long rss) {
        return new MemoryChange.Snapshot(arrays, gpus, rss);
    }

    @Test
    void arraysMadeAndFreedPerDeviceGpuMemoryAndRss() {
        var before = snapshot(Map.of("cpu", new MemoryReport.Arrays(3, 1024), "gpu:0", new MemoryReport.Arrays(2, 8 << 20)),
                Map.of("gpu:0", 100L << 20), 500L << 20);
        var after = snapshot(Map.of("cpu", new MemoryReport.Arrays(5, 1024 + (8 << 20)), "gpu:0", new MemoryReport.Arrays(1, 4 << 20)),
                Map.of("gpu:0", 112L << 20), 530L << 20);
        assertEquals("memory: cpu +2 NDArrays (+8.0 MiB); gpu:0 -1 NDArray (-4.0 MiB), GPU memory +12.0 MiB; RSS +30.0 MiB",
                MemoryChange.describe(before, after));
    }

    @Test
    void aCellThatMadeNoArraySaysSoAndADeviceFirstSeenCountsFromZero() {
        var none = snapshot(Map.of(), Map.of(), 100);
        assertEquals("memory: no NDArray made or freed; RSS +0 B", MemoryChange.describe(none, none));
        var made = snapshot(Map.of("cpu", new MemoryReport.Arrays(1, 24)), Map.of(), -1);
        assertEquals("memory: cpu +1 NDArray (+24 B)", MemoryChange.describe(none, made));
    }
}
