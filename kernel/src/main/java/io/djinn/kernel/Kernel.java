package io.djinn.kernel;

import io.djinn.kernel.analysis.CodeAnalysis;
import io.djinn.kernel.execution.CellRunner;
import io.djinn.kernel.execution.ExecutionQueue;
import io.djinn.kernel.execution.History;
import io.djinn.kernel.execution.JavaEvaluator;
import io.djinn.kernel.output.CellOutput;
import io.djinn.kernel.protocol.ConnectionInfo;
import io.djinn.kernel.protocol.ChannelResponder;
import io.djinn.kernel.protocol.KernelSockets;
import io.djinn.kernel.protocol.Responder;
import io.djinn.kernel.runtime.NativeAllocator;
import io.djinn.kernel.runtime.RuntimeCollector;
import io.djinn.kernel.runtime.RuntimeHost;
import io.djinn.kernel.runtime.RuntimeJars;
import io.djinn.kernel.runtime.RuntimeJvmCache;
import io.djinn.kernel.runtime.RuntimeSettings;
import io.djinn.kernel.runtime.TorchFlavor;
import io.djinn.magics.MagicArguments;
import io.djinn.magics.MagicException;
import io.djinn.magics.MagicRegistry;
import io.djinn.magics.device.DeviceMagics;
import io.djinn.magics.device.PerCellMemory;
import io.djinn.magics.ijava.IJavaMagics;
import io.djinn.magics.maven.ArtifactResolver;
import io.djinn.magics.maven.MavenResolver;
import io.djinn.magics.maven.ProvidedArtifacts;
import io.djinn.magics.plotting.PlottingMagics;
import io.djinn.magics.profiling.ProfilingMagics;
import io.djinn.magics.shell.SessionEnvironment;
import io.djinn.magics.shell.ShellMagics;
import io.djinn.magics.workspace.WorkspaceMagics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: wires sockets, runtime, magics and the execution queue for one session. */
final class Kernel {

    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);
    private static final long RUNTIME_START_TIMEOUT_MS = 60_000;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final KernelSockets sockets;
    private final RuntimeHost host;
    private final CellOutput output;

    Kernel(ConnectionInfo connection, Env env, KernelLayout layout) throws IOException {
        sockets = new KernelSockets(connection);
        output = new CellOutput(sockets.iopub(), sockets.stdin(), env.outputLimitBytes(), env.carryPlotlyJs());
        SessionEnvironment environment = new SessionEnvironment();
        host = new RuntimeHost(runtimeSettings(env, layout, environment), output.runtimeIo());

        ProvidedArtifacts provided = ProvidedArtifacts.read(layout.providedArtifacts());
        ArtifactResolver maven = new LazyArtifactResolver(() -> new MavenResolver(env.mavenLocalRepository(),
                env.mavenOffline(), provided));
        MagicRegistry magics = new MagicRegistry();
        IJavaMagics.registerAll(magics, provided, maven);
        ProfilingMagics.registerAll(magics);
        PlottingMagics.registerAll(magics);
        PerCellMemory perCellMemory = new PerCellMemory();
        DeviceMagics.registerAll(magics, perCellMemory);
        ShellMagics.registerAll(magics, environment);
        WorkspaceMagics.registerAll(magics);

        Path workingDirectory = Path.of("").toAbsolutePath();
        CodeAnalysis analysis = new CodeAnalysis(host, magics, layout.sourceJars());
        CellRunner runner = new CellRunner(host, new JavaEvaluator(host, output), output, magics, analysis,
                workingDirectory, env.cellTimeoutMillis(), perCellMemory);
        History history = new History();
        Responder shell = new ChannelResponder(sockets.shell(), sockets.iopub(), sockets.codec());
        Responder control = new ChannelResponder(sockets.control(), sockets.iopub(), sockets.codec());
        ExecutionQueue queue = new ExecutionQueue(runner, output, shell, history);
        KernelServer server = new KernelServer(shell, control, queue::submit, runner::interrupt, analysis, history,
                stopped::countDown);

        host.startInBackground();
        sockets.start(server::onShell, server::onControl);
        queue.start();
        LauncherWatch.start(env.launcherPid(), stopped::countDown);
    }

    /** Blocks until a shutdown_request (or the launcher's end), then releases the runtime and the sockets. */
    void awaitShutdown() throws InterruptedException {
        stopped.await();
        close();
    }

    void close() {
        LOG.info("shutting down");
        host.close();
        output.close();
        sockets.close();
    }

    /** @param environment what %env sets, which each new runtime gets too */
    static RuntimeSettings runtimeSettings(Env env, KernelLayout layout, SessionEnvironment environment)
            throws IOException {
        RuntimeJars jars = new RuntimeJars(layout.runtimeClasspath());
        TorchFlavor.Choice torch = TorchFlavor.choose(env.torchFlavor(), env.torchLibraryPath(), env.torchJni(),
                TorchFlavor.machine(env.offline(), env.djlCacheDir(), jars));
        torch.placeJni();
        LOG.info("libtorch: {} ({})", torch.flavor(), torch.note());
        List<String> entries = new ArrayList<>(jars.classpath(torch));
        entries.addAll(env.classpath());
        String classpath = String.join(java.io.File.pathSeparator, entries);
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.add("-Djava.awt.headless=true");
        // Turns dtypes DJL's PyTorch JNI cannot map into exceptions instead of a process abort.
        java.add("-javaagent:" + jars.runtimeAgent());
        RuntimeJvmCache cache = RuntimeJvmCache.fromSystemProperties();
        java.addAll(cache.jvmOptions());
        java.addAll(torch.jvmOptions(env.djlCacheDir(), env.offline()));
        java.add("-Ddjinn.torch.note=" + torch.note());
        java.add("-Ddjinn.warmup=" + env.engineWarmup());
        java.add("-Ddjinn.freeArrays=" + env.freeUnreachableArrays());
        // Quiet unless asked: DJL's info messages would otherwise fill the kernel log.
        java.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        List<String> userOptions = words("DJINN_JVM_OPTS", env.runtimeJvmOptions());
        List<String> optionsJavaSees = new ArrayList<>(env.javaOptionsFromEnvironment());
        optionsJavaSees.addAll(userOptions);
        java.addAll(RuntimeCollector.options(optionsJavaSees));
        java.addAll(userOptions);
        java.add("-cp");
        java.add(classpath);
        java.add("io.djinn.runtime.RuntimeMain");

        List<String> compiler = new ArrayList<>(words("DJINN_COMPILER_OPTS", env.compilerOptions()));

        List<RuntimeSettings.StartupSource> startup = new ArrayList<>();
        startup.add(new RuntimeSettings.StartupSource("default imports", resource("default-imports.jsh"), true));
        for (String path : env.startupScriptPaths()) {
            Path script = Path.of(path);
            if (Files.isRegularFile(script)) {
                startup.add(new RuntimeSettings.StartupSource(path, Files.readString(script), false));
            } else {
                LOG.warn("startup script {} does not exist; skipped", path);
            }
        }
        if (!env.startupScript().isBlank()) {
            startup.add(new RuntimeSettings.StartupSource("DJINN_STARTUP_SCRIPT", env.startupScript(), false));
        }
        Map<String, String> inherited = System.getenv();
        boolean keepNativeMemory = env.keepNativeMemory();
        return new RuntimeSettings(java, compiler, entries, startup, RUNTIME_START_TIMEOUT_MS,
                () -> NativeAllocator.environment(keepNativeMemory, inherited, environment.overrides(),
                        System.getProperty("os.name")),
                cache.exitGraceMillis());
    }

    private static List<String> words(String variable, String value) {
        try {
            return MagicArguments.split(value);
        } catch (MagicException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Kernel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
