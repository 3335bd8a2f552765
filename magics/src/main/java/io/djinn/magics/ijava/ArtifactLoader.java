package io.djinn.magics.ijava;

import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.maven.ArtifactResolver;
import io.djinn.magics.maven.Coordinate;
import io.djinn.magics.maven.DjlAlignment;
import io.djinn.magics.maven.ProvidedArtifacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared by %maven and %%loadFromPOM: align, resolve, add to the classpath, say what happened. */
final class ArtifactLoader {

    private ArtifactLoader() {}

    static void load(MagicContext context, ProvidedArtifacts provided, ArtifactResolver resolver, List<String> requested)
            throws MagicException {
        DjlAlignment alignment = new DjlAlignment(provided);
        List<String> toResolve = new ArrayList<>();
        for (String text : requested) {
            Coordinate coordinate;
            try {
                coordinate = Coordinate.parse(text);
            } catch (IllegalArgumentException e) {
                throw new MagicException(e.getMessage());
            }
            DjlAlignment.Decision decision = alignment.decide(coordinate);
            decision.message().ifPresent(message -> context.print(message + "\n"));
            if (decision.resolve()) {
                toResolve.add(decision.coordinate());
            }
        }
        if (toResolve.isEmpty()) {
            return;
        }
        List<Path> jars;
        try {
            jars = resolver.resolve(toResolve);
        } catch (ArtifactResolver.ResolutionException e) {
            throw new MagicException("Could not resolve " + String.join(", ", toResolve) + ": "
                    + e.getMessage() + "\nRepositories: " + resolver.repositoryUrls());
        }
        context.addToClasspath(jars);
        context.print("Added " + jars.size() + (jars.size() == 1 ? " jar" : " jars") + " to the classpath.\n");
    }
}
