package io.djinn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void fixedLoopsAndRepeatsRunExactlyThatOften() throws Throwable {
        AtomicInteger setups = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        TimeitResult result = Timing.timeit(50, 3, true, () -> {
            setups.incrementAndGet();
            return calls::incrementAndGet;
        });
        assertEquals(3, setups.get());
        assertEquals(150, calls.get());
        assertEquals(50, result.loops());
        assertEquals(3, result.repeat());
    }

    @Test
    void automaticLoopsGrowByTensUntilARunLastsTwoTenthsOfASecond() throws Throwable {
        TimeitResult result = Timing.timeit(0, 1, true, () -> () -> busyFor(20_000));
        int loops = result.loops();
        assertTrue(Integer.toString(loops).matches("10*"), "a power of ten: " + loops);
        assertTrue(result.allRuns()[0] >= 0.15, "one run lasts about 0.2 s or more: " + result.allRuns()[0]);
        assertTrue(loops >= 1000, "20 µs bodies need at least 10^4 loops for 0.2 s; got " + loops);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Timing.timeit(1, 0, true, () -> () -> { }));
        assertThrows(IllegalArgumentException.class, () -> Timing.timeit(-1, 1, true, () -> () -> { }));
    }

    private static void busyFor(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
