package io.djinn.runtime.render;

import java.util.Locale;

/** Byte counts as people read them: 512 B, 3.2 MiB, 79.1 GiB. */
public final class ByteSize {

    private ByteSize() {}

    public static String format(long bytes) {
        if (bytes < 0) {
            return "-" + format(-bytes);
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
