package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeJvmCacheTest {

    @Test
    void aRuntimeStartsFromTheCacheOnlyWhenItExists(@TempDir Path directory) throws Exception {
        Path cache = directory.resolve("runtime.aot");
        RuntimeJvmCache settings = new RuntimeJvmCache(cache, null);
        assertEquals(List.of(), settings.jvmOptions(), "a cache install did not write (or uninstall removed)");
        Files.write(cache, new byte[] {1});
        assertEquals(List.of("-XX:AOTCache=" + cache), settings.jvmOptions());
        assertEquals(1_000, settings.exitGraceMillis());
        assertEquals(List.of(), new RuntimeJvmCache(null, null).jvmOptions());
    }

    @Test
    void theTrainingRunsRuntimeWritesItsCacheAndIsGivenTimeToDoSo(@TempDir Path directory) {
        Path output = directory.resolve("runtime.aot");
        RuntimeJvmCache training = new RuntimeJvmCache(null, output);
        assertEquals(List.of("-XX:AOTCacheOutput=" + output), training.jvmOptions());
        // the JVM assembles the cache as it exits, which takes seconds; killed after 1 s, it would write none
        assertTrue(training.exitGraceMillis() >= 60_000, "" + training.exitGraceMillis());
    }
}
