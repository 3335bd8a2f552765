package io.djinn.kernel;

import io.djinn.magics.MavenSession;
import io.djinn.magics.maven.MavenResolver;
import java.util.function.Supplier;

/** Builds Maven Resolver on the first %maven, not at kernel start, where it would cost every session. */
final class LazyMavenSession implements MavenSession {

    private final Supplier<MavenResolver> factory;
    private MavenResolver resolver;

    LazyMavenSession(Supplier<MavenResolver> factory) {
        this.factory = factory;
    }

    @Override
    public synchronized MavenResolver resolver() {
        if (resolver == null) {
            resolver = factory.get();
        }
        return resolver;
    }
}
