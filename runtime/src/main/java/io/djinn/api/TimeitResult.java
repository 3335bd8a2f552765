package io.djinn.api;

import io.djinn.runtime.profiling.TimeFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * All timings of one {@code %timeit}, as IPython's TimeitResult: per-loop best, worst, mean and
 * standard deviation over the runs. {@code %timeit -o} leaves one in the variable {@code _timeit}.
 */
public final class TimeitResult {

    private final int loops;
    private final double[] runSeconds;

    public TimeitResult(int loops, double[] runSeconds) {
        this.loops = loops;
        this.runSeconds = runSeconds.clone();
    }

    /** Loops per run. */
    public int loops() {
        return loops;
    }

    public int repeat() {
        return runSeconds.length;
    }

    /** The total time of each run, in seconds. */
    public double[] allRuns() {
        return runSeconds.clone();
    }

    /** Per-loop times of each run, in seconds. */
    public double[] timings() {
        return Arrays.stream(runSeconds).map(run -> run / loops).toArray();
    }

    /** The median per-loop time: what to report on a noisy machine. */
    public double median() {
        double[] sorted = timings();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public double best() {
        return Arrays.stream(timings()).min().orElse(Double.NaN);
    }

    public double worst() {
        return Arrays.stream(timings()).max().orElse(Double.NaN);
    }

    public double average() {
        return Arrays.stream(timings()).average().orElse(Double.NaN);
    }

    /** Population standard deviation of the per-loop times, as IPython computes it. */
    public double stdev() {
        double mean = average();
        return Math.sqrt(Arrays.stream(timings()).map(t -> (t - mean) * (t - mean)).sum() / runSeconds.length);
    }

    /** IPython's warning when the slowest run was over four times the fastest, or null. */
    public String cachingWarning() {
        double best = best();
        double worst = worst();
        if (worst > 4 * best && best > 0 && worst > 1e-6) {
            return String.format(Locale.ROOT, "The slowest run took %.2f times longer than the fastest. This could mean"
                    + " that an intermediate result is being cached.", worst / best);
        }
        return null;
    }

    @Override
    public String toString() {
        int runs = runSeconds.length;
        return TimeFormat.seconds(average()) + " ± " + TimeFormat.seconds(stdev()) + " per loop (mean ± std. dev. of "
                + runs + " run" + (runs == 1 ? "" : "s") + ", " + String.format(Locale.ROOT, "%,d", loops) + " loop"
                + (loops == 1 ? "" : "s") + " each)";
    }
}
