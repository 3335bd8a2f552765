package io.djinn.api;

import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.djinn.api.profiling.GpuSync;
import io.djinn.api.profiling.LiveArrays;
import io.djinn.api.profiling.ProfileReport;
import io.djinn.api.profiling.TraceSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code %%profile} runs, callable from Java too: PyTorch's profiler around some code (DJL's
 * {@code JniUtils.startProfile/stopProfile}), then the operator table, a chart, the NDArrays left open
 * and the chrome trace's path. The GPUs are synchronised before the profiler stops.
 */
public final class Profiler {

    private static boolean running;

    private Profiler() {}

    /**
     * Runs the body under the profiler and shows the report, also when the body throws (then the
     * exception propagates after the report). PyTorch's profiler records the thread that started it,
     * so start, body and stop happen here, on one thread.
     *
     * @param traceFile where to write the chrome trace; null for a new temporary file
     */
    public static ProfileReport profile(boolean cuda, boolean shapes, boolean memory, int top, String traceFile,
            Timing.Body body) throws Throwable {
        synchronized (Profiler.class) {
            if (running) {
                throw new IllegalStateException("the profiler is already running");
            }
            running = true;
        }
        try {
            LiveArrays before = LiveArrays.snapshot();
            Path trace = traceFile == null || traceFile.isBlank() ? temporaryTrace() : Path.of(traceFile).toAbsolutePath();
            JniUtils.startProfile(cuda, shapes, memory);
            Throwable failure = null;
            try {
                body.run();
                GpuSync.synchronizeAll();
            } catch (Throwable e) {
                failure = e;
            } finally {
                JniUtils.stopProfile(trace.toString());
            }
            ProfileReport report = report(trace, top, shapes, memory, LiveArrays.snapshot().newSince(before));
            Display.display(report.table());
            Display.display(report.chart());
            if (failure != null) {
                throw failure;
            }
            return report;
        } finally {
            synchronized (Profiler.class) {
                running = false;
            }
        }
    }

    /** Owner-only (createTempFile's default on POSIX); kept for the session, deleted when the runtime exits. */
    private static Path temporaryTrace() throws IOException {
        Path trace = Files.createTempFile("djinn-profile-", ".json");
        trace.toFile().deleteOnExit();
        return trace;
    }

    public static synchronized boolean running() {
        return running;
    }

    static ProfileReport report(Path trace, int top, boolean shapes, boolean memory, List<LiveArrays.Entry> leaked)
            throws IOException {
        JsonElement json = JsonParser.parseString(Files.readString(trace));
        JsonArray events = json.isJsonArray() ? json.getAsJsonArray() : json.getAsJsonObject().getAsJsonArray("traceEvents");
        return new ProfileReport(TraceSummary.operators(events), top, shapes, memory, leaked, trace);
    }
}
