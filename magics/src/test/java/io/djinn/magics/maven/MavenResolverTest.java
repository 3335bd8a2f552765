package io.djinn.magics.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MavenResolverTest {

    @Test
    void theDefaultRepositoryIsReachedOverHttps() {
        String url = MavenResolver.centralRepository().getUrl();
        assertTrue(url.startsWith("https://"), url);
        assertEquals("central", MavenResolver.centralRepository().getId());
    }
}
