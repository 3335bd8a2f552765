package io.djinn.magics.device;

import io.djinn.magics.MagicRegistry;

/** Registers %device, %gpu and %memory. */
public final class DeviceMagics {

    private DeviceMagics() {}

    /** With a setting of their own for %memory --per-cell, which no cell runner reads (tests). */
    public static void registerAll(MagicRegistry registry) {
        registerAll(registry, new PerCellMemory());
    }

    /** @param perCell what %memory --per-cell sets, for the kernel's cell runner to read */
    public static void registerAll(MagicRegistry registry, PerCellMemory perCell) {
        registry.register(DeviceMagic::new).register(GpuMagic::new).register(() -> new MemoryMagic(perCell));
    }
}
