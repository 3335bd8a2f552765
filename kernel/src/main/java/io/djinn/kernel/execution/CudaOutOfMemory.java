package io.djinn.kernel.execution;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PyTorch's CUDA out-of-memory message (as DJL passes it on in an EngineException) and says it
 * in one line with what to do next. Both of PyTorch's wordings are read: the current one ("GPU 0 has a
 * total capacity of 79.19 GiB of which 1.06 GiB is free") and the older one ("(GPU 0; 79.19 GiB total
 * capacity; ...; 1.06 GiB free; ...)").
 */
final class CudaOutOfMemory {

    private static final Pattern REQUESTED = Pattern.compile("CUDA out of memory\\. Tried to allocate ([0-9.]+ [KMGT]?i?B)");
    private static final Pattern CURRENT = Pattern.compile(
            "GPU (\\d+) has a total capacity of ([0-9.]+ [KMGT]?i?B) of which ([0-9.]+ [KMGT]?i?B) is free");
    private static final Pattern OLDER = Pattern.compile(
            "\\(GPU (\\d+); ([0-9.]+ [KMGT]?i?B) total capacity;.*?([0-9.]+ [KMGT]?i?B) free");

    static final List<String> HINTS = List.of(
            "%memory shows what holds GPU memory: open NDArrays per device and each GPU's use.",
            "Close arrays you no longer need (NDManager in try-with-resources), or use a smaller batch.",
            "%memory --empty-cache returns PyTorch's cached blocks to the GPU; the runtime and its variables are intact.");

    private CudaOutOfMemory() {}

    /** One line for an out-of-memory message, or empty when the message is something else. */
    static Optional<String> summary(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher requested = REQUESTED.matcher(message);
        if (!requested.find()) {
            return Optional.empty();
        }
        String summary = "CUDA out of memory: asked for " + requested.group(1);
        Matcher current = CURRENT.matcher(message);
        Matcher older = OLDER.matcher(message);
        Matcher found = current.find() ? current : older.find() ? older : null;
        if (found != null) {
            summary += " on GPU " + found.group(1) + ", which had " + found.group(3) + " free of " + found.group(2);
        }
        return Optional.of(summary);
    }
}
