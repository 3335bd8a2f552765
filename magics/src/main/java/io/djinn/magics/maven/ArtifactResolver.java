package io.djinn.magics.maven;

import java.nio.file.Path;
import java.util.List;

/** What %maven, %mavenRepo and %%loadFromPOM need of a session's repositories. */
public interface ArtifactResolver {

    /** Why coordinates could not be resolved, in words. */
    final class ResolutionException extends Exception {
        public ResolutionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The jars of the given coordinates and their runtime dependencies, provided ones left out. */
    List<Path> resolve(List<String> coordinates) throws ResolutionException;

    void addRepository(String id, String url);

    /** "id url" of each repository searched, in order. */
    List<String> repositoryUrls();
}
