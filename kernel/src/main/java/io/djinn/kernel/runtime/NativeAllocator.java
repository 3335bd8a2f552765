package io.djinn.kernel.runtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * glibc's malloc settings for the runtime JVM, where libtorch allocates every tensor's memory.
 *
 * <p>By default glibc hands large freed blocks straight back to the operating system: blocks over a threshold
 * that starts at 128 KiB are mapped and unmapped one by one (the threshold adapts upwards only as such blocks
 * happen to be freed), and the top of the heap is trimmed past 128 KiB. A training loop allocates and frees
 * the same tensors every step, so it can take fresh pages from the operating system, page fault by page fault,
 * every step. Measured on the development machine: the same seeded training ran up to 5x slower in some processes
 * than in others, DJL's and PyTorch's alike, the slow ones taking fresh pages every step (a DJL CNN step 1,356
 * page faults, against none with these settings; docs/benchmarks.md). Fixing the threshold at glibc's own
 * upper bound for it (32 MiB on 64-bit) and keeping up to 256 MiB of freed memory at the heap's top lets each
 * step reuse the last one's memory.
 *
 * <p>A user's own choice wins: any {@code MALLOC_*} variable, a {@code glibc.malloc} tunable, or another
 * allocator preloaded leaves glibc as the user set it, and DJINN_KEEP_NATIVE_MEMORY=false leaves glibc's
 * defaults (freed memory goes back to the system at once). Elsewhere than on Linux, nothing is set.
 */
public final class NativeAllocator {

    /** The settings, as the environment variables glibc reads (mallopt(3)). */
    public static final Map<String, String> SETTINGS = Map.of(
            "MALLOC_MMAP_THRESHOLD_", Long.toString(32L << 20),
            "MALLOC_TRIM_THRESHOLD_", Long.toString(256L << 20));

    private NativeAllocator() {
    }

    /**
     * The variables to set on top of the kernel's own for a new runtime: the session's own ({@code %env}), and
     * the settings above when {@code keepFreedMemory} (DJINN_KEEP_NATIVE_MEMORY) unless {@link #usersChoice}
     * finds one the user made.
     */
    public static Map<String, String> environment(boolean keepFreedMemory, Map<String, String> inherited,
            Map<String, String> session, String osName) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (keepFreedMemory && osName.toLowerCase(Locale.ROOT).startsWith("linux")
                && usersChoice(inherited, session).isEmpty()) {
            environment.putAll(SETTINGS);
        }
        environment.putAll(session);
        return environment;
    }

    /** The variable by which the user already chose how the runtime's memory is allocated, if any. */
    static Optional<String> usersChoice(Map<String, String> inherited, Map<String, String> session) {
        Map<String, String> all = new LinkedHashMap<>(inherited);
        all.putAll(session);
        for (Map.Entry<String, String> variable : all.entrySet()) {
            String name = variable.getKey();
            String value = variable.getValue() == null ? "" : variable.getValue();
            boolean chosen = name.startsWith("MALLOC_")
                    || name.equals("GLIBC_TUNABLES") && value.contains("glibc.malloc.")
                    || name.equals("LD_PRELOAD") && value.matches("(?s).*(jemalloc|tcmalloc|mimalloc).*");
            if (chosen) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
