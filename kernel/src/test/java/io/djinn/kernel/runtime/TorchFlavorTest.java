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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchFlavorTest {

    @TempDir
    Path cache;

    private TorchFlavor.Machine machine(boolean driver, boolean offline) {
        return new TorchFlavor.Machine(driver, offline, cache, "2.7.1", "linux-x86_64");
    }

    private void cacheCuda(String flavor) throws IOException {
        Path directory = Files.createDirectories(cache.resolve("pytorch").resolve("2.7.1-" + flavor + "-linux-x86_64"));
        Files.writeString(directory.resolve("libtorch.so"), "");
    }

    @Test
    void autoWithoutADriverIsTheCpuJar() {
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", "", machine(false, true));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.cpuJar());
        assertEquals(Map.of(), choice.systemProperties());
        assertTrue(choice.note().contains("no NVIDIA driver"), choice.note());
    }

    @Test
    void cpuIsCpuEvenWithAGpu() {
        TorchFlavor.Choice choice = TorchFlavor.choose("cpu", "", machine(true, false));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.cpuJar());
    }

    @Test
    void autoWithADriverTakesCudaFromTheCache() throws IOException {
        cacheCuda("cu128");
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", "", machine(true, true));
        assertEquals("cu128", choice.flavor());
        // DJL prefers a native jar on the classpath, so the CPU one must go.
        assertFalse(choice.cpuJar());
        assertEquals(Map.of("PYTORCH_FLAVOR", "cu128"), choice.systemProperties());
        assertTrue(choice.note().contains("2.7.1-cu128-linux-x86_64"), choice.note());
    }

    @Test
    void autoWithADriverOnlineLetsDjlDownload() {
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", "", machine(true, false));
        assertEquals("cu128", choice.flavor());
        assertTrue(choice.note().contains("downloaded by DJL"), choice.note());
    }

    @Test
    void cudaThatCannotBeHadFallsBackToCpuAndSaysWhy() {
        TorchFlavor.Choice choice = TorchFlavor.choose("cu128", "", machine(true, true));
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
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", cache.resolve("empty").toString(), machine(false, true));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.cpuJar());
        assertTrue(choice.note().startsWith("DJINN_TORCH_LIBRARY_PATH=" + cache.resolve("empty")
                + " has no libtorch.so, so it was not used; DJINN_TORCH_FLAVOR=auto and no NVIDIA driver"), choice.note());
    }

    @Test
    void anExplicitLibraryDirectoryWins() throws IOException {
        String torch = libtorchDirectory("torch-lib");
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", torch, machine(true, true));
        assertEquals("cu128", choice.flavor());
        assertFalse(choice.cpuJar());
        assertEquals(Map.of("PYTORCH_LIBRARY_PATH", torch, "PYTORCH_FLAVOR", "cu128"), choice.systemProperties());
        TorchFlavor.Choice cpuBuild = TorchFlavor.choose("auto", libtorchDirectory("torch-cpu-lib"), machine(false, true));
        assertEquals("cpu", cpuBuild.systemProperties().get("PYTORCH_FLAVOR"));
    }

    @Test
    void unknownFlavorsAreRefusedAtInstallAndReportedAtRunTime() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TorchFlavor.validate("cuda"));
        assertEquals("DJINN_TORCH_FLAVOR must be auto, cpu or a CUDA flavor such as cu128, not 'cuda'",
                error.getMessage());
        // A kernel started with one still starts (as auto) and %device says why.
        TorchFlavor.Choice choice = TorchFlavor.choose("cuda", "", machine(false, true));
        assertEquals("cpu", choice.flavor());
        assertTrue(choice.note().startsWith("DJINN_TORCH_FLAVOR must be auto, cpu or a CUDA flavor such as cu128, "
                + "not 'cuda'; using auto. DJINN_TORCH_FLAVOR=auto and no NVIDIA driver"), choice.note());
    }

    @Test
    void aChoiceBecomesTheRuntimeJvmsDjlOptions() {
        TorchFlavor.Choice cuda = TorchFlavor.choose("cu128", "", machine(true, false));
        assertEquals(List.of("-DDJL_CACHE_DIR=" + cache, "-DENGINE_CACHE_DIR=" + cache, "-Dai.djl.offline=true",
                "-DPYTORCH_FLAVOR=cu128"), cuda.jvmOptions(cache, true));
        assertEquals(List.of("-DDJL_CACHE_DIR=" + cache, "-DENGINE_CACHE_DIR=" + cache),
                TorchFlavor.choose("cpu", "", machine(false, false)).jvmOptions(cache, false));
    }
}
