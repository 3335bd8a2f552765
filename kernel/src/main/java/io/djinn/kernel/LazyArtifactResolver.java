package io.djinn.kernel;

import io.djinn.magics.maven.ArtifactResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Builds Maven Resolver on the first %maven, not at kernel start, where it would cost every session. */
final class LazyArtifactResolver implements ArtifactResolver {

    private final Supplier<ArtifactResolver> factory;
    private ArtifactResolver resolver;

    LazyArtifactResolver(Supplier<ArtifactResolver> factory) {
        this.factory = factory;
    }

    private synchronized ArtifactResolver resolver() {
        if (resolver == null) {
            resolver = factory.get();
        }
        return resolver;
    }

    @Override
    public List<Path> resolve(List<String> coordinates) throws ResolutionException {
        return resolver().resolve(coordinates);
    }

    @Override
    public void addRepository(String id, String url) {
        resolver().addRepository(id, url);
    }

    @Override
    public List<String> repositoryUrls() {
        return resolver().repositoryUrls();
    }
}
