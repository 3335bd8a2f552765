package io.djinn.runtime.profiling;

import java.math.BigDecimal;
import java.math.MathContext;

/** Durations as IPython prints them: three significant digits in s, ms, µs or ns; minutes and up in parts. */
public final class TimeFormat {

    private static final String[] UNITS = {"s", "ms", "µs", "ns"};
    private static final double[] SCALE = {1, 1e3, 1e6, 1e9};

    private TimeFormat() {}

    public static String seconds(double seconds) {
        if (seconds >= 60.0) {
            return longSpan(seconds);
        }
        // IPython: order = min(-(floor(log10(t)) // 3), 3), with Python's floor division.
        int order = seconds > 0.0 ? Math.min(-Math.floorDiv((int) Math.floor(Math.log10(seconds)), 3), 3) : 3;
        return threeSignificant(seconds * SCALE[order]) + " " + UNITS[order];
    }

    /** Python's "%.3g": three significant digits, trailing zeros dropped, exponent form outside 1e-4..1e3. */
    static String threeSignificant(double value) {
        if (value == 0.0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 3) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    private static String longSpan(double seconds) {
        long whole = (long) seconds;
        long days = whole / 86400;
        long hours = whole % 86400 / 3600;
        long minutes = whole % 3600 / 60;
        double rest = seconds - days * 86400 - hours * 3600 - minutes * 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append("d ");
        }
        if (hours > 0) {
            text.append(hours).append("h ");
        }
        if (minutes > 0) {
            text.append(minutes).append("min ");
        }
        return text.append(threeSignificant(rest)).append('s').toString();
    }
}
