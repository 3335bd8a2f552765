package io.djinn.runtime.device;

import java.util.List;
import java.util.Optional;

/**
 * Maps CUDA's device numbers (what DJL's gpu(i) means) to nvidia-smi's rows. CUDA numbers only the
 * devices CUDA_VISIBLE_DEVICES lists, in its order; nvidia-smi lists every GPU by its own index.
 * (With CUDA_DEVICE_ORDER unset, CUDA may also order unlike GPUs fastest first; on machines of one
 * GPU model, the usual case, that changes no name.)
 */
final class VisibleDevices {

    private VisibleDevices() {}

    static Optional<GpuStatus> forCudaIndex(int cudaIndex, String visibleDevices, List<GpuStatus> gpus) {
        if (visibleDevices == null || visibleDevices.isBlank()) {
            return gpus.stream().filter(gpu -> gpu.index() == cudaIndex).findFirst();
        }
        String[] entries = visibleDevices.split(",");
        if (cudaIndex < 0 || cudaIndex >= entries.length) {
            return Optional.empty();
        }
        String entry = entries[cudaIndex].strip();
        if (entry.matches("\\d+")) {
            int physical = Integer.parseInt(entry);
            return gpus.stream().filter(gpu -> gpu.index() == physical).findFirst();
        }
        // A UUID, or a unique prefix of one, as CUDA accepts.
        return gpus.stream().filter(gpu -> gpu.uuid() != null && gpu.uuid().startsWith(entry)).findFirst();
    }
}
