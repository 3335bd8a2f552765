package io.djinn.kernel.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The runtime JVM's ahead-of-time cache (JDK 25's {@code -XX:AOTCache}: classes loaded and linked, and method
 * profiles, from a training run), made by {@code install} beside the kernelspec. The kernel JVM is told where
 * it is with a system property in the kernelspec's command line; during install's training run, another
 * property says where to write it.
 *
 * @param cache the cache to start runtimes with, if there is one
 * @param trainingOutput where the training run's runtime writes its cache at exit; null outside training
 */
public record RuntimeJvmCache(Path cache, Path trainingOutput) {

    public static final String CACHE_PROPERTY = "djinn.runtimeJvmCache";
    public static final String TRAINING_OUTPUT_PROPERTY = "djinn.runtimeJvmCacheOutput";
    /** A runtime writing its cache at exit takes seconds; one that is not lingers 1 s before it is killed. */
    private static final long TRAINING_EXIT_GRACE_MS = 180_000;
    private static final long EXIT_GRACE_MS = 1_000;

    public static RuntimeJvmCache fromSystemProperties() {
        return new RuntimeJvmCache(path(System.getProperty(CACHE_PROPERTY)),
                path(System.getProperty(TRAINING_OUTPUT_PROPERTY)));
    }

    /** The runtime JVM's options: write the cache when training, else use it when it exists. */
    public List<String> jvmOptions() {
        if (trainingOutput != null) {
            return List.of("-XX:AOTCacheOutput=" + trainingOutput);
        }
        if (cache != null && Files.isRegularFile(cache)) {
            return List.of("-XX:AOTCache=" + cache);
        }
        return List.of();
    }

    /** How long a closed runtime may take to exit before it is killed. */
    public long exitGraceMillis() {
        return trainingOutput != null ? TRAINING_EXIT_GRACE_MS : EXIT_GRACE_MS;
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
