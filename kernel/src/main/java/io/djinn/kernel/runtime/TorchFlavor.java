package io.djinn.kernel.runtime;

import io.djinn.wire.JniBuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chooses the libtorch a runtime starts with, from DJINN_TORCH_FLAVOR ({@code auto}, {@code cpu} or a
 * CUDA flavor such as {@code cu128}) and what this machine has. The CPU build comes from Maven Central
 * as a jar on the runtime's classpath; a CUDA build is too big for Maven Central, so DJL takes it from
 * DJINN_TORCH_LIBRARY_PATH, from its cache (where the CUDA Docker image puts it), or downloads it when
 * online. A libtorch of another version (a pip torch, say) runs with a JNI built for it, named by
 * DJINN_TORCH_JNI ({@code djinn build-jni}). When a CUDA build cannot be had, the runtime starts on the
 * CPU and the reason is kept for {@code %device}.
 */
public final class TorchFlavor {

    /** The CUDA build DJL publishes for libtorch 2.7.1. */
    public static final String DEFAULT_CUDA_FLAVOR = "cu128";
    private static final Pattern CUDA_FLAVOR = Pattern.compile("cu\\d{3}");

    /**
     * The decision.
     *
     * @param flavor "cpu" or the CUDA flavor to load
     * @param cpuJar whether the CPU native jar stays on the runtime's classpath (DJL prefers it when present)
     * @param systemProperties DJL settings for the runtime JVM
     * @param note one sentence on why, shown by %device
     * @param jni a JNI library built for a libtorch the user named, or null for DJL's own
     * @param jniLink where DJL looks for that JNI (its cache directory, under the libtorch's version and flavor)
     */
    public record Choice(String flavor, boolean cpuJar, Map<String, String> systemProperties, String note, Path jni,
            Path jniLink) {

        Choice withNote(String newNote) {
            return new Choice(flavor, cpuJar, systemProperties, newNote, jni, jniLink);
        }

        /**
         * Puts the chosen JNI where DJL looks for it, as a symbolic link made again at each start, so that a
         * rebuilt JNI or another kernel's choice of one for the same libtorch is never left behind.
         */
        public void placeJni() throws IOException {
            if (jni == null) {
                return;
            }
            Files.createDirectories(jniLink.getParent());
            Path fresh = jniLink.resolveSibling(jniLink.getFileName() + "." + ProcessHandle.current().pid() + ".link");
            Files.deleteIfExists(fresh);
            Files.createSymbolicLink(fresh, jni);
            Files.move(fresh, jniLink, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        /** The JVM options that make DJL in a runtime JVM load this libtorch, with that cache directory. */
        public List<String> jvmOptions(Path engineCacheDir, boolean offline) {
            List<String> options = new ArrayList<>();
            options.add("-DDJL_CACHE_DIR=" + engineCacheDir);
            options.add("-DENGINE_CACHE_DIR=" + engineCacheDir);
            if (offline) {
                options.add("-Dai.djl.offline=true");
            }
            systemProperties.forEach((key, value) -> options.add("-D" + key + "=" + value));
            return options;
        }
    }

    /** What the machine offers; gathered by {@link #machine}, given directly by tests. */
    public record Machine(boolean nvidiaDriver, boolean offline, Path engineCacheDir, String libtorchVersion,
            String djlVersion, String classifier) {

        boolean cached(String flavor) {
            return Files.isRegularFile(cachedDirectory(flavor).resolve("libtorch.so"));
        }

        Path cachedDirectory(String flavor) {
            return engineCacheDir.resolve("pytorch").resolve(libtorchVersion + "-" + flavor + "-" + classifier);
        }
    }

    private TorchFlavor() {}

    public static void validate(String requested) {
        if (!requested.equals("auto") && !requested.equals("cpu") && !CUDA_FLAVOR.matcher(requested).matches()) {
            throw new IllegalArgumentException("DJINN_TORCH_FLAVOR must be auto, cpu or a CUDA flavor such as "
                    + DEFAULT_CUDA_FLAVOR + ", not '" + requested + "'");
        }
    }

    public static Machine machine(boolean offline, Path engineCacheDir, RuntimeJars jars) throws IOException {
        boolean driver = Files.exists(Path.of("/proc/driver/nvidia/version")) || Files.exists(Path.of("/dev/nvidiactl"));
        return new Machine(driver, offline, engineCacheDir, jars.libtorchVersion(), jars.djlVersion(), "linux-x86_64");
    }

    /** The libtorch to start with; a flavor that is not one is reported in the note and treated as auto. */
    public static Choice choose(String requested, String libraryPath, String jniPath, Machine machine) {
        try {
            validate(requested);
        } catch (IllegalArgumentException e) {
            Choice auto = choose("auto", libraryPath, jniPath, machine);
            return auto.withNote(e.getMessage() + "; using auto. " + auto.note());
        }
        if (requested.equals("cpu")) {
            return cpu("DJINN_TORCH_FLAVOR=cpu");
        }
        boolean wantsCuda = !requested.equals("auto") || machine.nvidiaDriver();
        String flavor = requested.equals("auto") ? DEFAULT_CUDA_FLAVOR : requested;
        if (libraryPath != null && !libraryPath.isBlank()) {
            return chooseLibrary(requested, Path.of(libraryPath), jniPath, machine, wantsCuda ? flavor : "cpu");
        }
        if (!wantsCuda) {
            return cpu("DJINN_TORCH_FLAVOR=auto and no NVIDIA driver on this machine, so the CPU build");
        }
        String why = requested.equals("auto") ? "DJINN_TORCH_FLAVOR=auto found an NVIDIA driver"
                : "DJINN_TORCH_FLAVOR=" + requested;
        if (machine.cached(flavor)) {
            return cuda(flavor, why + ": CUDA libtorch " + flavor + " from " + machine.cachedDirectory(flavor));
        }
        if (!machine.offline()) {
            return cuda(flavor, why + ": CUDA libtorch " + flavor + ", downloaded by DJL into "
                    + machine.cachedDirectory(flavor) + " on first use (about 2 GB, once)");
        }
        return cpu(why + ", but CUDA libtorch " + flavor + " is not in " + machine.cachedDirectory(flavor)
                + " and downloads are off (DJINN_OFFLINE), so the CPU build was loaded; put it there or set "
                + "DJINN_TORCH_LIBRARY_PATH, then restart the kernel");
    }

    /**
     * A libtorch the user names. One of another version than DJL's own needs a JNI built for it
     * ({@code djinn build-jni}), which DJL finds in its cache directory under that version and flavor.
     */
    private static Choice chooseLibrary(String requested, Path path, String jniPath, Machine machine, String guessedFlavor) {
        String setting = "DJINN_TORCH_LIBRARY_PATH=" + path;
        Path lib = Files.isRegularFile(path.resolve("libtorch.so")) ? path : path.resolve("lib");
        if (!Files.isRegularFile(lib.resolve("libtorch.so"))) {
            return fallback(requested, machine, setting + " has no libtorch.so, so it was not used; ");
        }
        Libtorch libtorch = Libtorch.find(lib).orElse(null);
        boolean hasJni = jniPath != null && !jniPath.isBlank();
        if (!hasJni) {
            if (libtorch != null && !libtorch.matches(machine.libtorchVersion())) {
                return fallback(requested, machine, setting + " is libtorch " + libtorch.version() + ", and DJL "
                        + machine.djlVersion() + "'s own JNI works only with libtorch " + machine.libtorchVersion()
                        + ", so it was not used: build a JNI for it with 'djinn build-jni --torch " + path
                        + " --djl-source DJL_CHECKOUT' and name that with DJINN_TORCH_JNI; ");
            }
            String flavor = libtorch != null && !libtorch.flavor().equals("cuda") ? libtorch.flavor() : guessedFlavor;
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("PYTORCH_LIBRARY_PATH", lib.toString());
            // DJL picks the JNI library by flavor; its guess appends -precxx11, which 2.7.1 does not ship.
            properties.put("PYTORCH_FLAVOR", flavor);
            return new Choice(flavor, false, properties, setting + " names the libtorch to load", null, null);
        }
        Path jni = Path.of(jniPath).toAbsolutePath();
        String jniSetting = "DJINN_TORCH_JNI=" + jniPath;
        if (!Files.isRegularFile(jni)) {
            return fallback(requested, machine, jniSetting + " does not exist, so " + setting + " was not used either; ");
        }
        if (libtorch == null) {
            return fallback(requested, machine, setting + " does not say which libtorch it is (no version.py or "
                    + "build-version beside its lib directory), so DJL cannot be pointed at a JNI for it; ");
        }
        JniBuildInfo info = JniBuildInfo.readBeside(jni).orElse(null);
        if (info != null && !info.torchVersion().equals(libtorch.version())) {
            return fallback(requested, machine, jniSetting + " was built for libtorch " + info.torchVersion()
                    + ", but " + setting + " is " + libtorch.version() + ", so neither was used (a JNI runs only "
                    + "with the libtorch it was built against); ");
        }
        if (info != null && !info.djlVersion().equals(machine.djlVersion())) {
            return fallback(requested, machine, jniSetting + " was built from DJL " + info.djlVersion()
                    + "'s sources, but this kernel runs DJL " + machine.djlVersion() + ", so it was not used; ");
        }
        String flavor = libtorch.flavor().equals("cuda") ? guessedFlavor : libtorch.flavor();
        List<String> excluded = new ArrayList<>(WHEEL_TEST_LIBRARIES);
        String withoutDriver = "";
        if (libtorch.isCuda() && !machine.nvidiaDriver()) {
            // DJL loads a CUDA flavor's CUDA JIT library up front, which needs the driver's libcuda.so.1; as a CPU
            // flavor it loads libtorch alone, whose CUDA half then loads without a driver, as Python's torch does.
            flavor = "cpu";
            excluded.add("libcaffe2_nvrtc.so");
            withoutDriver = ", a CUDA build loaded for the CPU as this machine has no NVIDIA driver";
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("PYTORCH_LIBRARY_PATH", libtorch.lib().toString());
        properties.put("PYTORCH_VERSION", libtorch.baseVersion());
        properties.put("PYTORCH_FLAVOR", flavor);
        // A pip wheel's lib directory also holds PyTorch's test libraries; DJL would load every library there.
        properties.put("PYTORCH_LIBRARY_EXCLUSION", String.join(",", excluded));
        Path link = machine.engineCacheDir().resolve("pytorch")
                .resolve(libtorch.baseVersion() + "-" + flavor + "-" + machine.classifier())
                .resolve(machine.djlVersion() + "-libdjl_torch.so");
        return new Choice(flavor, false, properties, setting + " (libtorch " + libtorch.version() + withoutDriver + ") with "
                + jniSetting + (info == null ? " (not built by djinn build-jni, so its pairing was not checked)" : ""),
                jni, link);
    }

    /** PyTorch's test libraries in a pip wheel's lib directory. */
    static final List<String> WHEEL_TEST_LIBRARIES = List.of("libtorchbind_test.so", "libjitbackend_test.so",
            "libbackend_with_compiler.so", "libaoti_custom_ops.so");

    private static Choice fallback(String requested, Machine machine, String why) {
        Choice fallback = choose(requested, "", "", machine);
        return fallback.withNote(why + fallback.note());
    }

    private static Choice cpu(String note) {
        return new Choice("cpu", true, Map.of(), note, null, null);
    }

    private static Choice cuda(String flavor, String note) {
        return new Choice(flavor, false, Map.of("PYTORCH_FLAVOR", flavor), note, null, null);
    }
}
