package io.djinn.magics.ijava;

import io.djinn.magics.CellMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.maven.ArtifactResolver;
import io.djinn.magics.maven.ProvidedArtifacts;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import picocli.CommandLine.Command;

@Command(name = "loadFromPOM", mixinStandardHelpOptions = true,
        description = {"Loads the dependencies (and repositories) of the POM in the cell body.",
            "The body is a whole <project>, or bare <dependency>/<dependencies>/<repositories> elements."})
public final class LoadFromPomMagic implements CellMagic {

    private final ProvidedArtifacts provided;
    private final ArtifactResolver resolver;

    public LoadFromPomMagic(ProvidedArtifacts provided, ArtifactResolver resolver) {
        this.provided = provided;
        this.resolver = resolver;
    }

    @Override
    public void run(MagicContext context, String body) throws Exception {
        Model model = parse(body);
        for (Repository repository : model.getRepositories()) {
            resolver.addRepository(repository.getId(), repository.getUrl());
        }
        List<String> coordinates = new ArrayList<>();
        for (Dependency dependency : model.getDependencies()) {
            if (dependency.getVersion() == null) {
                throw new MagicException("%%loadFromPOM: " + dependency.getManagementKey() + " has no <version>.");
            }
            String classifier = dependency.getClassifier() == null ? "" : dependency.getClassifier();
            coordinates.add(dependency.getGroupId() + ":" + dependency.getArtifactId() + ":" + dependency.getType()
                    + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + dependency.getVersion());
        }
        if (coordinates.isEmpty()) {
            throw new MagicException("%%loadFromPOM: the POM declares no dependencies.");
        }
        ArtifactLoader.load(context, provided, resolver, coordinates);
    }

    static Model parse(String body) throws MagicException {
        String xml = body.strip();
        if (!xml.contains("<project")) {
            String inner = xml.startsWith("<dependency>") ? "<dependencies>" + xml + "</dependencies>" : xml;
            xml = "<project>" + inner + "</project>";
        }
        try {
            return new MavenXpp3Reader().read(new StringReader(xml), false);
        } catch (Exception e) {
            throw new MagicException("%%loadFromPOM: the body is not a readable POM: " + e.getMessage());
        }
    }
}
