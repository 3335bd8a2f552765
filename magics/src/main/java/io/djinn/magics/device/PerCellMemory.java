package io.djinn.magics.device;

/**
 * Whether each cell ends with a line on what it changed in memory ({@code %memory --per-cell on}); the kernel's
 * cell runner reads it around every cell. Off by default: a report per cell is for hunting a leak.
 */
public final class PerCellMemory {

    private volatile boolean on;

    public boolean on() {
        return on;
    }

    public void set(boolean on) {
        this.on = on;
    }
}
