package io.djinn.runtime.device;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import io.djinn.wire.JniBuildInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PyTorch engine as loaded in this runtime: its libtorch version, flavor (cpu or cuXXX) and
 * directory, or why it did not load.
 *
 * @param flavor "cpu", a CUDA flavor such as "cu128", or "cuda" when the directory does not say which
 * @param jniPath the DJL JNI library this process loaded, or null when it is not known
 * @param jniBuild how {@code djinn build-jni} built that JNI, or null when no record lies beside it
 */
public record EngineInfo(boolean loaded, String version, String flavor, boolean hasCuda, String libraryPath,
        String jniPath, JniBuildInfo jniBuild, String error) {

    private static final Path PROCESS_MAPS = Path.of("/proc/self/maps");

    // DJL's cache directories are named <version>-<flavor>-<classifier>, e.g. 2.7.1-cu128-linux-x86_64 or,
    // unpacked from a Maven Central jar, 2.7.1-20250812-cpu-linux-x86_64.
    private static final Pattern CACHE_DIRECTORY = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-\\d+)?-((?:cpu|cu\\d+)[a-z0-9]*)"
            + "(?:-precxx11)?-(?:linux|osx|win)-.*");

    public static EngineInfo current() {
        try {
            Engine engine = Engine.getEngine("PyTorch");
            boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
            String path = loadedLibraryPath();
            String jni = loadedJni(PROCESS_MAPS);
            JniBuildInfo build = jni == null ? null : JniBuildInfo.readBeside(Path.of(jni)).orElse(null);
            return new EngineInfo(true, engine.getVersion(), flavor(path, cuda), cuda, path, jni, build, null);
        } catch (RuntimeException | LinkageError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            Throwable cause = e.getCause();
            if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
                message += ": " + cause.getMessage();
            }
            return new EngineInfo(false, null, null, false, null, null, null, message);
        }
    }

    static String flavor(String libraryPath, boolean hasCuda) {
        if (libraryPath != null) {
            Path name = Path.of(libraryPath).getFileName();
            Matcher matcher = name == null ? null : CACHE_DIRECTORY.matcher(name.toString());
            if (matcher != null && matcher.matches()) {
                return matcher.group(1);
            }
        }
        return hasCuda ? "cuda" : "cpu";
    }

    /**
     * The JNI library this process mapped (its real path: the link the kernel placed in DJL's cache is followed),
     * read from the process's memory map; null where there is none (not Linux).
     */
    static String loadedJni(Path maps) {
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.endsWith("djl_torch.so")).findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** Where the loaded JNI came from, for {@code %device}. */
    public String jniOrigin() {
        return jniBuild != null ? jniBuild.describe()
                : "with no djinn build-jni record beside it: DJL's own build, unless DJINN_TORCH_JNI named another";
    }

    /** Whether the loaded JNI was built by djinn build-jni without DJL's CUDA code (it cannot empty the CUDA cache). */
    public boolean jniLacksCudaCode() {
        return jniBuild != null && !jniBuild.cudaExtras();
    }

    private static String loadedLibraryPath() {
        try {
            return ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
