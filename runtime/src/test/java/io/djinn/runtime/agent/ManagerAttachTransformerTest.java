package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ManagerAttachTransformerTest {

    @Test
    void theRewrittenManagerLoadsAndVerifies() throws Exception {
        byte[] rewritten = new ManagerAttachTransformer().rewrite(OneClassLoader.classFile(ManagerAttachTransformer.TARGET));
        ClassLoader loader = new OneClassLoader(ManagerAttachTransformer.TARGET, rewritten);
        // Initialising links the class, and linking verifies every method's bytecode.
        Class<?> loaded = Class.forName(ManagerAttachTransformer.TARGET.replace('/', '.'), true, loader);
        assertSame(loader, loaded.getClassLoader());
    }
}
