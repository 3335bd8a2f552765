package io.djinn.runtime.device;

import java.util.Optional;

/**
 * Why a GPU the user asked for cannot be used, in the order a person would check: is it hidden, is
 * there a driver, a CUDA runtime, a CUDA build of libtorch, a GPU at that index. Each answer names
 * the reason and what to do, never a stack trace.
 */
public final class GpuAvailability {

    /** How to start a kernel with CUDA libtorch, quoted in the answers. */
    static final String HOW_TO_START_WITH_CUDA = "start the kernel with CUDA libtorch: set DJINN_TORCH_FLAVOR=auto "
            + "(or cu128) in its environment, e.g. `java -jar djinn.jar install --torch-flavor auto`, then restart "
            + "the kernel";

    private GpuAvailability() {}

    /** Empty when gpu(index) can be used, else the reason it cannot. */
    public static Optional<String> whyNot(CudaFacts facts, int index) {
        if (facts.visibleDevicesHideAll()) {
            return Optional.of("CUDA_VISIBLE_DEVICES='" + facts.visibleDevices() + "' hides every GPU from this "
                    + "kernel: unset it, or list the GPUs to use (e.g. CUDA_VISIBLE_DEVICES=0), and restart the kernel");
        }
        if (!facts.driverPresent()) {
            return Optional.of("no NVIDIA driver on this machine (no /proc/driver/nvidia/version, no /dev/nvidiactl): "
                    + "there is no GPU to use, so arrays stay on the CPU");
        }
        if (!facts.cudartFound()) {
            return Optional.of("the NVIDIA driver is loaded but no CUDA runtime library (libcudart) was found on the "
                    + "library path: install the CUDA 12 runtime, or add its lib directory to LD_LIBRARY_PATH, and "
                    + "restart the kernel");
        }
        if (facts.engineLoaded() && !facts.engineHasCuda()) {
            String note = facts.flavorNote() == null ? "" : " (" + facts.flavorNote() + ")";
            return Optional.of("the loaded libtorch is the CPU build" + note + "; to use the GPU, "
                    + HOW_TO_START_WITH_CUDA);
        }
        if (facts.gpuCount() == 0) {
            return Optional.of("the CUDA runtime reports no usable GPU"
                    + (facts.visibleDevices() == null ? "" : " (CUDA_VISIBLE_DEVICES='" + facts.visibleDevices() + "')")
                    + ": check `nvidia-smi` and that this process may use the GPU");
        }
        if (index < 0 || index >= facts.gpuCount()) {
            String visible = facts.gpuCount() == 1 ? "1 GPU is visible (gpu:0)"
                    : facts.gpuCount() + " GPUs are visible (gpu:0 to gpu:" + (facts.gpuCount() - 1) + ")";
            String hint = facts.visibleDevices() == null ? ""
                    : "; CUDA_VISIBLE_DEVICES='" + facts.visibleDevices() + "' limits and renumbers them";
            return Optional.of("gpu:" + index + " is out of range: " + visible + hint);
        }
        if (!facts.engineLoaded()) {
            return Optional.of("the PyTorch engine did not load; `%device` shows why");
        }
        return Optional.empty();
    }
}
