package io.djinn.runtime.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are what IPython's _format_time(t, precision=3) prints for the same t. */
class TimeFormatTest {

    @Test
    void unitsLikeIPython() {
        assertEquals("2.5 s", TimeFormat.seconds(2.5));
        assertEquals("25 s", TimeFormat.seconds(25));
        assertEquals("25 ms", TimeFormat.seconds(0.025));
        assertEquals("2.5 ms", TimeFormat.seconds(0.0025));
        assertEquals("250 µs", TimeFormat.seconds(2.5e-4));
        assertEquals("250 ns", TimeFormat.seconds(2.5e-7));
        assertEquals("0.793 ns", TimeFormat.seconds(7.93e-10));
        assertEquals("0 ns", TimeFormat.seconds(0));
    }

    @Test
    void threeSignificantDigitsAsPythonsG() {
        assertEquals("1.23", TimeFormat.threeSignificant(1.23456));
        assertEquals("100", TimeFormat.threeSignificant(100.0));
        assertEquals("1e+03", TimeFormat.threeSignificant(999.6));
        assertEquals("0.000123", TimeFormat.threeSignificant(0.000123));
        assertEquals("1.23e-05", TimeFormat.threeSignificant(0.0000123));
    }

    @Test
    void longSpansInParts() {
        assertEquals("1min 5s", TimeFormat.seconds(65));
        assertEquals("1h 1min 1.5s", TimeFormat.seconds(3661.5));
        assertEquals("2d 0.25s", TimeFormat.seconds(2 * 86400 + 0.25));
    }
}
