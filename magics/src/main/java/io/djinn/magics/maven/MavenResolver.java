package io.djinn.magics.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Model;
import org.apache.maven.model.Repository;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves artifacts with their runtime dependencies through Maven Resolver: Maven Central, the
 * repositories added with {@code %mavenRepo}, and the local repository (~/.m2/repository).
 * Artifacts the runtime provides are pinned to the provided version and never loaded twice.
 */
public final class MavenResolver implements ArtifactResolver {

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final DefaultRepositorySystemSession session;
    private final Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
    private final ProvidedArtifacts provided;

    public MavenResolver(Path localRepository, boolean offline, ProvidedArtifacts provided) {
        this.provided = provided;
        this.session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        session.setOffline(offline);
        RemoteRepository central = centralRepository();
        repositories.put(central.getId(), central);
    }

    /** Adds (or replaces) a repository by id; plain http is accepted only this way, by the user's choice. */
    @Override
    public void addRepository(String id, String url) {
        repositories.put(id, new RemoteRepository.Builder(id, "default", url).build());
    }

    @Override
    public List<String> repositoryUrls() {
        List<String> urls = new ArrayList<>();
        repositories.values().forEach(r -> urls.add(r.getId() + " " + r.getUrl()));
        return urls;
    }

    /** The jars of the given coordinates and their compile and runtime dependencies, provided ones left out. */
    @Override
    public List<Path> resolve(List<String> coordinates) throws ResolutionException {
        try {
            return resolveWithMaven(coordinates);
        } catch (DependencyResolutionException e) {
            throw new ResolutionException(rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root.getMessage() + ")";
    }

    private List<Path> resolveWithMaven(List<String> coordinates) throws DependencyResolutionException {
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
        }
        // Pin what the runtime has, so transitive requests agree with it instead of pulling a second copy.
        provided.all().forEach((groupAndArtifact, version) ->
                collect.addManagedDependency(new Dependency(new DefaultArtifact(groupAndArtifact + ":" + version),
                        JavaScopes.RUNTIME)));
        collect.setRepositories(new ArrayList<>(repositories.values()));
        DependencyFilter notProvided = (node, parents) -> node.getArtifact() == null
                || !provided.contains(node.getArtifact().getGroupId(), node.getArtifact().getArtifactId());
        DependencyFilter filter = DependencyFilterUtils.andFilter(
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME), notProvided);
        List<Path> jars = new ArrayList<>();
        for (ArtifactResult result : system.resolveDependencies(session, new DependencyRequest(collect, filter))
                .getArtifactResults()) {
            Artifact artifact = result.getArtifact();
            if (artifact != null && artifact.getFile() != null) {
                jars.add(artifact.getFile().toPath());
            }
        }
        return jars;
    }

    /** Maven Central as Maven itself defines it: the repository named in the super POM. */
    static RemoteRepository centralRepository() {
        try (InputStream superPom = Model.class.getClassLoader()
                .getResourceAsStream("org/apache/maven/model/pom-4.0.0.xml")) {
            if (superPom == null) {
                throw new IllegalStateException("Maven's super POM is missing from the classpath");
            }
            Repository central = new MavenXpp3Reader().read(superPom).getRepositories().get(0);
            return new RemoteRepository.Builder(central.getId(), "default", central.getUrl()).build();
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalStateException("cannot read Maven's super POM", e);
        }
    }
}
