package io.djinn.runtime.profiling;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sample of the whole runtime process's CPU time (every thread, libtorch's native ones too): the total from
 * the JVM at nanosecond resolution, and Linux's user and system tick counters, which only say how to split it.
 * Two samples give the CPU time spent between them ({@link #minus}).
 */
public record ProcessCpu(long totalNanos, long userTicks, long systemTicks) {

    private static final Path STAT = Path.of("/proc/self/stat");

    /** CPU time spent in an interval, split into user and system time; the two add up to the total. */
    public record Used(long userNanos, long systemNanos) {
        public long totalNanos() {
            return userNanos + systemNanos;
        }
    }

    public static ProcessCpu now() {
        long[] ticks = ticks();
        return new ProcessCpu(processCpuNanos(), ticks[0], ticks[1]);
    }

    /** The CPU time from earlier to this sample. */
    public Used minus(ProcessCpu earlier) {
        // The JVM's process CPU time never goes back; a negative interval means the samples were swapped.
        long total = totalNanos - earlier.totalNanos;
        if (total < 0) {
            throw new IllegalArgumentException("the earlier sample is later: " + earlier + " after " + this);
        }
        return split(total, userTicks - earlier.userTicks, systemTicks - earlier.systemTicks);
    }

    /**
     * Splits a total in the ratio of the tick counts. Ticks count at 100 Hz, so an interval under 10 ms may
     * have none: its time is counted as user time, where a cell's own computing is.
     */
    static Used split(long totalNanos, long userTicks, long systemTicks) {
        if (userTicks < 0 || systemTicks < 0 || userTicks + systemTicks == 0) {
            return new Used(totalNanos, 0);
        }
        long user = Math.round(totalNanos * (double) userTicks / (userTicks + systemTicks));
        return new Used(user, totalNanos - user);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    /** utime and stime from /proc/self/stat (fields 14 and 15); zeros off Linux. */
    private static long[] ticks() {
        try {
            String stat = Files.readString(STAT);
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
