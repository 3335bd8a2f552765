package io.djinn.kernel.output;

import io.djinn.wire.DisplayMessages;
import com.google.gson.JsonObject;
import io.djinn.kernel.DaemonThreads;
import io.djinn.kernel.execution.CellFailure;
import io.djinn.kernel.execution.CellStreams;
import io.djinn.kernel.execution.ExecutionOutput;
import io.djinn.kernel.protocol.Message;
import io.djinn.kernel.protocol.Publisher;
import io.djinn.kernel.protocol.StdinChannel;
import io.djinn.kernel.runtime.RuntimeIo;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything a running cell shows, published on iopub with that cell's request as parent: stdout and
 * stderr in batches, display bundles after the text printed before them, results and errors.
 */
public final class CellOutput implements ExecutionOutput, CellStreams, AutoCloseable {

    private static final long FLUSH_EVERY_MS = 50;

    private final Publisher iopub;
    private final StdinChannel stdinChannel;
    private final StreamBuffer stdout = new StreamBuffer(text -> stream("stdout", text));
    private final StreamBuffer stderr = new StreamBuffer(text -> stream("stderr", text));
    private final ScheduledExecutorService flusher = DaemonThreads.scheduler("djinn-output-flusher");
    private volatile Message parent;
    private volatile boolean allowStdin;
    private final AtomicReference<JsonObject> pendingResult = new AtomicReference<>();

    private final OutputLimit limit;
    private final PlotlyCarrier plotly;

    /**
     * @param outputLimitBytes stdout and stderr shown per cell; 0 or less for no limit
     * @param carryPlotlyJs whether the notebook gets plotly.js for its charts' HTML (DJINN_PLOTLY_JS)
     */
    public CellOutput(Publisher iopub, StdinChannel stdinChannel, long outputLimitBytes, boolean carryPlotlyJs) {
        this.iopub = iopub;
        this.stdinChannel = stdinChannel;
        this.limit = new OutputLimit(outputLimitBytes);
        this.plotly = new PlotlyCarrier(carryPlotlyJs);
        flusher.scheduleWithFixedDelay(this::flushStreams, FLUSH_EVERY_MS, FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** The streams the runtime's output and input are connected to. */
    public RuntimeIo runtimeIo() {
        return new RuntimeIo(stdout, stderr, this::onDisplay, this::requestLine);
    }

    @Override
    public void begin(Message request, boolean stdinAllowed) {
        flushStreams();
        parent = request;
        allowStdin = stdinAllowed;
        limit.reset();
        plotly.cellStarted(cellOf(request));
    }

    /** The notebook cell a request runs: the cellId frontends send, else the request itself. */
    private static String cellOf(Message request) {
        JsonObject metadata = request.metadata();
        if (metadata != null && metadata.has("cellId") && metadata.get("cellId").isJsonPrimitive()) {
            return metadata.get("cellId").getAsString();
        }
        return request.id();
    }

    @Override
    public void end() {
        flushStreams();
        allowStdin = false; // a late request for input belongs to no cell: refuse it
        String summary = limit.summary();
        if (summary != null) {
            publishStream("stderr", summary);
        }
        if (plotly.cellEnded()) {
            iopub.publish(parent, "display_data", PlotlyLibrary.displayContent());
        }
    }

    public void flushStreams() {
        stdout.flush();
        stderr.flush();
    }

    @Override
    public void print(String text) {
        flushStreams();
        stream("stdout", text);
    }

    @Override
    public void printError(String text) {
        flushStreams();
        stream("stderr", text);
    }

    private void stream(String name, String text) {
        String shown = limit.admit(text);
        if (!shown.isEmpty()) {
            publishStream(name, shown);
        }
        String warning = limit.warningOnce();
        if (warning != null) {
            publishStream("stderr", warning);
        }
    }

    private void publishStream(String name, String text) {
        JsonObject content = new JsonObject();
        content.addProperty("name", name);
        content.addProperty("text", text);
        iopub.publish(parent, "stream", content);
    }

    @Override
    public void displayData(Map<String, String> bundle) {
        JsonObject data = new JsonObject();
        bundle.forEach(data::addProperty);
        JsonObject content = new JsonObject();
        content.add("data", data);
        content.add("metadata", new JsonObject());
        content.add("transient", new JsonObject());
        flushStreams();
        iopub.publish(parent, "display_data", content);
    }

    @Override
    public void executeResult(int executionCount, JsonObject bundle) {
        flushStreams();
        JsonObject content = new JsonObject();
        content.addProperty("execution_count", executionCount);
        content.add("data", bundle.getAsJsonObject("data"));
        content.add("metadata", chartMetadata(bundle, null, false));
        iopub.publish(parent, "execute_result", content);
    }

    @Override
    public void error(CellFailure failure) {
        flushStreams();
        iopub.publish(parent, "error", failure.content());
    }

    private void onDisplay(JsonObject message) {
        flushStreams();
        String type = message.has(DisplayMessages.TYPE) ? message.get(DisplayMessages.TYPE).getAsString() : "";
        if (DisplayMessages.RESULT.equals(type)) {
            pendingResult.set(message); // the cell's value, published by the cell thread when the cell ends
            return;
        }
        JsonObject content = new JsonObject();
        if (DisplayMessages.CLEAR.equals(type)) {
            content.addProperty("wait", message.has("wait") && message.get("wait").getAsBoolean());
            iopub.publish(parent, "clear_output", content);
            plotly.cleared();
            return;
        }
        String displayId = message.has("display_id") ? message.get("display_id").getAsString() : null;
        content.add("data", message.getAsJsonObject("data"));
        content.add("metadata", chartMetadata(message, displayId, DisplayMessages.UPDATE.equals(type)));
        JsonObject transientPart = new JsonObject();
        if (displayId != null) {
            transientPart.addProperty("display_id", displayId);
        }
        content.add("transient", transientPart);
        iopub.publish(parent, DisplayMessages.UPDATE.equals(type) ? "update_display_data" : "display_data", content);
    }

    /**
     * A bundle's metadata as published. A chart drawn by plotly.js is marked by the runtime: the mark is taken
     * off, and the notebook gets the library first if it needs it.
     */
    private JsonObject chartMetadata(JsonObject bundle, String displayId, boolean update) {
        JsonObject metadata = bundle.has("metadata") ? bundle.getAsJsonObject("metadata").deepCopy() : new JsonObject();
        if (metadata.remove(DisplayMessages.NEEDS_PLOTLY_JS) != null && plotly.chartShown(displayId, update)) {
            iopub.publish(parent, "display_data", PlotlyLibrary.displayContent());
        }
        return metadata;
    }

    /** The rendered value the runtime sent for the cell's result, once; null if none came. */
    public JsonObject takeResult() {
        return pendingResult.getAndSet(null);
    }

    private String requestLine(String prompt, boolean password) throws IOException {
        Message request = parent;
        if (!allowStdin || request == null) {
            throw new IOException("this frontend does not accept input (allow_stdin is false)");
        }
        flushStreams();
        return stdinChannel.requestInput(request, prompt, password);
    }

    @Override
    public void cancelInput() {
        stdinChannel.cancel();
    }

    @Override
    public void close() {
        flushStreams();
        flusher.shutdownNow();
    }
}
