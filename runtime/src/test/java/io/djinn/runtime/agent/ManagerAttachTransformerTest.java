package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ManagerAttachTransformerTest {

    @Test
    void theRewrittenManagerLoadsAndVerifies() throws Exception {
        byte[] original;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ManagerAttachTransformer.TARGET + ".class")) {
            original = in.readAllBytes();
        }
        byte[] rewritten = new ManagerAttachTransformer().rewrite(original);
        ClassLoader loader = new OneClassLoader(ManagerAttachTransformer.TARGET, rewritten);
        // Initialising links the class, and linking verifies every method's bytecode.
        Class<?> loaded = Class.forName(ManagerAttachTransformer.TARGET.replace('/', '.'), true, loader);
        assertSame(loader, loaded.getClassLoader());
    }
}
