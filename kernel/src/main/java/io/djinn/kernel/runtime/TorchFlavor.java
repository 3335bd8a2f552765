package io.djinn.kernel.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * online. When a CUDA build cannot be had, the runtime starts on the CPU and the reason is kept for
 * {@code %device}.
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
     */
    public record Choice(String flavor, boolean cpuJar, Map<String, String> systemProperties, String note) {

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
            String classifier) {

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

    public static Machine machine(boolean offline, Path engineCacheDir, String libtorchVersion) {
        boolean driver = Files.exists(Path.of("/proc/driver/nvidia/version")) || Files.exists(Path.of("/dev/nvidiactl"));
        return new Machine(driver, offline, engineCacheDir, libtorchVersion, "linux-x86_64");
    }

    /** The libtorch to start with; a flavor that is not one is reported in the note and treated as auto. */
    public static Choice choose(String requested, String libraryPath, Machine machine) {
        try {
            validate(requested);
        } catch (IllegalArgumentException e) {
            Choice auto = choose("auto", libraryPath, machine);
            return new Choice(auto.flavor(), auto.cpuJar(), auto.systemProperties(),
                    e.getMessage() + "; using auto. " + auto.note());
        }
        if (requested.equals("cpu")) {
            return cpu("DJINN_TORCH_FLAVOR=cpu");
        }
        boolean wantsCuda = !requested.equals("auto") || machine.nvidiaDriver();
        String flavor = requested.equals("auto") ? DEFAULT_CUDA_FLAVOR : requested;
        if (libraryPath != null && !libraryPath.isBlank()
                && !Files.isRegularFile(Path.of(libraryPath).resolve("libtorch.so"))) {
            Choice fallback = choose(requested, "", machine);
            return new Choice(fallback.flavor(), fallback.cpuJar(), fallback.systemProperties(),
                    "DJINN_TORCH_LIBRARY_PATH=" + libraryPath + " has no libtorch.so, so it was not used; "
                            + fallback.note());
        }
        if (libraryPath != null && !libraryPath.isBlank()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("PYTORCH_LIBRARY_PATH", libraryPath);
            // DJL picks the JNI library by flavor; its guess appends -precxx11, which 2.7.1 does not ship.
            properties.put("PYTORCH_FLAVOR", wantsCuda ? flavor : "cpu");
            return new Choice(wantsCuda ? flavor : "cpu", false, properties,
                    "DJINN_TORCH_LIBRARY_PATH=" + libraryPath + " names the libtorch to load");
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

    private static Choice cpu(String note) {
        return new Choice("cpu", true, Map.of(), note);
    }

    private static Choice cuda(String flavor, String note) {
        return new Choice(flavor, false, Map.of("PYTORCH_FLAVOR", flavor), note);
    }
}
