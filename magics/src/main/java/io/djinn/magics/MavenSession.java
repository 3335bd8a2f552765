package io.djinn.magics;

import io.djinn.magics.maven.MavenResolver;

/** The Maven state of one kernel session: the resolver with its repositories. */
public interface MavenSession {

    MavenResolver resolver();
}
