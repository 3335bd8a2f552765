package io.djinn.runtime.device;

import io.djinn.runtime.render.ByteSize;
import io.djinn.runtime.render.ReportTable;
import java.util.List;
import java.util.Locale;

/**
 * What {@code %gpu} shows: each GPU's name, driver and CUDA versions, memory, utilisation, temperature
 * and power, from nvidia-smi; or, without a GPU, a plain sentence saying so and why.
 *
 * @param absence why there is nothing to show, or null when nvidia-smi answered
 */
public record GpuReport(String cudaVersion, List<GpuStatus> gpus, String absence) implements TableReport {

    static GpuReport collect() {
        return NvidiaSmi.query().map(snapshot -> new GpuReport(snapshot.cudaVersion(), snapshot.gpus(), null))
                .orElseGet(() -> new GpuReport(null, List.of(), CudaProbe.driverPresent()
                        ? "the NVIDIA driver is loaded but nvidia-smi is not on PATH or failed, so there are no "
                                + "GPU figures to show"
                        : "there is no NVIDIA GPU on this machine (no NVIDIA driver, no nvidia-smi); cells run on the CPU"));
    }

    @Override
    public String toString() {
        return table().text();
    }

    @Override
    public ReportTable table() {
        if (absence != null) {
            return new ReportTable("No GPU: " + absence + ".");
        }
        if (gpus.isEmpty()) {
            return new ReportTable("nvidia-smi lists no GPU.");
        }
        String driver = gpus.get(0).driverVersion();
        ReportTable table = new ReportTable(gpus.size() + (gpus.size() == 1 ? " GPU" : " GPUs") + ", driver "
                + (driver == null ? "unknown" : driver) + ", CUDA " + (cudaVersion == null ? "unknown" : cudaVersion)
                + " (the newest the driver supports)",
                "index", "name", "memory used", "memory total", "utilisation", "temperature", "power draw / limit");
        for (GpuStatus gpu : gpus) {
            table.row(String.valueOf(gpu.index()), gpu.name(), mebibytes(gpu.memoryUsedMiB()),
                    mebibytes(gpu.memoryTotalMiB()),
                    gpu.utilizationPercent() == null ? "n/a" : gpu.utilizationPercent() + " %",
                    gpu.temperatureC() == null ? "n/a" : gpu.temperatureC() + " °C",
                    watts(gpu.powerDrawW()) + " / " + watts(gpu.powerLimitW()));
        }
        table.note("Indices are nvidia-smi's; %device numbers GPUs as CUDA sees them (after CUDA_VISIBLE_DEVICES).");
        return table;
    }

    private static String mebibytes(Long mib) {
        return mib == null ? "n/a" : ByteSize.format(mib * 1024 * 1024);
    }

    private static String watts(Double watts) {
        return watts == null ? "n/a" : String.format(Locale.ROOT, "%.0f W", watts);
    }
}
