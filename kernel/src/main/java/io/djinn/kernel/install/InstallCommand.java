package io.djinn.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.djinn.kernel.KernelLayout;
import io.djinn.kernel.runtime.TorchFlavor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Installs the Djinn kernelspec (kernel.json and logos), like 'python -m ipykernel install'.")
public final class InstallCommand implements Callable<Integer> {

    @Mixin
    KernelSpecLocation location;

    @Option(names = "--display-name", paramLabel = "TEXT", defaultValue = "Java (Djinn)",
            description = "the name shown in the launcher (default: ${DEFAULT-VALUE})")
    String displayName;

    @Option(names = "--jvm-opt", paramLabel = "OPT",
            description = "an option for the runtime JVM that runs the notebook's code, e.g. --jvm-opt=-Xmx8g (repeatable)")
    List<String> runtimeJvmOptions = new ArrayList<>();

    @Option(names = "--kernel-jvm-opt", paramLabel = "OPT",
            description = "an option for the kernel's own JVM, after the defaults, which it can override (repeatable)")
    List<String> kernelJvmOptions = new ArrayList<>();

    /**
     * The kernel JVM mostly runs javac for short compile tasks. With C1 only and the serial collector,
     * a trivial cell took 24-36 ms against 40-58 ms with the defaults (2 cores, interleaved runs,
     * bench/results/kernel-jvm-options.txt): C2 compiling javac competed with javac for the cores.
     * User code runs in the runtime JVM, which keeps the default JIT.
     */
    static final List<String> DEFAULT_KERNEL_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "an environment variable for the kernel (repeatable)")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--torch-flavor", paramLabel = "FLAVOR",
            description = "which libtorch the kernel loads: auto (CUDA when an NVIDIA driver is present, the default), "
                    + "cpu, or a CUDA flavor such as cu128; sets DJINN_TORCH_FLAVOR")
    String torchFlavor;

    @Option(names = "--java", paramLabel = "PATH", description = "the java executable (default: the one running this)")
    Path java;

    @Option(names = "--jvm-caches", paramLabel = "auto|off", defaultValue = "auto",
            description = "auto (the default): run a short training session and start the JVMs from what it records: "
                    + "on JDK 25 and later ahead-of-time caches for both JVMs (about 0.5 s sooner to the first "
                    + "result), on JDK 17 to 24 the kernel JVM's class data (about 0.2 s sooner); off: none")
    String jvmCaches;

    @Override
    public Integer call() throws Exception {
        KernelLayout layout = KernelLayout.locate();
        if (!Files.isRegularFile(layout.jar())) {
            System.err.println("error: " + layout.jar() + " not found: run install from the built djinn.jar");
            return 2;
        }
        if (torchFlavor != null) {
            try {
                TorchFlavor.validate(torchFlavor);
            } catch (IllegalArgumentException e) {
                System.err.println("error: --torch-flavor: " + e.getMessage().replace("DJINN_TORCH_FLAVOR ", "it "));
                return 2;
            }
        }
        Path directory = location.kernelDirectoryOrExplain();
        if (directory == null) {
            return 2;
        }
        if (!jvmCaches.equals("auto") && !jvmCaches.equals("off")) {
            System.err.println("error: --jvm-caches must be auto or off, not '" + jvmCaches + "'");
            return 2;
        }
        Files.createDirectories(directory);
        JvmCaches caches = new JvmCaches(directory);
        caches.remove(); // made for an earlier install: its jars or JDK may have changed
        Files.writeString(directory.resolve("kernel.json"), kernelJson(layout.jar(), List.of()));
        if (jvmCaches.equals("auto")) {
            List<String> cacheOptions = caches.train(javaExecutable(), kernelOptions(), layout.jar(), kernelEnvironment());
            if (!cacheOptions.isEmpty()) {
                Files.writeString(directory.resolve("kernel.json"), kernelJson(layout.jar(), cacheOptions));
            }
        }
        Logo.write(directory.resolve("logo-32x32.png"), 32);
        Logo.write(directory.resolve("logo-64x64.png"), 64);
        System.out.println("Installed kernelspec " + location.name + " (\"" + displayName + "\") in " + directory);
        return 0;
    }

    private Path javaExecutable() {
        return (java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java")).toAbsolutePath();
    }

    private List<String> kernelOptions() {
        List<String> options = new ArrayList<>(DEFAULT_KERNEL_JVM_OPTIONS);
        options.addAll(kernelJvmOptions);
        return options;
    }

    /** The environment the kernelspec gives the kernel: --env, --torch-flavor and --jvm-opt. */
    private Map<String, String> kernelEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>(env);
        if (torchFlavor != null) {
            environment.put("DJINN_TORCH_FLAVOR", torchFlavor);
        }
        if (!runtimeJvmOptions.isEmpty()) {
            environment.put("DJINN_JVM_OPTS", String.join(" ", runtimeJvmOptions));
        }
        return environment;
    }

    /** @param cacheOptions the kernel JVM's options for the JVM caches, none when there are none */
    String kernelJson(Path jar, List<String> cacheOptions) {
        JsonArray argv = new JsonArray();
        argv.add(javaExecutable().toString());
        kernelOptions().forEach(argv::add);
        cacheOptions.forEach(argv::add);
        argv.add("-jar");
        argv.add(jar.toAbsolutePath().toString());
        argv.add("kernel");
        argv.add("{connection_file}");

        JsonObject environment = new JsonObject();
        kernelEnvironment().forEach(environment::addProperty);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);

        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", displayName);
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        spec.add("env", environment);
        spec.add("metadata", metadata);
        return new GsonBuilder().setPrettyPrinting().create().toJson(spec) + "\n";
    }
}
