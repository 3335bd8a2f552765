package io.djinn.kernel.install;

import io.djinn.kernel.runtime.Libtorch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How to compile DJL's PyTorch JNI against a given libtorch: one compiler call per C++ source, then one link,
 * the flags read from the libtorch itself. This is what DJL's CMakeLists does, without needing CMake or
 * CUDA's CMake modules on the machine: a C++ compiler is enough.
 *
 * @param work where the JNI headers and object files go
 * @param cudaIncludes the CUDA headers' directories; empty builds without DJL's CUDA-only code
 */
public record JniBuildPlan(DjlSource source, Libtorch torch, Path jdkHome, List<Path> cudaIncludes, int cxx11Abi,
        int cxxStandard, Path work, Path output) {

    public static final String LIBRARY_NAME = "libdjl_torch.so";
    private static final Pattern CXX_STANDARD = Pattern.compile("CXX_STANDARD\\s+(\\d+)");
    private static final String CXX11_ABI_TAG = "B5cxx11";

    public Path headers() {
        return work.resolve("include");
    }

    public Path library() {
        return output.resolve(LIBRARY_NAME);
    }

    public boolean cudaExtras() {
        return !cudaIncludes.isEmpty();
    }

    public Path objectFor(Path cppSource) {
        String name = cppSource.getFileName().toString();
        return work.resolve("obj").resolve(name.substring(0, name.length() - ".cc".length()) + ".o");
    }

    /** The compiler call for one source. */
    public List<String> compileCommand(String cxx, Path cppSource) {
        List<String> command = new ArrayList<>(List.of(cxx, "-std=c++" + cxxStandard, "-O2", "-fPIC", "-DNDEBUG",
                "-D_GLIBCXX_USE_CXX11_ABI=" + cxx11Abi));
        String ptVersion = ptVersionDefine(torch.baseVersion());
        if (ptVersion != null) {
            command.add("-D" + ptVersion);
        }
        if (cudaExtras()) {
            command.add("-DUSE_CUDA");
        }
        for (Path include : includes()) {
            command.add("-I" + include);
        }
        command.addAll(List.of("-c", cppSource.toString(), "-o", objectFor(cppSource).toString()));
        return command;
    }

    List<Path> includes() {
        List<Path> includes = new ArrayList<>(List.of(headers(), source.utilsHeaders(), torch.include(),
                torch.include().resolve("torch/csrc/api/include"), jdkHome.resolve("include"),
                jdkHome.resolve("include/linux")));
        includes.addAll(cudaIncludes);
        return includes;
    }

    /** The link of the objects into the JNI library; it finds libtorch beside itself or where it was built. */
    public List<String> linkCommand(String cxx, List<Path> objects) {
        List<String> command = new ArrayList<>(List.of(cxx, "-shared", "-o", library().toString()));
        objects.forEach(object -> command.add(object.toString()));
        command.addAll(List.of("-L" + torch.lib(), "-Wl,-rpath,$ORIGIN:" + torch.lib(), "-ltorch", "-ltorch_cpu", "-lc10"));
        if (cudaExtras()) {
            command.addAll(List.of("-ltorch_cuda", "-lc10_cuda"));
        }
        return command;
    }

    /** DJL's sources switch to older APIs with this define for libtorch 1.13 to 2.1 (as its build.sh does). */
    static String ptVersionDefine(String baseVersion) {
        return baseVersion.startsWith("1.13.") || baseVersion.startsWith("2.0.") || baseVersion.startsWith("2.1.")
                ? "V1_13_X" : null;
    }

    /** 1 when libtorch was built with the C++11 string ABI (every pip wheel since 2.7), else 0: read from libc10. */
    static int cxx11Abi(Libtorch torch) throws IOException {
        Path c10 = torch.lib().resolve("libc10.so");
        if (!Files.isRegularFile(c10)) {
            return 1;
        }
        // Its symbols carry the tag [abi:cxx11], mangled B5cxx11, only under that ABI. The library is 1-2 MB.
        return new String(Files.readAllBytes(c10), StandardCharsets.ISO_8859_1).contains(CXX11_ABI_TAG) ? 1 : 0;
    }

    /** The C++ standard libtorch's CMake config asks for (20 since PyTorch 2.10), at least DJL's 17. */
    static int cxxStandard(Libtorch torch) throws IOException {
        Path config = torch.home().resolve("share/cmake/Torch/TorchConfig.cmake");
        if (!Files.isRegularFile(config)) {
            return 17;
        }
        Matcher matcher = CXX_STANDARD.matcher(Files.readString(config));
        return matcher.find() ? Math.max(17, Integer.parseInt(matcher.group(1))) : 17;
    }

    /** The CUDA headers DJL's CUDA code reaches through libtorch's ATen/cuda and c10/cuda headers. */
    static final List<String> CUDA_HEADERS = List.of("cuda_runtime_api.h", "cublas_v2.h", "cublasLt.h", "cusparse.h",
            "cusolverDn.h");

    /**
     * Where the CUDA headers are, for a CUDA libtorch.
     *
     * @param includes the directories to add, empty when DJL's CUDA code cannot be compiled
     * @param missing the headers no directory has, when some are missing
     */
    public record CudaHeaders(List<Path> includes, List<String> missing) {}

    /**
     * The CUDA headers for a CUDA libtorch: the toolkit {@code CUDA_HOME} or {@code CUDA_PATH} names, the pip
     * wheels' beside torch ({@code site-packages/nvidia/.../include}), then {@code /usr/local/cuda}.
     * None for a CPU libtorch, or when one of {@link #CUDA_HEADERS} is nowhere.
     */
    static CudaHeaders cudaHeaders(Libtorch torch, Map<String, String> environment, Path systemCuda) throws IOException {
        if (!torch.isCuda()) {
            return new CudaHeaders(List.of(), List.of());
        }
        List<Path> candidates = new ArrayList<>();
        for (String variable : List.of("CUDA_HOME", "CUDA_PATH")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                candidates.add(Path.of(value, "include"));
            }
        }
        // The wheels torch was installed with match its CUDA version; a system toolkit may not, so it comes last.
        Path wheels = torch.home().getParent() == null ? null : torch.home().getParent().resolve("nvidia");
        if (wheels != null && Files.isDirectory(wheels)) {
            try (Stream<Path> tree = Files.walk(wheels, 4)) {
                tree.filter(path -> path.getFileName().toString().equals("include") && Files.isDirectory(path))
                        .sorted().forEach(candidates::add);
            }
        }
        candidates.add(systemCuda.resolve("include"));
        List<Path> found = candidates.stream().filter(Files::isDirectory).distinct().toList();
        List<String> missing = CUDA_HEADERS.stream()
                .filter(header -> found.stream().noneMatch(dir -> Files.isRegularFile(dir.resolve(header)))).toList();
        return missing.isEmpty() ? new CudaHeaders(found, List.of()) : new CudaHeaders(List.of(), missing);
    }
}
