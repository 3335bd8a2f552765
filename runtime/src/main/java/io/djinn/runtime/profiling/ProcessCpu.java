package io.djinn.runtime.profiling;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the whole runtime process (every thread, libtorch's native ones too): the total from
 * the JVM at nanosecond resolution, split into user and system by the kernel's tick counters where
 * Linux provides them.
 */
public record ProcessCpu(long userNanos, long systemNanos) {

    private static final Path STAT = Path.of("/proc/self/stat");

    public static ProcessCpu now() {
        long total = processCpuNanos();
        long[] ticks = ticks();
        if (ticks == null || ticks[0] + ticks[1] == 0) {
            return new ProcessCpu(total, 0);
        }
        long user = Math.round(total * (double) ticks[0] / (ticks[0] + ticks[1]));
        return new ProcessCpu(user, total - user);
    }

    public ProcessCpu minus(ProcessCpu earlier) {
        return new ProcessCpu(Math.max(0, userNanos - earlier.userNanos), Math.max(0, systemNanos - earlier.systemNanos));
    }

    public long totalNanos() {
        return userNanos + systemNanos;
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    /** utime and stime from /proc/self/stat (fields 14 and 15), or null off Linux. */
    private static long[] ticks() {
        try {
            String stat = Files.readString(STAT);
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
