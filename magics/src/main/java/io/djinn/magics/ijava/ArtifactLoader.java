package io.djinn.magics.ijava;

import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.maven.Coordinate;
import io.djinn.magics.maven.DjlAlignment;
import io.djinn.magics.maven.ProvidedArtifacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.resolution.DependencyResolutionException;

/** Shared by %maven and %%loadFromPOM: align, resolve, add to the classpath, say what happened. */
final class ArtifactLoader {

    private ArtifactLoader() {}

    static void load(MagicContext context, ProvidedArtifacts provided, List<String> requested) throws MagicException {
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
            jars = context.maven().resolver().resolve(toResolve);
        } catch (DependencyResolutionException e) {
            throw new MagicException("Could not resolve " + String.join(", ", toResolve) + ": "
                    + rootMessage(e) + "\nRepositories: " + context.maven().resolver().repositoryUrls());
        }
        context.addToClasspath(jars);
        context.print("Added " + jars.size() + (jars.size() == 1 ? " jar" : " jars") + " to the classpath.\n");
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root.getMessage() + ")";
    }
}
