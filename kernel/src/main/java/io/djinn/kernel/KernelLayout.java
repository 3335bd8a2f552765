package io.djinn.kernel;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the kernel's files are: djinn.jar with lib/ (the kernel's jars), runtime/ (the runtime's jars and the list
 * of provided artifacts) and sources/ (the provided libraries' sources, for javadoc) beside it.
 */
public record KernelLayout(Path home) {

    public static KernelLayout locate() {
        try {
            Path codeSource = Path.of(KernelLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // From djinn.jar: its directory. From target/classes (tests in the build): target/.
            return new KernelLayout(codeSource.getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kernel's files", e);
        }
    }

    public Path jar() {
        return home.resolve("djinn.jar");
    }

    public Path runtimeDirectory() {
        return home.resolve("runtime");
    }

    public Path providedArtifacts() {
        return runtimeDirectory().resolve("provided-artifacts.txt");
    }

    /** Sources of the provided libraries (DJL, Tablesaw, Djinn's API), for javadoc on Shift+Tab; none if absent. */
    public List<Path> sourceJars() {
        Path directory = home.resolve("sources");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith("-sources.jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The runtime JVM's classpath: every jar in runtime/, in a stable order. */
    public List<Path> runtimeClasspath() throws IOException {
        Path directory = runtimeDirectory();
        if (!Files.isDirectory(directory)) {
            throw new IOException("no runtime jars at " + directory + ": build with ./mvnw package first");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
