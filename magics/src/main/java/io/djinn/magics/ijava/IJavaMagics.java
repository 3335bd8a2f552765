package io.djinn.magics.ijava;

import io.djinn.magics.MagicRegistry;
import io.djinn.magics.maven.ArtifactResolver;
import io.djinn.magics.maven.ProvidedArtifacts;

/** Registers IJava's magics, so that notebooks written for IJava run unchanged (%system is in the shell family). */
public final class IJavaMagics {

    private IJavaMagics() {}

    /** @param resolver the session's repositories, for %maven, %mavenRepo and %%loadFromPOM */
    public static void registerAll(MagicRegistry registry, ProvidedArtifacts provided, ArtifactResolver resolver) {
        registry.register(() -> new MavenMagic(provided, resolver))
                .register(() -> new MavenRepoMagic(resolver))
                .register(() -> new LoadFromPomMagic(provided, resolver))
                .register(JarsMagic::new)
                .register(ClasspathMagic::new)
                .register(LoadMagic::new)
                .register(() -> new LsMagic(registry));
    }
}
