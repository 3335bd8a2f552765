package io.djinn.magics.ijava;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.maven.ArtifactResolver;
import io.djinn.magics.maven.ProvidedArtifacts;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "maven", mixinStandardHelpOptions = true,
        description = {"Adds Maven artifacts and their runtime dependencies to the classpath.",
            "DJL modules are aligned to the DJL version Djinn provides; other engines and second copies "
                + "of provided libraries are not loaded."})
public final class MavenMagic implements LineMagic {

    @Parameters(arity = "1..*", paramLabel = "COORDINATE", description = "groupId:artifactId[:extension[:classifier]]:version")
    List<String> coordinates;

    private final ProvidedArtifacts provided;
    private final ArtifactResolver resolver;

    public MavenMagic(ProvidedArtifacts provided, ArtifactResolver resolver) {
        this.provided = provided;
        this.resolver = resolver;
    }

    @Override
    public void run(MagicContext context) throws Exception {
        ArtifactLoader.load(context, provided, resolver, coordinates);
    }
}
