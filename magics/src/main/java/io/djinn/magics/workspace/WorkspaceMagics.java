package io.djinn.magics.workspace;

import io.djinn.magics.MagicRegistry;

/** Registers the magics that show what the session holds: variables, and models layer by layer. */
public final class WorkspaceMagics {

    private WorkspaceMagics() {}

    public static void registerAll(MagicRegistry registry) {
        registry.register(WhosMagic::new).register(WhoMagic::new).register(SummaryMagic::new);
    }
}
