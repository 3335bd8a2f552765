package io.djinn.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A checkout of DJL's repository, as far as building its PyTorch JNI needs it: the C++ sources, the Java class
 * whose native methods they implement, DJL's shared native header, and the release it is.
 *
 * @param root the checkout
 * @param version the DJL release, from {@code gradle/libs.versions.toml}: {@code 0.35.1}
 */
public record DjlSource(Path root, String version) {

    static final String NATIVE_SOURCES = "engines/pytorch/pytorch-native/src/main/native";
    static final String ENGINE_JAVA = "engines/pytorch/pytorch-engine/src/main/java";
    static final String LIBRARY_CLASS = ENGINE_JAVA + "/ai/djl/pytorch/jni/PyTorchLibrary.java";
    static final String UTILS_HEADERS = "api/src/main/native";
    private static final Pattern VERSION = Pattern.compile("(?m)^djl\\s*=\\s*\"([^\"]+)\"");

    public static DjlSource inspect(Path path) throws IOException {
        Path root = path.toAbsolutePath().normalize();
        for (String required : List.of(NATIVE_SOURCES, LIBRARY_CLASS, UTILS_HEADERS + "/djl/utils.h")) {
            if (!Files.exists(root.resolve(required))) {
                throw new IOException(path + " is not a DJL checkout: it has no " + required
                        + " (clone github.com/deepjavalibrary/djl and check out the tag of the DJL release Djinn runs)");
            }
        }
        Path versions = root.resolve("gradle/libs.versions.toml");
        Matcher matcher = Files.isRegularFile(versions) ? VERSION.matcher(Files.readString(versions)) : null;
        if (matcher == null || !matcher.find()) {
            throw new IOException(path + " does not say which DJL release it is (no djl = \"...\" in gradle/libs.versions.toml)");
        }
        return new DjlSource(root, matcher.group(1));
    }

    /** The JNI's C++ sources, sorted. */
    public List<Path> cppSources() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(NATIVE_SOURCES))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".cc")).sorted().toList();
        }
    }

    public Path nativeSources() {
        return root.resolve(NATIVE_SOURCES);
    }

    public Path engineJava() {
        return root.resolve(ENGINE_JAVA);
    }

    public Path libraryClass() {
        return root.resolve(LIBRARY_CLASS);
    }

    public Path utilsHeaders() {
        return root.resolve(UTILS_HEADERS);
    }
}
