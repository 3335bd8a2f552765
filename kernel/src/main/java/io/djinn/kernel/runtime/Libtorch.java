package io.djinn.kernel.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A libtorch found on disk: a pip or conda {@code torch} package (its {@code version.py} beside {@code lib/} and
 * {@code include/}) or a libtorch archive unpacked (its {@code build-version}). Given the package, the archive's
 * root or either's {@code lib} directory.
 *
 * @param home the directory holding {@code lib/} (and {@code include/} when it has headers)
 * @param version the full version, with the build's suffix when it has one: {@code 2.13.0+cpu}, {@code 2.11.0+cu130}
 * @param cuda the CUDA version it was built for, as {@code 13.0}, or null for a CPU build
 */
public record Libtorch(Path home, String version, String cuda) {

    private static final Pattern PY_VERSION = Pattern.compile("(?m)^__version__\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern PY_CUDA = Pattern.compile("(?m)^cuda(?:\\s*:[^=]*)?=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern CUDA_SUFFIX = Pattern.compile("\\+cu(\\d+)(\\d)$");

    /** The libtorch under {@code path}, or why there is none. */
    public static Libtorch inspect(Path path) throws IOException {
        Path home = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(home)) {
            throw new IOException(path + " is not a directory");
        }
        if (home.getFileName() != null && home.getFileName().toString().equals("lib")
                && Files.isRegularFile(home.resolve("libtorch.so"))) {
            home = home.getParent();
        }
        if (!Files.isRegularFile(home.resolve("lib").resolve("libtorch.so"))) {
            throw new IOException(path + " holds no lib/libtorch.so: name a torch package (site-packages/torch), "
                    + "an unpacked libtorch, or its lib directory");
        }
        String version = null;
        String cuda = null;
        Path versionPy = home.resolve("version.py");
        Path buildVersion = home.resolve("build-version");
        if (Files.isRegularFile(versionPy)) {
            String text = Files.readString(versionPy);
            version = first(PY_VERSION, text);
            cuda = first(PY_CUDA, text);
        } else if (Files.isRegularFile(buildVersion)) {
            version = Files.readString(buildVersion).strip();
        }
        if (version == null || version.isEmpty()) {
            throw new IOException(home + " does not say which libtorch it is (no version.py or build-version)");
        }
        if (cuda == null) {
            Matcher suffix = CUDA_SUFFIX.matcher(version);
            if (suffix.find()) {
                cuda = suffix.group(1) + "." + suffix.group(2);
            } else if (Files.isRegularFile(home.resolve("lib").resolve("libtorch_cuda.so"))) {
                cuda = "unknown";
            }
        }
        return new Libtorch(home, version, cuda);
    }

    public Path lib() {
        return home.resolve("lib");
    }

    public Path include() {
        return home.resolve("include");
    }

    /** The version without the build's suffix, as DJL names its directories: {@code 2.13.0}. */
    public String baseVersion() {
        int plus = version.indexOf('+');
        return plus < 0 ? version : version.substring(0, plus);
    }

    public boolean isCuda() {
        return cuda != null;
    }

    /** DJL's flavor for this build: {@code cpu} or {@code cu130}. */
    public String flavor() {
        if (cuda == null) {
            return "cpu";
        }
        if (cuda.equals("unknown")) {
            return "cuda";
        }
        return "cu" + cuda.replace(".", "");
    }

    /** Whether this is the libtorch version a DJL release's own JNI was built for ({@code 2.7.1}). */
    public boolean matches(String djlLibtorchVersion) {
        return baseVersion().equals(djlLibtorchVersion);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    public String toString() {
        return "libtorch " + version + " in " + home;
    }

    /** The libtorch the directory holds, or empty when it holds none we can read. */
    public static Optional<Libtorch> find(Path path) {
        try {
            return Optional.of(inspect(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
