package io.djinn.api;

import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.djinn.runtime.profiling.GpuSync;
import io.djinn.runtime.profiling.TraceSummary;
import io.djinn.runtime.execution.SnippetHooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's profiler around some code (DJL's {@code JniUtils.startProfile/stopProfile}), then the operator
 * table, a chart, the NDArrays left open and the chrome trace's path; the GPUs are synchronised before the
 * profiler stops. {@code %%profile} profiles a whole cell with {@link #begin} and {@link #end}; Java code can
 * profile a block with {@link #profile}.
 *
 * <p>PyTorch's profiler records the thread that started it, and JShell runs each snippet of a cell on a
 * thread of its own; so between begin and end every snippet is profiled on its own thread, and the traces
 * of all of them make the report.
 */
public final class Profiler {

    /**
     * What to record and show.
     *
     * @param cuda record CUDA kernels too (needs a GPU)
     * @param shapes record and show input shapes
     * @param memory record and show the memory each operator allocates
     * @param top how many operators to show
     * @param traceFile where to write the chrome trace; null for a new temporary file
     */
    public record Options(boolean cuda, boolean shapes, boolean memory, int top, String traceFile) {

        public Options {
            if (top < 1) {
                throw new UsageException("the profiler shows at least one operator, not " + top);
            }
        }

        /** CPU operators, no shapes or memory, the top 15, a temporary trace file. */
        public static Options defaults() {
            return new Options(false, false, false, 15, null);
        }
    }

    private static Session session;

    private Profiler() {}

    /** Runs the body under the profiler and shows the report, also when the body throws (then it rethrows). */
    public static ProfileReport profile(Options options, Timing.Body body) throws Throwable {
        begin(options);
        Throwable failure = null;
        try {
            SnippetHooks.Around hook = current().hook;
            hook.run(() -> {
                body.run();
                return null;
            });
        } catch (Throwable e) {
            failure = e;
        }
        ProfileReport report = end();
        if (failure != null) {
            throw failure;
        }
        return report;
    }

    /** Profiles every snippet that runs from now until {@link #end}. */
    public static synchronized void begin(Options options) throws IOException {
        if (session != null) {
            throw new UsageException("the profiler is already running");
        }
        Session started = new Session(options);
        SnippetHooks.install(started.hook);
        session = started;
    }

    /** Stops profiling, shows the operator table and chart, and returns the report. */
    public static ProfileReport end() throws IOException {
        Session ended;
        synchronized (Profiler.class) {
            ended = session;
            if (ended == null) {
                throw new UsageException("the profiler is not running");
            }
            SnippetHooks.remove(ended.hook);
            session = null;
        }
        ProfileReport report = ended.report();
        Display.display(report.table());
        Display.display(report.chart());
        return report;
    }

    public static synchronized boolean running() {
        return session != null;
    }

    private static synchronized Session current() {
        return session;
    }

    /** One profiled stretch: a trace per profiled snippet, merged into one at the end. */
    private static final class Session {

        private final Options options;
        private final LiveArrays before = LiveArrays.snapshot();
        private final Path trace;
        private final List<Path> parts = new ArrayList<>();
        private boolean reported;
        final SnippetHooks.Around hook = this::profiled;

        Session(Options options) throws IOException {
            this.options = options;
            this.trace = options.traceFile() == null || options.traceFile().isBlank() ? temporaryTrace()
                    : Path.of(options.traceFile()).toAbsolutePath();
        }

        /** Runs a snippet with the profiler on, on the snippet's thread. */
        private Object profiled(SnippetHooks.Snippet snippet) throws Throwable {
            Path part = temporaryTrace();
            JniUtils.startProfile(options.cuda(), options.shapes(), options.memory());
            try {
                Object value = snippet.run();
                GpuSync.synchronizeAll();
                return value;
            } finally {
                JniUtils.stopProfile(part.toString());
                synchronized (this) {
                    if (reported) {
                        Files.deleteIfExists(part); // the snippet that called end(): not part of the report
                    } else {
                        parts.add(part);
                    }
                }
            }
        }

        synchronized ProfileReport report() throws IOException {
            reported = true;
            JsonArray events = new JsonArray();
            for (Path part : parts) {
                events.addAll(events(part));
                Files.deleteIfExists(part);
            }
            JsonObject merged = new JsonObject();
            merged.add("traceEvents", events);
            Files.writeString(trace, merged.toString());
            return new ProfileReport(TraceSummary.operators(events), options.top(), options.shapes(), options.memory(),
                    LiveArrays.snapshot().newSince(before), trace);
        }

        private static JsonArray events(Path part) throws IOException {
            JsonElement json = JsonParser.parseString(Files.readString(part));
            return json.isJsonArray() ? json.getAsJsonArray() : json.getAsJsonObject().getAsJsonArray("traceEvents");
        }
    }

    /** Owner-only (createTempFile's default on POSIX); kept for the session, deleted when the runtime exits. */
    private static Path temporaryTrace() throws IOException {
        Path trace = Files.createTempFile("djinn-profile-", ".json");
        trace.toFile().deleteOnExit();
        return trace;
    }
}
