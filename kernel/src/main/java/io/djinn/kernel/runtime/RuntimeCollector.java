package io.djinn.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime JVM's garbage collector: the parallel collector with a 32 MB young generation, unless the user chose
 * otherwise. Measured against G1 on the 2-core machine (docs/benchmarks.md, issue 18): DJL's MLP training steps
 * 9-47% faster over rounds of the DJL benchmark and the cells of a heavy Tablesaw session sooner, in a smaller heap.
 * The young generation is fixed because the parallel collector's own sizing grew it and made DJL's add-and-close
 * loop 2.4x slower.
 *
 * <p>The JVM refuses to start with two collectors, so a collector named anywhere the runtime's java reads
 * options (DJINN_JVM_OPTS, JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS) means none is added; a young generation sized
 * there, or a heap too small to spare 32 MB for it, means the collector sizes it.
 */
public final class RuntimeCollector {

    static final String COLLECTOR = "-XX:+UseParallelGC";
    static final String YOUNG_GENERATION = "-Xmn32m";
    /** Below this maximum heap a fixed 32 MB young generation would be a quarter of the heap or more. */
    static final long SMALLEST_HEAP_FOR_FIXED_YOUNG_BYTES = 128L << 20;

    private static final Pattern COLLECTOR_CHOICE = Pattern.compile(
            "-XX:[+-]Use(Serial|Parallel|ParallelOld|G1|Z|Shenandoah|Epsilon|ConcMarkSweep)GC");
    private static final Pattern YOUNG_SIZE = Pattern.compile("-Xmn.*|-XX:(Max)?NewSize=.*|-XX:NewRatio=.*");
    private static final Pattern MAX_HEAP = Pattern.compile("(?:-Xmx|-XX:MaxHeapSize=)(\\d{1,12})([kKmMgGtT]?)");

    private RuntimeCollector() {
    }

    /**
     * @param userOptions every option the runtime's java will see besides Djinn's own, in order: the words of
     *     JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS and DJINN_JVM_OPTS
     * @return the options to put before the user's, so that a user's later option of the same kind wins
     */
    public static List<String> options(List<String> userOptions) {
        if (userOptions.stream().anyMatch(option -> COLLECTOR_CHOICE.matcher(option).matches())) {
            return List.of();
        }
        List<String> options = new ArrayList<>(List.of(COLLECTOR));
        boolean youngSized = userOptions.stream().anyMatch(option -> YOUNG_SIZE.matcher(option).matches());
        OptionalLong maxHeap = maxHeapBytes(userOptions);
        if (!youngSized && (maxHeap.isEmpty() || maxHeap.getAsLong() >= SMALLEST_HEAP_FOR_FIXED_YOUNG_BYTES)) {
            options.add(YOUNG_GENERATION);
        }
        return List.copyOf(options);
    }

    /** The last -Xmx or -XX:MaxHeapSize among the options, as the JVM reads it (the last one wins). */
    static OptionalLong maxHeapBytes(List<String> options) {
        OptionalLong last = OptionalLong.empty();
        for (String option : options) {
            Matcher matcher = MAX_HEAP.matcher(option);
            if (matcher.matches()) {
                long value = Long.parseLong(matcher.group(1));
                int shift = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    case "g" -> 30;
                    case "t" -> 40;
                    default -> 0;
                };
                last = OptionalLong.of(value > Long.MAX_VALUE >> shift ? Long.MAX_VALUE : value << shift);
            }
        }
        return last;
    }
}
