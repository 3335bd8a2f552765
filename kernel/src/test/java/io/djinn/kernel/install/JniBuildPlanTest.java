package io.djinn.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.kernel.runtime.Libtorch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JniBuildPlanTest {

    @TempDir
    Path dir;

    /** The parts of a DJL checkout the build reads. */
    private DjlSource checkout(String version) throws IOException {
        Path root = dir.resolve("djl");
        Files.createDirectories(root.resolve(DjlSource.NATIVE_SOURCES));
        Files.createDirectories(root.resolve(DjlSource.LIBRARY_CLASS).getParent());
        Files.createDirectories(root.resolve(DjlSource.UTILS_HEADERS + "/djl"));
        Files.writeString(root.resolve(DjlSource.LIBRARY_CLASS), "package ai.djl.pytorch.jni; final class PyTorchLibrary {}");
        Files.writeString(root.resolve(DjlSource.UTILS_HEADERS + "/djl/utils.h"), "");
        Files.writeString(root.resolve(DjlSource.NATIVE_SOURCES + "/b_tensor.cc"), "");
        Files.writeString(root.resolve(DjlSource.NATIVE_SOURCES + "/a_system.cc"), "");
        Files.writeString(root.resolve(DjlSource.NATIVE_SOURCES + "/utils.h"), "");
        Files.createDirectories(root.resolve("gradle"));
        Files.writeString(root.resolve("gradle/libs.versions.toml"), "[versions]\ndjl = \"" + version + "\"\npytorch = \"2.7.1\"\n");
        return DjlSource.inspect(root);
    }

    private Libtorch wheel(String version, String cuda) throws IOException {
        Path torch = Files.createDirectories(dir.resolve("site-packages/torch"));
        Files.createDirectories(torch.resolve("lib"));
        Files.writeString(torch.resolve("lib/libtorch.so"), "");
        Files.writeString(torch.resolve("version.py"), "__version__ = '" + version + "'\ncuda = "
                + (cuda == null ? "None" : "'" + cuda + "'") + "\n");
        return Libtorch.inspect(torch);
    }

    @Test
    void aCheckoutSaysItsReleaseAndItsSourcesInOrder() throws IOException {
        DjlSource source = checkout("0.35.1");
        assertEquals("0.35.1", source.version());
        assertEquals(List.of("a_system.cc", "b_tensor.cc"),
                source.cppSources().stream().map(path -> path.getFileName().toString()).toList());
        IOException notOne = assertThrows(IOException.class, () -> DjlSource.inspect(dir.resolve("site-packages")));
        assertTrue(notOne.getMessage().contains("is not a DJL checkout: it has no " + DjlSource.NATIVE_SOURCES),
                notOne.getMessage());
    }

    @Test
    void compileAndLinkCommandsForACpuWheel() throws IOException {
        DjlSource source = checkout("0.35.1");
        Libtorch torch = wheel("2.13.0+cpu", null);
        Path jdk = dir.resolve("jdk");
        JniBuildPlan plan = new JniBuildPlan(source, torch, jdk, List.of(), 1, 20, dir.resolve("work"), dir.resolve("out"));
        Path cc = source.cppSources().get(0);
        assertEquals(List.of("g++", "-std=c++20", "-O2", "-fPIC", "-DNDEBUG", "-D_GLIBCXX_USE_CXX11_ABI=1",
                "-I" + dir.resolve("work/include"), "-I" + source.utilsHeaders(), "-I" + torch.include(),
                "-I" + torch.include().resolve("torch/csrc/api/include"), "-I" + jdk.resolve("include"),
                "-I" + jdk.resolve("include/linux"), "-c", cc.toString(), "-o", dir.resolve("work/obj/a_system.o").toString()),
                plan.compileCommand("g++", cc));
        assertEquals(List.of("g++", "-shared", "-o", dir.resolve("out/libdjl_torch.so").toString(), "x.o",
                "-L" + torch.lib(), "-Wl,-rpath,$ORIGIN:" + torch.lib(), "-ltorch", "-ltorch_cpu", "-lc10"),
                plan.linkCommand("g++", List.of(Path.of("x.o"))));
        assertFalse(plan.cudaExtras());
    }

    @Test
    void aCudaWheelWithHeadersCompilesDjlsCudaCodeAndLinksCudaLibtorch() throws IOException {
        Libtorch torch = wheel("2.11.0+cu130", "13.0");
        // The pip wheels' layout: site-packages/nvidia/<package>/include.
        Path runtime = Files.createDirectories(dir.resolve("site-packages/nvidia/cuda_runtime/include"));
        Path cublas = Files.createDirectories(dir.resolve("site-packages/nvidia/cublas/include"));
        Path noCuda = dir.resolve("no-system-cuda");
        Files.writeString(runtime.resolve("cuda_runtime_api.h"), "");
        JniBuildPlan.CudaHeaders partial = JniBuildPlan.cudaHeaders(torch, Map.of(), noCuda);
        assertEquals(List.of(), partial.includes());
        assertEquals(List.of("cublas_v2.h", "cublasLt.h", "cusparse.h", "cusolverDn.h"), partial.missing());
        for (String header : List.of("cublas_v2.h", "cublasLt.h")) {
            Files.writeString(cublas.resolve(header), "");
        }
        // The rest from the toolkit CUDA_HOME names.
        Path toolkit = Files.createDirectories(dir.resolve("cuda-13.0/include"));
        Files.writeString(toolkit.resolve("cusparse.h"), "");
        Files.writeString(toolkit.resolve("cusolverDn.h"), "");
        List<Path> includes = JniBuildPlan.cudaHeaders(torch, Map.of("CUDA_HOME", toolkit.getParent().toString()), noCuda)
                .includes();
        assertEquals(List.of(toolkit, cublas, runtime), includes);

        JniBuildPlan plan = new JniBuildPlan(checkout("0.35.1"), torch, dir.resolve("jdk"), includes, 1, 17,
                dir.resolve("work"), dir.resolve("out"));
        List<String> compile = plan.compileCommand("c++", Path.of("a_system.cc"));
        assertTrue(compile.contains("-DUSE_CUDA") && compile.contains("-I" + runtime) && compile.contains("-std=c++17"),
                compile.toString());
        assertTrue(plan.linkCommand("c++", List.of()).containsAll(List.of("-ltorch_cuda", "-lc10_cuda")));
        assertEquals(List.of(), JniBuildPlan.cudaHeaders(wheel("2.13.0+cpu", null), Map.of(), noCuda).includes());
    }

    @Test
    void flagsComeFromTheLibtorch() throws IOException {
        Libtorch torch = wheel("2.13.0+cpu", null);
        assertEquals(17, JniBuildPlan.cxxStandard(torch), "no CMake config: DJL's own standard");
        Files.createDirectories(torch.home().resolve("share/cmake/Torch"));
        Files.writeString(torch.home().resolve("share/cmake/Torch/TorchConfig.cmake"),
                "set_target_properties(torch PROPERTIES\n    INTERFACE_INCLUDE_DIRECTORIES \"${TORCH_INCLUDE_DIRS}\"\n    CXX_STANDARD 20\n)\n");
        assertEquals(20, JniBuildPlan.cxxStandard(torch));

        // libc10's symbols carry the abi tag [abi:cxx11] (mangled B5cxx11) only under the new ABI.
        byte[] library = new byte[70_000];
        byte[] tag = "_ZN3c10B5cxx11".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tag, 0, library, 50_000, tag.length);
        Files.write(torch.lib().resolve("libc10.so"), library);
        assertEquals(1, JniBuildPlan.cxx11Abi(torch));
        Files.write(torch.lib().resolve("libc10.so"), new byte[70_000]);
        assertEquals(0, JniBuildPlan.cxx11Abi(torch));

        assertEquals("V1_13_X", JniBuildPlan.ptVersionDefine("2.1.2"));
        assertEquals(null, JniBuildPlan.ptVersionDefine("2.13.0"));
        assertEquals(null, JniBuildPlan.ptVersionDefine("2.10.0"));
    }
}
