package io.djinn.runtime.device;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import io.djinn.runtime.render.ByteSize;
import io.djinn.runtime.render.ReportTable;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code %device} shows: the kernel's default device, every device the engine sees, the libtorch
 * that is loaded and why, and CUDA_VISIBLE_DEVICES.
 *
 * @param gpuUnavailable why gpu:0 cannot be used, or null when it can
 */
public record DeviceReport(String defaultDevice, List<Row> devices, EngineInfo engine, String visibleDevices,
        String flavorNote, String gpuUnavailable) implements TableReport {

    /** One device; GPU-only fields are null for the CPU. */
    public record Row(String device, String name, String computeCapability, Long totalBytes, Long freeBytes) {}

    static DeviceReport collect(String defaultDevice) {
        EngineInfo engine = EngineInfo.current();
        CudaFacts facts = CudaProbe.facts(engine);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("cpu", Runtime.getRuntime().availableProcessors() + " cores available to the JVM",
                null, null, null));
        if (facts.gpuCount() > 0) {
            List<GpuStatus> smi = NvidiaSmi.query().map(NvidiaSmi.Snapshot::gpus).orElse(List.of());
            for (int i = 0; i < facts.gpuCount(); i++) {
                int index = i;
                String name = VisibleDevices.forCudaIndex(i, facts.visibleDevices(), smi).map(GpuStatus::name)
                        .orElse("GPU " + i);
                String capability = null;
                Long total = null;
                Long free = null;
                try {
                    String cc = CudaUtils.getComputeCapability(index);
                    capability = cc.length() >= 2 ? cc.substring(0, cc.length() - 1) + "." + cc.substring(cc.length() - 1) : cc;
                    MemoryUsage memory = CudaUtils.getGpuMemory(Device.gpu(index));
                    total = memory.getMax();
                    free = memory.getMax() - memory.getUsed();
                } catch (RuntimeException e) {
                    name += " (CUDA query failed: " + e.getMessage() + ")";
                }
                rows.add(new Row("gpu:" + i, name, capability, total, free));
            }
        }
        String whyNot = GpuAvailability.whyNot(facts, 0).orElse(null);
        return new DeviceReport(defaultDevice, rows, engine, facts.visibleDevices(),
                facts.flavorNote(), whyNot);
    }

    @Override
    public String toString() {
        return table().text();
    }

    @Override
    public ReportTable table() {
        ReportTable table = new ReportTable("Default device: " + defaultDevice
                + " (used by `manager`, Devices.newManager() and Devices.newModel(name))",
                "device", "name", "compute capability", "memory total", "memory free");
        for (Row row : devices) {
            table.row(row.device(), row.name(), row.computeCapability(),
                    row.totalBytes() == null ? null : ByteSize.format(row.totalBytes()),
                    row.freeBytes() == null ? null : ByteSize.format(row.freeBytes()));
        }
        if (engine.loaded()) {
            table.note("libtorch " + engine.version() + ", " + engine.flavor() + " flavor, loaded from "
                    + engine.libraryPath());
            if (engine.jniPath() != null) {
                table.note("DJL's JNI: " + engine.jniPath() + ", " + engine.jniOrigin());
            }
        } else {
            table.note("The PyTorch engine did not load: " + engine.error());
        }
        if (flavorNote != null) {
            table.note("Why this libtorch: " + flavorNote);
        }
        table.note("CUDA_VISIBLE_DEVICES: " + (visibleDevices == null ? "not set" : "'" + visibleDevices + "'"));
        if (gpuUnavailable != null) {
            table.note("No GPU: " + gpuUnavailable + ".");
        }
        return table;
    }
}
