package io.djinn.runtime.device;

import io.djinn.runtime.render.ByteSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a cell changed in memory, for {@code %memory --per-cell} (as ipyexperiments reports after each IPython
 * cell): NDArrays made or freed on each device, each GPU's memory in use, and the process's resident memory. The
 * kernel marks the memory before a cell and asks for the change after it.
 */
public final class MemoryChange {

    /** The memory at one moment. */
    public record Snapshot(Map<String, MemoryReport.Arrays> arrays, Map<String, Long> gpuUsedBytes, long residentBytes) {

        public static Snapshot now() {
            MemoryReport report = MemoryReport.collect(null);
            Map<String, Long> gpus = new TreeMap<>();
            report.gpus().forEach(gpu -> gpus.put(gpu.device(), gpu.usedBytes()));
            return new Snapshot(report.arrays(), gpus, report.residentBytes());
        }
    }

    private static Snapshot mark;

    private MemoryChange() {}

    public static synchronized void mark() {
        mark = Snapshot.now();
    }

    /** The change since the mark, in one line; null without a mark. */
    public static synchronized String sinceMark() {
        if (mark == null) {
            return null;
        }
        String line = describe(mark, Snapshot.now());
        mark = null;
        return line;
    }

    /** "memory: cpu +2 NDArrays (+8.0 MiB); gpu:0 -1 NDArray (-4.0 MiB), GPU memory +12.0 MiB; RSS +30.2 MiB". */
    static String describe(Snapshot before, Snapshot after) {
        List<String> parts = new ArrayList<>();
        TreeSet<String> devices = new TreeSet<>(before.arrays().keySet());
        devices.addAll(after.arrays().keySet());
        devices.addAll(before.gpuUsedBytes().keySet());
        devices.addAll(after.gpuUsedBytes().keySet());
        for (String device : devices) {
            MemoryReport.Arrays was = before.arrays().getOrDefault(device, new MemoryReport.Arrays(0, 0));
            MemoryReport.Arrays is = after.arrays().getOrDefault(device, new MemoryReport.Arrays(0, 0));
            List<String> changes = new ArrayList<>();
            int arrays = is.count() - was.count();
            long bytes = is.bytes() - was.bytes();
            if (arrays != 0 || bytes != 0) {
                changes.add(signed(arrays) + " NDArray" + (Math.abs(arrays) == 1 ? "" : "s") + " (" + signedBytes(bytes)
                        + ")");
            }
            Long gpuBefore = before.gpuUsedBytes().get(device);
            Long gpuAfter = after.gpuUsedBytes().get(device);
            if (gpuBefore != null && gpuAfter != null && !gpuBefore.equals(gpuAfter)) {
                changes.add("GPU memory " + signedBytes(gpuAfter - gpuBefore));
            }
            if (!changes.isEmpty()) {
                parts.add(device + " " + String.join(", ", changes));
            }
        }
        if (parts.isEmpty()) {
            parts.add("no NDArray made or freed");
        }
        if (before.residentBytes() >= 0 && after.residentBytes() >= 0) {
            parts.add("RSS " + signedBytes(after.residentBytes() - before.residentBytes()));
        }
        return "memory: " + String.join("; ", parts);
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : Long.toString(value);
    }

    private static String signedBytes(long bytes) {
        return bytes > 0 ? "+" + ByteSize.format(bytes) : bytes == 0 ? "+0 B" : ByteSize.format(bytes);
    }
}
