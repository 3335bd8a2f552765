package io.djinn.magics.plotting;

import io.djinn.magics.MagicRegistry;

/** Registers %plot. */
public final class PlottingMagics {

    private PlottingMagics() {}

    public static void registerAll(MagicRegistry registry) {
        registry.register(PlotMagic::new);
    }
}
