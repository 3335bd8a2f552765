package io.djinn.kernel.runtime;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How to start a runtime: the java command line (without the port, which is added at start), the
 * compiler's options, the classpath the compiler must see (the runtime's own), the sources run
 * first in every new runtime, the environment variables set on top of the kernel's (read at each start:
 * {@code %env} changes them), and how long a closed runtime may take to exit before it is killed.
 */
public record RuntimeSettings(List<String> javaCommand, List<String> compilerOptions, List<String> classpath,
        List<StartupSource> startup, long startTimeoutMillis, Supplier<Map<String, String>> environment,
        long exitGraceMillis) {

    /**
     * A named piece of startup code: the kernel's own (default imports, {@code manager}), which the kernel
     * keeps working whatever cells declare, or a user's startup script.
     */
    public record StartupSource(String name, String code, boolean kernelOwned) {}
}
