package io.djinn.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.djinn.runtime.device.EngineInfo;
import java.util.List;

/**
 * Run by {@code djinn natives} in a JVM set up like the runtime (same jars, DJL cache directory and
 * libtorch flavor): loading the PyTorch engine makes DJL unpack or download libtorch and its JNI
 * library into the cache, so a notebook later finds them there and downloads nothing. A small CPU
 * op proves the libraries work; it runs on the CPU, because an image is often built without a GPU, and on
 * the first GPU as well when there is one (a JNI built by {@code djinn build-jni} on a GPU machine is
 * checked there). Prints one line, {@code libtorch VERSION FLAVOR DIRECTORY[, computed on gpu(0)]}, and
 * exits 1 when the engine did not load or computed wrongly.
 */
public final class PrepareNatives {

    private PrepareNatives() {}

    public static void main(String[] args) {
        EngineInfo engine = EngineInfo.current();
        if (!engine.loaded()) {
            System.err.println("the PyTorch engine did not load: " + engine.error());
            System.exit(1);
        }
        boolean gpu = engine.hasCuda() && Engine.getEngine("PyTorch").getGpuCount() > 0;
        for (Device device : gpu ? List.of(Device.cpu(), Device.gpu()) : List.of(Device.cpu())) {
            try (NDManager manager = NDManager.newBaseManager(device)) {
                float sum = manager.ones(new Shape(2, 3)).sum().getFloat();
                if (sum != 6f) {
                    System.err.println("libtorch loaded but computed 2x3 ones summing to " + sum + " on " + device);
                    System.exit(1);
                }
            }
        }
        System.out.println("libtorch " + engine.version() + " " + engine.flavor() + " " + engine.libraryPath()
                + (gpu ? ", computed on gpu(0) too" : ""));
    }
}
