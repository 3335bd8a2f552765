package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RuntimeCollectorTest {

    private static final List<String> DEFAULT = List.of("-XX:+UseParallelGC", "-Xmn32m");

    @Test
    void withoutAChoiceTheRuntimeGetsTheParallelCollectorWithASmallYoungGeneration() {
        assertEquals(DEFAULT, RuntimeCollector.options(List.of()));
        assertEquals(DEFAULT, RuntimeCollector.options(List.of("-Xmx8g", "-Dai.djl.pytorch.num_threads=2")));
        // flags about a collector's behaviour are not a choice of collector
        assertEquals(DEFAULT, RuntimeCollector.options(List.of("-XX:+UseAdaptiveSizePolicyWithSystemGC",
                "-XX:-UseGCOverheadLimit", "-XX:+ExplicitGCInvokesConcurrent")));
    }

    @Test
    void aCollectorTheUserNamesIsTheOnlyOne() {
        // Two collectors stop the JVM at start ("multiple garbage collectors selected").
        for (String choice : List.of("-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseSerialGC", "-XX:+UseShenandoahGC",
                "-XX:+UseEpsilonGC", "-XX:+UseParallelGC", "-XX:-UseParallelGC")) {
            assertEquals(List.of(), RuntimeCollector.options(List.of("-Xmx2g", choice)), choice);
        }
    }

    @Test
    void aYoungGenerationTheUserSizesIsLeftToTheUser() {
        for (String sizing : List.of("-Xmn256m", "-XX:NewSize=64m", "-XX:MaxNewSize=1g", "-XX:NewRatio=3")) {
            assertEquals(List.of("-XX:+UseParallelGC"), RuntimeCollector.options(List.of(sizing)), sizing);
        }
    }

    @Test
    void aSmallHeapKeepsTheCollectorsOwnSizing() {
        assertEquals(List.of("-XX:+UseParallelGC"), RuntimeCollector.options(List.of("-Xmx96m")));
        assertEquals(DEFAULT, RuntimeCollector.options(List.of("-Xmx192m")));
        // the JVM reads the last maximum
        assertEquals(DEFAULT, RuntimeCollector.options(List.of("-Xmx64m", "-XX:MaxHeapSize=1g")));
        assertEquals(List.of("-XX:+UseParallelGC"), RuntimeCollector.options(List.of("-Xmx4g", "-Xmx100000k")));
    }

    @Test
    void heapSizesAreReadAsTheJvmReadsThem() {
        assertEquals(OptionalLong.of(8L << 30), RuntimeCollector.maxHeapBytes(List.of("-Xmx8G")));
        assertEquals(OptionalLong.of(512L << 20), RuntimeCollector.maxHeapBytes(List.of("-XX:MaxHeapSize=512m")));
        assertEquals(OptionalLong.of(1_000_000), RuntimeCollector.maxHeapBytes(List.of("-Xmx1000000")));
        assertEquals(OptionalLong.of(Long.MAX_VALUE), RuntimeCollector.maxHeapBytes(List.of("-Xmx999999999999t")));
        assertEquals(OptionalLong.empty(), RuntimeCollector.maxHeapBytes(List.of("-Xms2g", "-XX:MaxRAMPercentage=50")));
    }
}
