package io.djinn.magics.ijava;

import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Paths and glob patterns (as {@code lib/*.jar}) turned into existing classpath entries. */
final class ClasspathEntries {

    private ClasspathEntries() {}

    /** Expands the patterns, adds the entries to the session's classpath and says how many. */
    static void add(MagicContext context, List<String> patterns, boolean jarsOnly) throws MagicException {
        List<Path> entries = expand(context.workingDirectory(), patterns, jarsOnly);
        context.addToClasspath(entries);
        String noun = jarsOnly ? (entries.size() == 1 ? " jar" : " jars") : (entries.size() == 1 ? " entry" : " entries");
        context.print("Added " + entries.size() + noun + " to the classpath.\n");
    }

    static List<Path> expand(Path base, List<String> patterns, boolean jarsOnly) throws MagicException {
        List<Path> entries = new ArrayList<>();
        for (String pattern : patterns) {
            List<Path> matched = pattern.contains("*") || pattern.contains("?") || pattern.contains("[")
                    ? glob(base, pattern) : new ArrayList<>(List.of(base.resolve(pattern).normalize()));
            matched.removeIf(path -> !Files.exists(path));
            if (jarsOnly) {
                matched.removeIf(path -> Files.isDirectory(path) || !path.toString().endsWith(".jar"));
            }
            if (matched.isEmpty()) {
                throw new MagicException("No " + (jarsOnly ? "jar" : "jar or directory") + " matches '" + pattern
                        + "' (relative to " + base + ").");
            }
            entries.addAll(matched);
        }
        return entries;
    }

    private static List<Path> glob(Path base, String pattern) throws MagicException {
        Path absolute = base.resolve(pattern);
        // Walk from the deepest directory that has no wildcard in it.
        Path root = absolute.getRoot();
        for (Path part : absolute) {
            if (part.toString().matches(".*[*?\\[].*")) {
                break;
            }
            root = root.resolve(part);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        try (Stream<Path> paths = Files.walk(root)) {
            return new ArrayList<>(paths.filter(matcher::matches).sorted().toList());
        } catch (IOException e) {
            throw new MagicException("Cannot list " + root + ": " + e.getMessage());
        }
    }
}
