package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.djinn.wire.JniBuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchFlavorTest {

    @TempDir
    Path cache;

    private TorchFlavor.Machine machine(boolean driver, boolean offline) {
        return new TorchFlavor.Machine(driver, offline, cache, "2.7.1", "0.35.1", "linux-x86_64");
    }

    private void cacheCuda(String flavor) throws IOException {
        Path directory = Files.createDirectories(cache.resolve("pytorch").resolve("2.7.1-" + flavor + "-linux-x86_64"));
        Files.writeString(directory.resolve("libtorch.so"), "");
    }

    @Test
    void autoWithoutADriverIsTheCpuJar() {
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", "", "", machine(false, true));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.cpuJar());
        assertEquals(Map.of(), choice.systemProperties());
        assertTrue(choice.note().contains("no NVIDIA driver"), choice.note());
    }

    @Test
    void cpuIsCpuEvenWithAGpu() {
        TorchFlavor.Choice choice = TorchFlavor.choose("cpu", "", "", machine(true, false));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.cpuJar());
    }

    @Test
    void autoWithADriverTakesCudaFromTheCache() throws IOException {
        cacheCuda("cu128");
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", "", "", machine(true, true));
        assertEquals("cu128", choice.flavor());
        // DJL prefers a native jar on the classpath, so the CPU one must go.
        assertFalse(choice.cpuJar());
        assertEquals(Map.of("PYTORCH_FLAVOR", "cu128"), choice.systemProperties());
        assertTrue(choice.note().contains("2.7.1-cu128-linux-x86_64"), choice.note());
    }

    @Test
    void autoWithADriverOnlineLetsDjlDownload() {
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", "", "", machine(true, false));
        assertEquals("cu128", choice.flavor());
        assertTrue(choice.note().contains("downloaded by DJL"), choice.note());
    }

    @Test
    void cudaThatCannotBeHadFallsBackToCpuAndSaysWhy() {
        TorchFlavor.Choice choice = TorchFlavor.choose("cu128", "", "", machine(true, true));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.cpuJar());
        assertTrue(choice.note().startsWith("DJINN_TORCH_FLAVOR=cu128, but CUDA libtorch cu128 is not in "), choice.note());
        assertTrue(choice.note().contains("DJINN_TORCH_LIBRARY_PATH"), choice.note());
    }

    private String libtorchDirectory(String name) throws IOException {
        Path directory = Files.createDirectories(cache.resolve(name));
        Files.writeString(directory.resolve("libtorch.so"), "");
        return directory.toString();
    }

    @Test
    void aLibraryDirectoryWithoutLibtorchIsNotUsed() {
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", cache.resolve("empty").toString(), "", machine(false, true));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.cpuJar());
        assertTrue(choice.note().startsWith("DJINN_TORCH_LIBRARY_PATH=" + cache.resolve("empty")
                + " has no libtorch.so, so it was not used; DJINN_TORCH_FLAVOR=auto and no NVIDIA driver"), choice.note());
    }

    @Test
    void anExplicitLibraryDirectoryWins() throws IOException {
        String torch = libtorchDirectory("torch-lib");
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", torch, "", machine(true, true));
        assertEquals("cu128", choice.flavor());
        assertFalse(choice.cpuJar());
        assertEquals(Map.of("PYTORCH_LIBRARY_PATH", torch, "PYTORCH_FLAVOR", "cu128"), choice.systemProperties());
        TorchFlavor.Choice cpuBuild = TorchFlavor.choose("auto", libtorchDirectory("torch-cpu-lib"), "", machine(false, true));
        assertEquals("cpu", cpuBuild.systemProperties().get("PYTORCH_FLAVOR"));
    }

    @Test
    void unknownFlavorsAreRefusedAtInstallAndReportedAtRunTime() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TorchFlavor.validate("cuda"));
        assertEquals("DJINN_TORCH_FLAVOR must be auto, cpu or a CUDA flavor such as cu128, not 'cuda'",
                error.getMessage());
        // A kernel started with one still starts (as auto) and %device says why.
        TorchFlavor.Choice choice = TorchFlavor.choose("cuda", "", "", machine(false, true));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.note().startsWith("DJINN_TORCH_FLAVOR must be auto, cpu or a CUDA flavor such as cu128, "
                + "not 'cuda'; using auto. DJINN_TORCH_FLAVOR=auto and no NVIDIA driver"), choice.note());
    }

    @Test
    void aChoiceBecomesTheRuntimeJvmsDjlOptions() {
        TorchFlavor.Choice cuda = TorchFlavor.choose("cu128", "", "", machine(true, false));
        assertEquals(List.of("-DDJL_CACHE_DIR=" + cache, "-DENGINE_CACHE_DIR=" + cache, "-Dai.djl.offline=true",
                "-DPYTORCH_FLAVOR=cu128"), cuda.jvmOptions(cache, true));
        assertEquals(List.of("-DDJL_CACHE_DIR=" + cache, "-DENGINE_CACHE_DIR=" + cache),
                TorchFlavor.choose("cpu", "", "", machine(false, false)).jvmOptions(cache, false));
    }

    /** A pip wheel's torch package: version.py beside lib/ (and a test library DJL must not load). */
    private Path wheel(String version, String cuda) throws IOException {
        Path torch = Files.createDirectories(cache.resolve("site-packages-" + version).resolve("torch"));
        Files.createDirectories(torch.resolve("lib"));
        Files.writeString(torch.resolve("lib/libtorch.so"), "");
        Files.writeString(torch.resolve("version.py"), "__version__ = '" + version + "'\ncuda: Optional[str] = "
                + (cuda == null ? "None" : "'" + cuda + "'") + "\n");
        return torch;
    }

    private Path jni(String name, String builtFor, String djl) throws IOException {
        Path directory = Files.createDirectories(cache.resolve("jni").resolve(name));
        Path library = Files.writeString(directory.resolve("libdjl_torch.so"), "");
        if (builtFor != null) {
            new JniBuildInfo(djl, builtFor, "/somewhere/torch", false, "g++ 12", "2026-12-01T00:00:00Z").writeBeside(library);
        }
        return library;
    }

    @Test
    void aLibtorchOfAnotherVersionWithoutAJniIsNotUsedAndTheNoteSaysHowToBuildOne() throws IOException {
        Path torch = wheel("2.13.0+cpu", null);
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", torch.toString(), "", machine(false, true));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.cpuJar());
        assertTrue(choice.note().startsWith("DJINN_TORCH_LIBRARY_PATH=" + torch + " is libtorch 2.13.0+cpu, and DJL 0.35.1's "
                + "own JNI works only with libtorch 2.7.1, so it was not used: build a JNI for it with 'djinn build-jni --torch "
                + torch + " --djl-source DJL_CHECKOUT' and name that with DJINN_TORCH_JNI; DJINN_TORCH_FLAVOR=auto and no"),
                choice.note());
    }

    @Test
    void aLibtorchWithItsJniRunsAndDjlFindsTheJniInItsCache() throws IOException {
        Path torch = wheel("2.13.0+cpu", null);
        Path jni = jni("a", "2.13.0+cpu", "0.35.1");
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", torch.toString(), jni.toString(), machine(true, true));
        assertEquals("cpu", choice.flavor());
        assertFalse(choice.cpuJar());
        assertEquals(Map.of("PYTORCH_LIBRARY_PATH", torch.resolve("lib").toString(), "PYTORCH_VERSION", "2.13.0",
                "PYTORCH_FLAVOR", "cpu", "PYTORCH_LIBRARY_EXCLUSION", String.join(",", TorchFlavor.WHEEL_TEST_LIBRARIES)),
                choice.systemProperties());
        assertEquals(cache.resolve("pytorch/2.13.0-cpu-linux-x86_64/0.35.1-libdjl_torch.so"), choice.jniLink());
        assertEquals("DJINN_TORCH_LIBRARY_PATH=" + torch + " (libtorch 2.13.0+cpu) with DJINN_TORCH_JNI=" + jni, choice.note());

        choice.placeJni();
        assertEquals(jni, Files.readSymbolicLink(choice.jniLink()));
        // A rebuilt JNI elsewhere replaces the link at the next start.
        Path rebuilt = jni("b", "2.13.0+cpu", "0.35.1");
        TorchFlavor.choose("auto", torch.resolve("lib").toString(), rebuilt.toString(), machine(true, true)).placeJni();
        assertEquals(rebuilt, Files.readSymbolicLink(choice.jniLink()));
    }

    @Test
    void aCudaWheelIsItsCudaFlavor() throws IOException {
        Path torch = wheel("2.11.0+cu130", "13.0");
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", torch.toString(), jni("c", "2.11.0+cu130", "0.35.1").toString(),
                machine(true, true));
        assertEquals("cu130", choice.flavor());
        assertEquals("cu130", choice.systemProperties().get("PYTORCH_FLAVOR"));
        assertEquals(cache.resolve("pytorch/2.11.0-cu130-linux-x86_64/0.35.1-libdjl_torch.so"), choice.jniLink());
        assertFalse(choice.systemProperties().get("PYTORCH_LIBRARY_EXCLUSION").contains("nvrtc"));

        // Without a driver, DJL would load the CUDA JIT library, which needs libcuda.so.1; loaded as a CPU flavor,
        // the CUDA build runs on the CPU (rehearsed with torch 2.14.1+cu130 here).
        TorchFlavor.Choice noDriver = TorchFlavor.choose("auto", torch.toString(),
                jni("c2", "2.11.0+cu130", "0.35.1").toString(), machine(false, true));
        assertEquals("cpu", noDriver.flavor());
        assertTrue(noDriver.systemProperties().get("PYTORCH_LIBRARY_EXCLUSION").endsWith(",libcaffe2_nvrtc.so"));
        assertEquals(cache.resolve("pytorch/2.11.0-cpu-linux-x86_64/0.35.1-libdjl_torch.so"), noDriver.jniLink());
        assertTrue(noDriver.note().contains("(libtorch 2.11.0+cu130, a CUDA build loaded for the CPU as this machine has no "
                + "NVIDIA driver) with DJINN_TORCH_JNI="), noDriver.note());
    }

    @Test
    void aJniBuiltForAnotherLibtorchOrDjlOrMissingIsRefused() throws IOException {
        Path torch = wheel("2.13.0+cpu", null);
        TorchFlavor.Choice otherTorch = TorchFlavor.choose("auto", torch.toString(),
                jni("d", "2.11.0+cu130", "0.35.1").toString(), machine(false, true));
        assertEquals(null, otherTorch.jni());
        assertTrue(otherTorch.cpuJar());
        assertTrue(otherTorch.note().contains("was built for libtorch 2.11.0+cu130, but DJINN_TORCH_LIBRARY_PATH=" + torch
                + " is 2.13.0+cpu, so neither was used"), otherTorch.note());
        TorchFlavor.Choice otherDjl = TorchFlavor.choose("auto", torch.toString(),
                jni("e", "2.13.0+cpu", "0.36.0").toString(), machine(false, true));
        assertTrue(otherDjl.note().contains("was built from DJL 0.36.0's sources, but this kernel runs DJL 0.35.1"),
                otherDjl.note());
        TorchFlavor.Choice missing = TorchFlavor.choose("auto", torch.toString(), cache.resolve("nope.so").toString(),
                machine(false, true));
        assertTrue(missing.note().startsWith("DJINN_TORCH_JNI=" + cache.resolve("nope.so") + " does not exist, so "
                + "DJINN_TORCH_LIBRARY_PATH=" + torch + " was not used either; "), missing.note());
        // A JNI without djinn build-jni's record is used, and the note says its pairing was not checked.
        TorchFlavor.Choice unrecorded = TorchFlavor.choose("auto", torch.toString(), jni("f", null, null).toString(),
                machine(false, true));
        assertTrue(unrecorded.note().endsWith("(not built by djinn build-jni, so its pairing was not checked)"),
                unrecorded.note());
    }
}
