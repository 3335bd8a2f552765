package io.djinn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TimeitResultTest {

    @Test
    void statisticsArePerLoop() {
        TimeitResult result = new TimeitResult(1000, new double[] {0.010, 0.012, 0.011});
        assertEquals(1e-5, result.best(), 1e-12);
        assertEquals(1.2e-5, result.worst(), 1e-12);
        assertEquals(1.1e-5, result.average(), 1e-12);
        assertEquals(Math.sqrt(2e-12 / 3), result.stdev(), 1e-15);
        assertEquals(3, result.repeat());
        assertNull(result.cachingWarning());
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(1.1e-5, new TimeitResult(1000, new double[] {0.030, 0.010, 0.011}).median(), 1e-12);
        assertEquals(1.05e-5, new TimeitResult(1000, new double[] {0.030, 0.010, 0.011, 0.001}).median(), 1e-12);
    }

    @Test
    void printsIPythonsLine() {
        TimeitResult result = new TimeitResult(1000, new double[] {0.010, 0.012, 0.011});
        assertEquals("11 µs ± 816 ns per loop (mean ± std. dev. of 3 runs, 1,000 loops each)", result.toString());
        assertEquals("2 s ± 0 ns per loop (mean ± std. dev. of 1 run, 1 loop each)",
                new TimeitResult(1, new double[] {2.0}).toString());
    }

    @Test
    void warnsWhenTheSlowestRunIsOverFourTimesTheFastest() {
        TimeitResult result = new TimeitResult(1, new double[] {0.001, 0.0051});
        assertEquals("The slowest run took 5.10 times longer than the fastest. This could mean that an intermediate"
                + " result is being cached.", result.cachingWarning());
    }
}
