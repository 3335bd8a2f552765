package io.djinn.runtime.device;

import io.djinn.runtime.RuntimeMain;
import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import io.djinn.api.LiveArrays;
import io.djinn.runtime.render.ByteSize;
import io.djinn.runtime.render.ReportTable;
import io.djinn.runtime.execution.UnreachableArrays;
import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code %memory} shows about the runtime process: the JVM heap, the process's resident memory
 * (the heap plus libtorch's own allocations), the NDArrays still open per device, each GPU's memory, and
 * what was closed because nothing in the notebook reached it any more.
 *
 * @param residentBytes the process's RSS, or -1 where /proc is not available
 * @param note a line about what was just done (the cache emptied), or null
 */
public record MemoryReport(long heapUsedBytes, long heapMaxBytes, long residentBytes, Map<String, Arrays> arrays,
        List<Gpu> gpus, UnreachableArrays.Totals freed, String note) implements TableReport {

    /** Open NDArrays on one device. */
    public record Arrays(int count, long bytes) {}

    /** One GPU's memory as the CUDA runtime reports it (all processes, PyTorch's cache included). */
    public record Gpu(String device, long usedBytes, long totalBytes) {
        public long freeBytes() {
            return totalBytes - usedBytes;
        }
    }

    static MemoryReport collect(String note) {
        Runtime runtime = Runtime.getRuntime();
        Map<String, Arrays> arrays = new TreeMap<>();
        try {
            for (LiveArrays.Entry entry : LiveArrays.snapshot().entries()) {
                arrays.merge(DeviceNames.of(entry.device()), new Arrays(1, entry.bytes()),
                        (a, b) -> new Arrays(a.count() + b.count(), a.bytes() + b.bytes()));
            }
        } catch (RuntimeException | LinkageError noEngine) {
            // Without an engine there are no NDArrays; say why rather than fail the report.
            note = (note == null ? "" : note + " ") + "No NDArrays: the PyTorch engine did not load (%device says why).";
        }
        return new MemoryReport(runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory(), readResidentBytes(),
                arrays, gpuMemory(), UnreachableArrays.totals(), note);
    }

    static List<Gpu> gpuMemory() {
        List<Gpu> gpus = new ArrayList<>();
        for (int i = 0; i < CudaProbe.gpuCount(); i++) {
            try {
                MemoryUsage usage = CudaUtils.getGpuMemory(Device.gpu(i));
                gpus.add(new Gpu("gpu:" + i, usage.getUsed(), usage.getMax()));
            } catch (RuntimeException e) {
                // A GPU that will not answer is left out rather than failing the whole report.
                RuntimeMain.log().println("djinn: gpu:" + i + " did not report its memory: " + e);
            }
        }
        return gpus;
    }

    static long readResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: RSS is left out.
        }
        return -1;
    }

    @Override
    public String toString() {
        return table().text();
    }

    @Override
    public ReportTable table() {
        ReportTable table = new ReportTable("Memory of the runtime process", "what", "where", "used", "of");
        table.row("JVM heap", "cpu", ByteSize.format(heapUsedBytes), ByteSize.format(heapMaxBytes));
        if (residentBytes >= 0) {
            table.row("process RSS (heap, libtorch, code)", "cpu", ByteSize.format(residentBytes), "");
        }
        if (arrays.isEmpty()) {
            table.row("open NDArrays: none", "", "", "");
        }
        arrays.forEach((device, open) -> table.row("open NDArrays: " + open.count(), device,
                ByteSize.format(open.bytes()), ""));
        for (Gpu gpu : gpus) {
            table.row("GPU memory in use (free " + ByteSize.format(gpu.freeBytes()) + ")", gpu.device(),
                    ByteSize.format(gpu.usedBytes()), ByteSize.format(gpu.totalBytes()));
        }
        if (gpus.isEmpty()) {
            table.note("No GPU memory to show: no GPU is visible to this runtime.");
        }
        if (!freed.enabled()) {
            table.note("NDArrays that nothing in the notebook reaches are not closed after each cell (%memory --free on).");
        } else {
            table.note("Closed since the runtime started because nothing in the notebook reached them any more (values "
                    + "replaced, temporaries on manager): " + freed.arrays() + " NDArrays, " + ByteSize.format(freed.bytes())
                    + "." + (freed.lastSkip() == null ? "" : " The last check that closed nothing: " + freed.lastSkip() + "."));
        }
        if (note != null) {
            table.note(note);
        }
        return table;
    }
}
