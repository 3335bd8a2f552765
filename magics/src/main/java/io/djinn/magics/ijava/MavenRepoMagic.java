package io.djinn.magics.ijava;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.maven.ArtifactResolver;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "mavenRepo", mixinStandardHelpOptions = true,
        description = "Adds a Maven repository that %%maven searches after Maven Central.")
public final class MavenRepoMagic implements LineMagic {

    @Parameters(index = "0", paramLabel = "ID", description = "a name for the repository")
    String id;

    @Parameters(index = "1", paramLabel = "URL", description = "its base URL (https, http or file)")
    String url;

    private final ArtifactResolver resolver;

    public MavenRepoMagic(ArtifactResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void run(MagicContext context) throws Exception {
        String scheme = URI.create(url).getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http") || scheme.equals("file"))) {
            throw new MagicException("%mavenRepo: '" + url + "' is not an https, http or file URL.");
        }
        resolver.addRepository(id, url);
        context.print("Added repository " + id + " (" + url + ")" + (scheme.equals("http")
                ? ": plain http, so downloads from it are not protected in transit." : ".") + "\n");
    }
}
