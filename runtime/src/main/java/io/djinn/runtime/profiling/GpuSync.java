package io.djinn.runtime.profiling;

import io.djinn.runtime.RuntimeMain;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * Waits until every GPU has finished the work queued so far. CUDA runs kernels asynchronously, so a
 * clock stopped without this measures only the launches. Copying one element back from a device waits
 * for its stream, which is where DJL's PyTorch engine queues work. Without a GPU it costs nothing.
 */
public final class GpuSync {

    private GpuSync() {}

    /** Seconds spent waiting for the GPUs. */
    public static double synchronizeAll() {
        int gpus = gpuCount();
        if (gpus == 0) {
            return 0;
        }
        long start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int gpu = 0; gpu < gpus; gpu++) {
                manager.zeros(new ai.djl.ndarray.types.Shape(1), ai.djl.ndarray.types.DataType.FLOAT32, Device.gpu(gpu))
                        .toFloatArray();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static int gpuCount() {
        try {
            return Engine.getInstance().getGpuCount();
        } catch (RuntimeException | LinkageError noEngine) {
            // Nothing to wait for without an engine; %device says why it did not load.
            RuntimeMain.log().println("djinn: no GPU to synchronize, the engine did not load: " + noEngine);
            return 0;
        }
    }
}
