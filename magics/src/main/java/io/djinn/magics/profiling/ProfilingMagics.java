package io.djinn.magics.profiling;

import io.djinn.magics.MagicRegistry;

/** Registers %time, %%time, %timeit, %%timeit and %%profile. */
public final class ProfilingMagics {

    private ProfilingMagics() {}

    public static void registerAll(MagicRegistry registry) {
        registry.register(TimeMagic::new).register(TimeitMagic::new).register(ProfileMagic::new);
    }
}
