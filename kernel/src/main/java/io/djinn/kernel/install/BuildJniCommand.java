package io.djinn.kernel.install;

import io.djinn.kernel.Env;
import io.djinn.kernel.KernelLayout;
import io.djinn.kernel.runtime.Libtorch;
import io.djinn.kernel.runtime.RuntimeJars;
import io.djinn.kernel.runtime.TorchFlavor;
import io.djinn.wire.JniBuildInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds DJL's PyTorch JNI library against a libtorch the user has (a pip or conda torch, CPU or CUDA, or an
 * unpacked libtorch) from a DJL checkout at the release Djinn runs, checks that DJL loads it and computes, and
 * says how to make a kernel use it. This is how Djinn runs on a libtorch DJL publishes no JNI for: a newer
 * PyTorch, a CUDA version DJL does not build, a GPU its CUDA builds do not support.
 */
@Command(name = "build-jni", mixinStandardHelpOptions = true,
        description = "Builds DJL's PyTorch JNI against a libtorch you have (a pip torch, CPU or CUDA) from a DJL "
                + "checkout, checks it, and prints the settings that make a kernel run on that libtorch.")
public final class BuildJniCommand implements Callable<Integer> {

    @Option(names = "--djl-source", paramLabel = "DIR", required = true,
            description = "a checkout of github.com/deepjavalibrary/djl at the tag of the DJL release Djinn runs "
                    + "(it says which when they differ)")
    Path djlSource;

    @Option(names = "--torch", paramLabel = "DIR", required = true,
            description = "the libtorch: a torch package (python -c 'import torch, os; print(os.path.dirname(torch.__file__))'), "
                    + "an unpacked libtorch, or its lib directory")
    Path torchPath;

    @Option(names = "--output", paramLabel = "DIR",
            description = "where the library goes (default: DJINN_CACHE_DIR's jni/djl-VERSION-torch-VERSION)")
    Path output;

    @Option(names = "--jobs", paramLabel = "N", description = "compilers run at once (default: the cores; each needs about 1 GiB)")
    Integer jobs;

    @Option(names = "--cxx", paramLabel = "COMPILER", description = "the C++ compiler (default: $CXX, else g++)")
    String cxx;

    @Option(names = "--cuda-extras", paramLabel = "auto|off", defaultValue = "auto",
            description = "DJL's CUDA-only code (emptying the CUDA cache) for a CUDA libtorch: auto compiles it when the "
                    + "CUDA headers are found (CUDA_HOME, the nvidia pip wheels, /usr/local/cuda), off never")
    String cudaExtras;

    @Option(names = "--skip-check",
            description = "do not load the built library in a runtime-like JVM and compute with it afterwards")
    boolean skipCheck;

    @Option(names = "--java", paramLabel = "PATH", description = "the java executable for the check (default: the one running this)")
    Path java;

