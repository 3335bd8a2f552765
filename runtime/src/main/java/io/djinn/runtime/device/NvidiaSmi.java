package io.djinn.runtime.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GPU status from {@code nvidia-smi}, which ships with every NVIDIA driver; NVML would need a
 * native binding for the same numbers. Parsing is separate from running, so recorded output can be tested.
 */
public final class NvidiaSmi {

    /** The fields asked for, in the order {@link #parseQuery} reads them. */
    static final String QUERY = "index,uuid,name,driver_version,memory.used,memory.total,utilization.gpu,"
            + "temperature.gpu,power.draw,power.limit,compute_cap";

    private static final Pattern CUDA_VERSION = Pattern.compile("CUDA Version:\\s*([0-9.]+)");
    private static final long TIMEOUT_MILLIS = 10_000;

    private NvidiaSmi() {}

    /** What nvidia-smi says now; empty when it is not installed or fails (no driver, no GPU). */
    public static Optional<Snapshot> query() {
        Optional<String> csv = run("--query-gpu=" + QUERY, "--format=csv,noheader,nounits");
        if (csv.isEmpty()) {
            return Optional.empty();
        }
        String cudaVersion = run().map(NvidiaSmi::parseCudaVersion).orElse(null);
        return Optional.of(new Snapshot(cudaVersion, parseQuery(csv.get())));
    }

    /** The GPUs and the highest CUDA version the driver supports. */
    public record Snapshot(String cudaVersion, List<GpuStatus> gpus) {}

    static List<GpuStatus> parseQuery(String csv) {
        List<GpuStatus> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",\\s*", -1);
            if (fields.length < 10) {
                throw new IllegalArgumentException("unexpected nvidia-smi line: " + line);
            }
            gpus.add(new GpuStatus(Integer.parseInt(fields[0].strip()), text(fields[1]), text(fields[2]),
                    text(fields[3]), whole(fields[4]), whole(fields[5]), integer(fields[6]), integer(fields[7]),
                    decimal(fields[8]), decimal(fields[9]), fields.length > 10 ? text(fields[10]) : null));
        }
        return gpus;
    }

    static String parseCudaVersion(String summary) {
        Matcher matcher = CUDA_VERSION.matcher(summary);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String text(String field) {
        String value = field.strip();
        return value.isEmpty() || value.startsWith("[") ? null : value;
    }

    private static Long whole(String field) {
        String value = text(field);
        return value == null ? null : Math.round(Double.parseDouble(value));
    }

    private static Integer integer(String field) {
        Long value = whole(field);
        return value == null ? null : value.intValue();
    }

    private static Double decimal(String field) {
        String value = text(field);
        return value == null ? null : Double.valueOf(value);
    }

    private static Optional<String> run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("nvidia-smi");
        command.addAll(List.of(arguments));
        return run(command, TIMEOUT_MILLIS);
    }

    /**
     * The command's output when it exits with status 0 within the time-out; empty otherwise (a hung driver
     * makes nvidia-smi hang: it is killed). Output goes to a file, so waiting is not blocked on reading it.
     */
    static Optional<String> run(List<String> command, long timeoutMillis) {
        Path output = null;
        try {
            output = Files.createTempFile("djinn-nvidia-smi", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(Files.readString(output, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not installed: no NVIDIA driver
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
