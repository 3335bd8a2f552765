package io.djinn.magics.device;

import io.djinn.magics.MagicRegistry;

/** Registers %device, %gpu and %memory. */
public final class DeviceMagics {

    private DeviceMagics() {}

    public static void registerAll(MagicRegistry registry) {
        registry.register(DeviceMagic::new).register(GpuMagic::new).register(MemoryMagic::new);
    }
}