    @Override
    public Integer call() throws Exception {
        if (!cudaExtras.equals("auto") && !cudaExtras.equals("off")) {
            System.err.println("error: --cuda-extras must be auto or off, not '" + cudaExtras + "'");
            return 2;
        }
        Env env = Env.system();
        RuntimeJars jars = new RuntimeJars(KernelLayout.locate().runtimeClasspath());
        String djlVersion = jars.djlVersion();
        DjlSource source;
        Libtorch torch;
        try {
            source = DjlSource.inspect(djlSource);
            torch = Libtorch.inspect(torchPath);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        if (!source.version().equals(djlVersion)) {
            System.err.println("error: " + source.root() + " is DJL " + source.version() + ", but Djinn runs DJL " + djlVersion
                    + ": the JNI must come from the same release ('git -C " + source.root() + " checkout v" + djlVersion + "')");
            return 2;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path jdkHome = Path.of(System.getProperty("java.home"));
        if (javac == null || !Files.isRegularFile(jdkHome.resolve("include/jni.h"))) {
            System.err.println("error: building a JNI needs a JDK with jdk.compiler and its include/jni.h; "
                    + jdkHome + " lacks " + (javac == null ? "jdk.compiler" : "include/jni.h"));
            return 2;
        }
        String compiler = cxx != null ? cxx : System.getenv().getOrDefault("CXX", "g++");
        String compilerVersion = firstLine(List.of(compiler, "--version"));
        if (compilerVersion == null) {
            System.err.println("error: no C++ compiler: '" + compiler + " --version' failed (install g++, or name one with --cxx)");
            return 2;
        }
        Path outputDir = (output != null ? output
                : env.djlCacheDir().resolve("jni").resolve("djl-" + djlVersion + "-torch-" + torch.version())).toAbsolutePath();
        Path work = Files.createTempDirectory("djinn-build-jni");
        JniBuildPlan.CudaHeaders headers = cudaExtras.equals("off") ? new JniBuildPlan.CudaHeaders(List.of(), List.of())
                : JniBuildPlan.cudaHeaders(torch, System.getenv(), Path.of("/usr/local/cuda"));
        List<Path> cuda = headers.includes();
        JniBuildPlan plan = new JniBuildPlan(source, torch, jdkHome, cuda, JniBuildPlan.cxx11Abi(torch),
                JniBuildPlan.cxxStandard(torch), work, outputDir);
        System.out.println("DJL " + source.version() + " sources: " + source.root());
        System.out.println(torch + " (" + (torch.isCuda() ? "CUDA " + torch.cuda() : "CPU") + ", C++" + plan.cxxStandard()
                + ", C++11 ABI " + plan.cxx11Abi() + ")");
        if (torch.isCuda()) {
            System.out.println(plan.cudaExtras() ? "CUDA headers: " + cuda
                    : cudaExtras.equals("off") ? "building without DJL's CUDA extras (--cuda-extras off)"
                    : "building without DJL's CUDA extras: no " + String.join(", ", headers.missing())
                            + " in CUDA_HOME, CUDA_PATH, the nvidia pip wheels beside torch or /usr/local/cuda");
        }
        long started = System.nanoTime();
        JniBuildPlan built = build(javac, compiler, compilerVersion, plan);
        if (built == null) {
            return 1;
        }
        new JniBuildInfo(source.version(), torch.version(), torch.home().toString(), built.cudaExtras(), compilerVersion,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).writeBeside(built.library());
        System.out.printf("built %s in %.0f s%n", built.library(), (System.nanoTime() - started) / 1e9);
        if (!skipCheck && !check(env, jars, torch, built.library())) {
            return 1;
        }
        printUsage(torch, built.library());
        return 0;
    }

    /** Makes the headers, compiles and links; the plan that was built (without CUDA if that failed), or null. */
    private JniBuildPlan build(JavaCompiler javac, String compiler, String compilerVersion, JniBuildPlan plan)
            throws IOException, InterruptedException, ExecutionException {
        try {
            String javacFailure = headers(javac, plan);
            if (javacFailure != null) {
                System.err.println("error: " + javacFailure);
                return null;
            }
            int parallel = jobs != null ? Math.max(1, jobs) : Runtime.getRuntime().availableProcessors();
            List<Path> sources = plan.source().cppSources();
            System.out.println("compiling " + sources.size() + " sources with " + compilerVersion + " (" + parallel + " at once)");
            String failure = compileAll(plan, compiler, sources, parallel);
            if (failure != null && plan.cudaExtras()) {
                System.out.println("compiling with DJL's CUDA extras failed; building without them. The compiler said:\n" + failure);
                plan = new JniBuildPlan(plan.source(), plan.torch(), plan.jdkHome(), List.of(), plan.cxx11Abi(),
                        plan.cxxStandard(), plan.work(), plan.output());
                failure = compileAll(plan, compiler, sources, parallel);
            }
            if (failure != null) {
                System.err.println("error: compiling DJL's JNI failed:\n" + failure);
                return null;
            }
            Files.createDirectories(plan.output());
            String linked = run(plan.linkCommand(compiler, sources.stream().map(plan::objectFor).toList()));
            if (linked != null) {
                System.err.println("error: linking DJL's JNI failed:\n" + linked);
                return null;
            }
            return plan;
        } finally {
            deleteTree(plan.work());
        }
    }

    /** Loads the library as a kernel would (the same choice of libtorch and JNI) and computes with it. */
    private boolean check(Env env, RuntimeJars jars, Libtorch torch, Path library) throws IOException, InterruptedException {
        TorchFlavor.Choice choice = TorchFlavor.choose("auto", torch.lib().toString(), library.toString(),
                TorchFlavor.machine(env.offline(), env.djlCacheDir(), jars));
        if (choice.jni() == null) {
            System.err.println("error: the kernel would not use it: " + choice.note());
            return false;
        }
        choice.placeJni();
        String report = EngineProbe.load(choice, jars, env.djlCacheDir(), true, java);
        if (report == null) {
            System.err.println("error: DJL did not load or compute with it (its messages are above)");
            return false;
        }
        System.out.println("checked: DJL loaded it and computed with it: " + report);
        return true;
    }

    private static void printUsage(Libtorch torch, Path library) {
        System.out.println();
        System.out.println("Run a kernel on it by installing one with these settings:");
        System.out.println("  java -jar " + KernelLayout.locate().jar() + " install --name djinn-torch-" + torch.baseVersion()
                + " --display-name \"Java (Djinn, torch " + torch.version() + ")\" \\");
        System.out.println("      --env DJINN_TORCH_LIBRARY_PATH=" + torch.lib() + " \\");
        System.out.println("      --env DJINN_TORCH_JNI=" + library);
        System.out.println("or set both variables in the environment a kernel starts from.");
    }

    /** The JNI headers of DJL's PyTorchLibrary ({@code javac -h}); null when made, else what javac said. */
    private static String headers(JavaCompiler javac, JniBuildPlan plan) throws IOException {
        DjlSource source = plan.source();
        StringWriter messages = new StringWriter();
        Path classes = plan.work().resolve("classes");
        Files.createDirectories(classes);
        Files.createDirectories(plan.headers());
        Files.createDirectories(plan.work().resolve("obj"));
        boolean ok = javac.getTask(messages, null, null, List.of("-h", plan.headers().toString(), "-d", classes.toString(),
                "-sourcepath", source.engineJava().toString(), "-proc:none", "-nowarn"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                        .getJavaFileObjects(source.libraryClass().toFile())).call();
        return ok ? null : "javac -h on " + source.libraryClass() + " failed:\n" + messages;
    }

    /**
     * Compiles every source, {@code parallel} at once; null when all compiled, else the first failure's output.
     * A failure stops the compilers still running: the build stops or starts again without CUDA at once.
     */
    private static String compileAll(JniBuildPlan plan, String compiler, List<Path> sources, int parallel)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        Set<Process> running = ConcurrentHashMap.newKeySet();
        CompletionService<String> done = new ExecutorCompletionService<>(pool);
        try {
            for (Path source : sources) {
                done.submit(() -> run(plan.compileCommand(compiler, source), running));
            }
            for (int i = 0; i < sources.size(); i++) {
                String failure = done.take().get();
                if (failure != null) {
                    return failure;
                }
            }
            return null;
        } finally {
            pool.shutdownNow();
            running.forEach(Process::destroyForcibly);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        return run(command, ConcurrentHashMap.newKeySet());
    }

    /** Runs a command; null when it succeeded, else the command and the last of its output. */
    private static String run(List<String> command, Set<Process> running) throws IOException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("the build stopped");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        running.add(process);
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        running.remove(process);
        if (status == 0) {
            return null;
        }
        List<String> lines = text.lines().toList();
        return "$ " + String.join(" ", command) + "\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String firstLine(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? text.lines().findFirst().orElse(command.get(0)).strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
