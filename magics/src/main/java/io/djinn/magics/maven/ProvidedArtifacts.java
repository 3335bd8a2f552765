package io.djinn.magics.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The artifacts on the runtime's classpath (groupId:artifactId to version), read from the list
 * that the build writes beside the runtime's jars ({@code mvn dependency:list} format).
 */
public final class ProvidedArtifacts {

    private final Map<String, String> versions;

    public ProvidedArtifacts(Map<String, String> versions) {
        this.versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    public static ProvidedArtifacts read(Path listFile) throws IOException {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : Files.readAllLines(listFile)) {
            // "   group:artifact:jar[:classifier]:version:scope" (possibly followed by " -- module ...")
            String[] parts = line.trim().split("\\s+")[0].split(":");
            if (parts.length >= 5) {
                versions.put(parts[0] + ":" + parts[1], parts[parts.length - 2]);
            }
        }
        return new ProvidedArtifacts(versions);
    }

    public Optional<String> version(String groupId, String artifactId) {
        return Optional.ofNullable(versions.get(groupId + ":" + artifactId));
    }

    public boolean contains(String groupId, String artifactId) {
        return versions.containsKey(groupId + ":" + artifactId);
    }

    public Map<String, String> all() {
        return versions;
    }
}
