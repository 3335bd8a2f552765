package io.djinn.kernel.install;

import io.djinn.kernel.runtime.RuntimeJvmCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The start-up caches of a kernelspec's JVMs, recorded by a training run and kept in the kernelspec's directory so
 * that uninstall removes them. Most of a session's start is javac and class loading in two fresh JVMs; the caches
 * take much of that out of the kernel's start. What a JDK can record:
 * <ul>
 *   <li>JDK 25 and later: ahead-of-time caches for both JVMs (JEP 483/514/515: classes loaded and linked, and
 *       method profiles);</li>
 *   <li>JDK 17 to 24: a class-data-sharing archive of the kernel JVM's classes (javac's, JShell's, the kernel's).
 *       The runtime JVM gets none there: archiving classes with its agent loaded needs a flag that makes every
 *       start print that the archive is "for testing purposes only".</li>
 * </ul>
 * A JVM started with a cache its jars or JDK no longer match says so in the log and runs without.
 */
final class JvmCaches {

    static final String KERNEL_CACHE = "kernel.aot";
    static final String RUNTIME_CACHE = "runtime.aot";
    static final String KERNEL_ARCHIVE = "kernel.jsa";
    static final String TRAINING_LOG = "jvm-caches.log";
    private static final long TRAINING_TIMEOUT_S = 600;

    private final Path directory;

    JvmCaches(Path directory) {
        this.directory = directory;
    }

    /** Removes the caches of an earlier install. */
    void remove() throws IOException {
        Files.deleteIfExists(directory.resolve(KERNEL_CACHE));
        Files.deleteIfExists(directory.resolve(RUNTIME_CACHE));
        Files.deleteIfExists(directory.resolve(KERNEL_ARCHIVE));
        Files.deleteIfExists(directory.resolve(TRAINING_LOG));
    }

    /**
     * What a JDK can record for the kernel JVM, found from its {@code -XX:+PrintFlagsFinal} output: the file, the
     * option that records it at the training run's exit, and the option that starts a kernel from it.
     */
    enum Kind {
        /** JDK 25+; the runtime JVM records its own cache too ({@link RuntimeJvmCache}). */
        AHEAD_OF_TIME(KERNEL_CACHE, "AOTCacheOutput", "AOTCache"),
        /** JDK 17 to 24: class data only, for the kernel JVM. */
        KERNEL_CLASS_DATA(KERNEL_ARCHIVE, "ArchiveClassesAtExit", "SharedArchiveFile"),
        NONE(null, null, null);

        final String file;
        private final String recordFlag;
        private final String useFlag;

        Kind(String file, String recordFlag, String useFlag) {
            this.file = file;
            this.recordFlag = recordFlag;
            this.useFlag = useFlag;
        }

        static Kind of(String printFlagsFinal) {
            for (Kind kind : List.of(AHEAD_OF_TIME, KERNEL_CLASS_DATA)) {
                if (printFlagsFinal.contains(" " + kind.recordFlag + " ")) {
                    return kind;
                }
            }
            return NONE;
        }

        String recordOption(Path file) {
            return "-XX:" + recordFlag + "=" + file;
        }

        String useOption(Path file) {
            return "-XX:" + useFlag + "=" + file;
        }
    }

    /**
     * Runs the training session (JvmCacheTraining) with the kernelspec's java, options and environment, and returns
     * the kernel JVM's options for the caches it made; none where the JDK cannot make them or the training failed,
     * which the install then goes without (it says why).
     */
    List<String> train(Path java, List<String> kernelOptions, Path jar, Map<String, String> kernelEnvironment)
            throws IOException, InterruptedException {
        Kind kind = kind(java);
        if (kind == Kind.NONE) {
            System.out.println("JVM caches: none (" + java + " has neither -XX:AOTCacheOutput nor -XX:ArchiveClassesAtExit)");
            return List.of();
        }
        boolean aheadOfTime = kind == Kind.AHEAD_OF_TIME;
        Path kernelCache = directory.resolve(kind.file);
        Path runtimeCache = directory.resolve(RUNTIME_CACHE);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(kernelOptions);
        command.add(kind.recordOption(kernelCache));
        if (aheadOfTime) {
            command.add("-D" + RuntimeJvmCache.TRAINING_OUTPUT_PROPERTY + "=" + runtimeCache);
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("train-jvm-caches");
        Path log = directory.resolve(TRAINING_LOG);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(kernelEnvironment);
        System.out.println("JVM caches: training a session to record them (up to a minute)...");
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(TRAINING_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            System.out.println("JVM caches: none (the training did not finish within " + TRAINING_TIMEOUT_S
                    + " s; see " + log + ")");
            return List.of();
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(kernelCache)) {
            System.out.println("JVM caches: none (the training ended with status " + process.exitValue() + "; see "
                    + log + ")");
            remove();
            return List.of();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!aheadOfTime) {
            System.out.printf("JVM caches: %s, the kernel JVM's classes, in %.0f s (JDK 25 and later also record the "
                    + "runtime JVM's, and more)%n", kind.file, seconds);
            return List.of(kind.useOption(kernelCache));
        }
        List<String> options = new ArrayList<>(List.of(kind.useOption(kernelCache)));
        if (Files.isRegularFile(runtimeCache)) {
            options.add("-D" + RuntimeJvmCache.CACHE_PROPERTY + "=" + runtimeCache);
        }
        System.out.printf("JVM caches: %s%s in %.0f s%n", KERNEL_CACHE,
                options.size() > 1 ? " and " + RUNTIME_CACHE : " (the runtime's was not written; see " + log + ")",
                seconds);
        return options;
    }

    /** What this java can record. */
    static Kind kind(Path java) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(java.toString(), "-XX:+PrintFlagsFinal", "-version")
                .redirectErrorStream(true).start();
        probe.getOutputStream().close();
        String flags = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0 ? Kind.of(flags) : Kind.NONE;
    }
}
