package io.djinn.magics.maven;

/** groupId:artifactId[:extension[:classifier]]:version, as %maven takes it. */
public record Coordinate(String groupId, String artifactId, String extension, String classifier, String version) {

    public static Coordinate parse(String text) {
        String[] parts = text.split(":");
        switch (parts.length) {
            case 3: return new Coordinate(parts[0], parts[1], "jar", "", parts[2]);
            case 4: return new Coordinate(parts[0], parts[1], parts[2], "", parts[3]);
            case 5: return new Coordinate(parts[0], parts[1], parts[2], parts[3], parts[4]);
            default:
                throw new IllegalArgumentException("'" + text
                        + "' is not a Maven coordinate: expected groupId:artifactId:version");
        }
    }

    public String groupAndArtifact() {
        return groupId + ":" + artifactId;
    }

    public Coordinate withVersion(String newVersion) {
        return new Coordinate(groupId, artifactId, extension, classifier, newVersion);
    }

    @Override
    public String toString() {
        String middle = classifier.isEmpty() ? (extension.equals("jar") ? "" : ":" + extension)
                : ":" + extension + ":" + classifier;
        return groupId + ":" + artifactId + middle + ":" + version;
    }
}
