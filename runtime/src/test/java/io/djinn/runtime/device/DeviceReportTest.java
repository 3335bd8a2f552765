package io.djinn.runtime.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.wire.JniBuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class DeviceReportTest {

    @Test
    void flavorComesFromDjlsCacheDirectory() {
        assertEquals("cpu", EngineInfo.flavor("/home/u/.cache/djinn/djl/pytorch/2.7.1-cpu-linux-x86_64", false));
        assertEquals("cpu", EngineInfo.flavor("/c/pytorch/2.7.1-20250812-cpu-linux-x86_64", false));
        assertEquals("cu128", EngineInfo.flavor("/cache/pytorch/2.7.1-cu128-linux-x86_64", true));
        assertEquals("cu121", EngineInfo.flavor("/cache/pytorch/2.1.1-cu121-precxx11-linux-x86_64", true));
        // A libtorch from elsewhere (PYTORCH_LIBRARY_PATH): the build says which.
        assertEquals("cuda", EngineInfo.flavor("/usr/lib/python3/site-packages/torch/lib", true));
        assertEquals("cpu", EngineInfo.flavor(null, false));
    }

    @Test
    void aGpuMachineReport() {
        DeviceReport report = new DeviceReport("gpu:0", List.of(
                new DeviceReport.Row("cpu", "16 cores available to the JVM", null, null, null),
                new DeviceReport.Row("gpu:0", "NVIDIA H100 80GB HBM3", "9.0", 85_520_809_984L, 84_000_000_000L)),
                new EngineInfo(true, "2.7.1", "cu128", true, "/c/pytorch/2.7.1-cu128-linux-x86_64",
                        "/c/pytorch/2.7.1-cu128-linux-x86_64/0.35.1-libdjl_torch.so", null, null),
                "0", "DJINN_TORCH_FLAVOR=auto found an NVIDIA driver", null);
        String text = report.toString();
        assertTrue(text.startsWith("Default device: gpu:0"), text);
        assertTrue(text.contains("gpu:0   NVIDIA H100 80GB HBM3          9.0                 79.6 GiB      78.2 GiB"), text);
        assertTrue(text.contains("libtorch 2.7.1, cu128 flavor, loaded from /c/pytorch/2.7.1-cu128-linux-x86_64"), text);
        assertTrue(text.contains("DJL's JNI: /c/pytorch/2.7.1-cu128-linux-x86_64/0.35.1-libdjl_torch.so, with no djinn "
                + "build-jni record beside it: DJL's own build, unless DJINN_TORCH_JNI named another"), text);
        assertTrue(text.contains("CUDA_VISIBLE_DEVICES: '0'"), text);
        assertTrue(!text.contains("No GPU"), text);
    }

    @Test
    void aCpuMachineReportSaysWhyThereIsNoGpu() {
        DeviceReport report = new DeviceReport("cpu", List.of(
                new DeviceReport.Row("cpu", "2 cores available to the JVM", null, null, null)),
                new EngineInfo(false, null, null, false, null, null, null, "Failed to load PyTorch native library"),
                null, null, "no NVIDIA driver on this machine");
        String text = report.toString();
        assertTrue(text.contains("The PyTorch engine did not load: Failed to load PyTorch native library"), text);
        assertTrue(text.contains("CUDA_VISIBLE_DEVICES: not set"), text);
        assertTrue(text.endsWith("No GPU: no NVIDIA driver on this machine."), text);
        String html = (String) report.toMimeBundle().data().get("text/html");
        assertTrue(html.contains("<td>cpu</td><td>2 cores available to the JVM</td>"), html);
    }

    @Test
    void theJniIsReadFromTheProcessMapWithWhereItCameFrom(@TempDir Path dir) throws IOException {
        Path built = Files.writeString(dir.resolve("libdjl_torch.so"), "");
        new JniBuildInfo("0.35.1", "2.13.0+cpu", "/venv/torch", false, "g++ 12", "2026-12-01T20:00:00Z").writeBeside(built);
        Path maps = Files.writeString(dir.resolve("maps"), String.join("\n",
                "7f1c2a000000-7f1c2a200000 r-xp 00000000 08:01 1234  /venv/torch/lib/libtorch_cpu.so",
                "7f1c2b000000-7f1c2b100000 r-xp 00000000 08:01 5678  " + built,
                "7ffd1c000000-7ffd1c021000 rw-p 00000000 00:00 0     [stack]", ""));
        String jni = EngineInfo.loadedJni(maps);
        assertEquals(built.toString(), jni);
        JniBuildInfo build = JniBuildInfo.readBeside(Path.of(jni)).orElseThrow();
        EngineInfo engine = new EngineInfo(true, "2.13.0", "cpu", false, "/venv/torch/lib", jni, build, null);
        assertEquals("built by djinn build-jni on 2026-12-01T20:00:00Z from DJL 0.35.1's sources against libtorch "
                + "2.13.0+cpu (/venv/torch) with g++ 12", engine.jniOrigin());
        assertTrue(engine.jniLacksCudaCode());
        assertEquals(null, EngineInfo.loadedJni(dir.resolve("no-maps")));
    }
}
