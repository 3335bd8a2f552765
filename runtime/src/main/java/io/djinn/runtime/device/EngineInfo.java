package io.djinn.runtime.device;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch engine as loaded in this runtime: its libtorch version, flavor (cpu or cuXXX) and
 * directory, or why it did not load.
 *
 * @param flavor "cpu", a CUDA flavor such as "cu128", or "cuda" when the directory does not say which
 */
public record EngineInfo(boolean loaded, String version, String flavor, boolean hasCuda, String libraryPath,
        String error) {

    // DJL's cache directories are named <version>-<flavor>-<classifier>, e.g. 2.7.1-cu128-linux-x86_64 or,
    // unpacked from a Maven Central jar, 2.7.1-20250812-cpu-linux-x86_64.
    private static final Pattern CACHE_DIRECTORY = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-\\d+)?-((?:cpu|cu\\d+)[a-z0-9]*)"
            + "(?:-precxx11)?-(?:linux|osx|win)-.*");

    public static EngineInfo current() {
        try {
            Engine engine = Engine.getEngine("PyTorch");
            boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
            String path = loadedLibraryPath();
            return new EngineInfo(true, engine.getVersion(), flavor(path, cuda), cuda, path, null);
        } catch (RuntimeException | LinkageError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            Throwable cause = e.getCause();
            if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
                message += ": " + cause.getMessage();
            }
            return new EngineInfo(false, null, null, false, null, message);
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

    private static String loadedLibraryPath() {
        try {
            return ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
