package io.djinn.runtime.device;

/**
 * What decides whether a GPU can be used from this runtime, gathered once per question so that the
 * reasoning ({@link GpuAvailability}) is plain logic that tests can feed.
 *
 * @param driverPresent an NVIDIA kernel driver is loaded (its /proc entry or device node exists)
 * @param cudartFound the CUDA runtime library (libcudart) loads; DJL counts GPUs through it
 * @param engineLoaded the PyTorch engine loaded
 * @param engineHasCuda the loaded libtorch was built with CUDA
 * @param gpuCount GPUs the CUDA runtime reports (after CUDA_VISIBLE_DEVICES)
 * @param visibleDevices CUDA_VISIBLE_DEVICES, or null when it is not set
 * @param flavorNote why the kernel chose the libtorch it started with, or null
 */
public record CudaFacts(boolean driverPresent, boolean cudartFound, boolean engineLoaded, boolean engineHasCuda,
        int gpuCount, String visibleDevices, String flavorNote) {

    /** CUDA_VISIBLE_DEVICES is set to a value that hides every GPU. */
    public boolean visibleDevicesHideAll() {
        if (visibleDevices == null) {
            return false;
        }
        String value = visibleDevices.strip();
        return value.isEmpty() || value.equals("-1") || value.equalsIgnoreCase("NoDevFiles")
                || value.equalsIgnoreCase("none");
    }
}
