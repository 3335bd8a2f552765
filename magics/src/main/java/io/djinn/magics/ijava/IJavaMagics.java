package io.djinn.magics.ijava;

import io.djinn.magics.MagicRegistry;
import io.djinn.magics.maven.ProvidedArtifacts;

/** Registers IJava's magics, so that notebooks written for IJava run unchanged. */
public final class IJavaMagics {

    private IJavaMagics() {}

    public static void registerAll(MagicRegistry registry, ProvidedArtifacts provided) {
        registry.register(() -> new MavenMagic(provided))
                .register(MavenRepoMagic::new)
                .register(() -> new LoadFromPomMagic(provided))
                .register(JarsMagic::new)
                .register(ClasspathMagic::new)
                .register(LoadMagic::new)
                .register(SystemMagic::new)
                .register(() -> new LsMagic(registry));
    }
}
