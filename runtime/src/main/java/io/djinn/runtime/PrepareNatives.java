package io.djinn.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.djinn.runtime.device.EngineInfo;

/**
 * Run by {@code djinn natives} in a JVM set up like the runtime (same jars, DJL cache directory and
 * libtorch flavor): loading the PyTorch engine makes DJL unpack or download libtorch and its JNI
 * library into the cache, so a notebook later finds them there and downloads nothing. A small CPU
 * op proves the libraries work; it runs on the CPU because an image is often built without a GPU.
 * Prints one line, {@code libtorch VERSION FLAVOR DIRECTORY}, and exits 1 when the engine did not load.
 */
public final class PrepareNatives {

    private PrepareNatives() {}

    public static void main(String[] args) {
        EngineInfo engine = EngineInfo.current();
        if (!engine.loaded()) {
            System.err.println("the PyTorch engine did not load: " + engine.error());
            System.exit(1);
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float sum = manager.ones(new Shape(2, 3)).sum().getFloat();
            if (sum != 6f) {
                System.err.println("libtorch loaded but computed 2x3 ones summing to " + sum);
                System.exit(1);
            }
        }
        System.out.println("libtorch " + engine.version() + " " + engine.flavor() + " " + engine.libraryPath());
    }
}
