package io.djinn.api;

import io.djinn.runtime.profiling.GpuSync;
import io.djinn.runtime.profiling.ProcessCpu;
import io.djinn.runtime.profiling.TimeFormat;
import io.djinn.runtime.execution.ExecutionMeter;

/**
 * What {@code %time} and {@code %timeit} run, callable from Java too. Every clock that measures device
 * work stops only after the GPUs have finished ({@link GpuSync}).
 */
public final class Timing {

    /** The timed statement. */
    @FunctionalInterface
    public interface Body {
        void run() throws Throwable;
    }

    /** Runs the setup, then returns the statement to time (which may use what the setup made). */
    @FunctionalInterface
    public interface Setup {
        Body prepare() throws Throwable;
    }

    /** IPython's rule: grow the loop count by tens until one run takes at least this long. */
    static final double AUTO_RUN_SECONDS = 0.2;
    private static final int MAX_AUTO_POWER = 9;

    private static long clockStartedAt;
    private static ProcessCpu clockCpu;

    private Timing() {}

    /**
     * Times the statement as IPython's %timeit does: {@code repeat} runs of {@code loops} loops each
     * (loops 0: chosen so that one run lasts at least 0.2 s); the setup runs before each run.
     */
    public static TimeitResult timeit(int loops, int repeat, boolean quiet, Setup setup) throws Throwable {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, not " + repeat);
        }
        if (loops < 0) {
            throw new IllegalArgumentException("the number of loops must be positive, not " + loops);
        }
        int chosen = loops;
        if (chosen == 0) {
            for (int power = 0; power <= MAX_AUTO_POWER; power++) {
                chosen = (int) Math.pow(10, power);
                if (run(setup, chosen) >= AUTO_RUN_SECONDS) {
                    break;
                }
            }
        }
        double[] runs = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            runs[i] = run(setup, chosen);
        }
        TimeitResult result = new TimeitResult(chosen, runs);
        if (!quiet) {
            String warning = result.cachingWarning();
            if (warning != null) {
                System.out.println(warning);
            }
            System.out.println(result);
        }
        return result;
    }

    /** Seconds for one run of the given number of loops, the GPUs' queued work included. */
    private static double run(Setup setup, int loops) throws Throwable {
        Body body = setup.prepare();
        long start = System.nanoTime();
        for (int i = 0; i < loops; i++) {
            body.run();
        }
        GpuSync.synchronizeAll();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Starts %time's clock: wall time, process CPU time and time in user code from now. */
    public static synchronized void startClock() {
        clockCpu = ProcessCpu.now();
        ExecutionMeter.reset();
        clockStartedAt = System.nanoTime();
    }

    /** Stops %time's clock after the GPUs finish and prints IPython's two lines (and what else took time). */
    public static synchronized void stopClock() {
        if (clockCpu == null) {
            throw new IllegalStateException("stopClock() without startClock()");
        }
        double gpuWait = GpuSync.synchronizeAll();
        double inUserCode = ExecutionMeter.userCodeNanos() / 1e9;
        double elapsed = (System.nanoTime() - clockStartedAt) / 1e9;
        ProcessCpu.Used cpu = ProcessCpu.now().minus(clockCpu);
        clockCpu = null;
        System.out.println("CPU times: user " + TimeFormat.seconds(cpu.userNanos() / 1e9) + ", sys: "
                + TimeFormat.seconds(cpu.systemNanos() / 1e9) + ", total: " + TimeFormat.seconds(cpu.totalNanos() / 1e9));
        System.out.println("Wall time: " + TimeFormat.seconds(inUserCode));
        if (gpuWait > 0) {
            System.out.println("of which waiting for the GPU to finish: " + TimeFormat.seconds(gpuWait));
        }
        double compiling = elapsed - inUserCode;
        if (compiling > 0.1) {
            System.out.println("Compiler time: " + TimeFormat.seconds(compiling));
        }
    }

    // Sinks for a timed expression's value, so the JIT cannot drop the work that produced it.
    private static volatile Object sink;
    private static volatile long primitiveSink;

    public static void consume(Object value) {
        sink = value;
    }

    public static void consume(long value) {
        primitiveSink = value;
    }

    public static void consume(double value) {
        primitiveSink = Double.doubleToRawLongBits(value);
    }

    public static void consume(boolean value) {
        primitiveSink = value ? 1 : 0;
    }
}
