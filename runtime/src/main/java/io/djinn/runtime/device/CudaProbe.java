package io.djinn.runtime.device;

import io.djinn.runtime.RuntimeMain;
import ai.djl.util.cuda.CudaUtils;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;

/** Gathers {@link CudaFacts} from this machine and this runtime. */
final class CudaProbe {

    private CudaProbe() {}

    static CudaFacts facts(EngineInfo engine) {
        return new CudaFacts(driverPresent(), cudartFound(), engine.loaded(), engine.hasCuda(), gpuCount(),
                System.getenv("CUDA_VISIBLE_DEVICES"), System.getProperty("djinn.torch.note"));
    }

    static boolean driverPresent() {
        return Files.exists(Path.of("/proc/driver/nvidia/version")) || Files.exists(Path.of("/dev/nvidiactl"));
    }

    static boolean cudartFound() {
        try {
            NativeLibrary.getInstance("cudart");
            return true;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return false;
        }
    }

    static int gpuCount() {
        try {
            return CudaUtils.getGpuCount();
        } catch (RuntimeException | LinkageError e) {
            RuntimeMain.log().println("djinn: counting GPUs through CUDA failed, so none are used: " + e);
            return 0;
        }
    }
}
