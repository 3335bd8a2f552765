package io.djinn.kernel.execution;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.djinn.kernel.protocol.Message;
import io.djinn.kernel.protocol.Responder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs execute requests one at a time, in arrival order, on a thread of its own, so the shell channel
 * keeps answering meanwhile. After a failed cell with {@code stop_on_error}, the requests already
 * queued are answered "aborted" without running, as ipykernel does.
 */
public final class ExecutionQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionQueue.class);

    private final BlockingQueue<Message> pending = new LinkedBlockingQueue<>();
    private final CellExecutor runner;
    private final ExecutionOutput output;
    private final Responder shell;
    private final History history;
    private final Thread thread;
    private int executionCount;

    /** @param shell where execute replies go (and status and execute_input, on iopub) */
    public ExecutionQueue(CellExecutor runner, ExecutionOutput output, Responder shell, History history) {
        this.runner = runner;
        this.output = output;
        this.shell = shell;
        this.history = history;
        this.thread = new Thread(this::loop, "djinn-execution");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Stops taking requests (the cell running now, if any, finishes). */
    public void stop() {
        thread.interrupt();
    }

    public void submit(Message request) {
        pending.add(request);
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            Message request;
            try {
                request = pending.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                execute(request);
            } catch (RuntimeException e) {
                LOG.error("execute_request failed inside the kernel", e);
            }
        }
    }

    private void execute(Message request) {
        shell.status(request, "busy");
        String code = request.string("code", "");
        LOG.debug("execute_request (silent={}, store_history={}): {}", request.bool("silent", false),
                request.bool("store_history", true), code.length() > 200 ? code.substring(0, 200) + "..." : code);
        boolean silent = request.bool("silent", false);
        boolean storeHistory = request.bool("store_history", !silent) && !silent;
        if (storeHistory) {
            executionCount++;
        }
        int count = executionCount;
        if (!silent) {
            JsonObject input = new JsonObject();
            input.addProperty("code", code);
            input.addProperty("execution_count", count);
            shell.publish(request, "execute_input", input);
        }
        output.begin(request, request.bool("allow_stdin", true));
        long started = System.nanoTime();
        CellResult result = runner.run(code, count);
        LOG.debug("cell {} ran in {} µs", count, (System.nanoTime() - started) / 1000);
        if (result.succeeded() && result.value() != null && !silent) {
            output.executeResult(count, result.value());
        }
        if (!result.succeeded()) {
            CellFailure failure = result.failure();
            output.error(failure);
        }
        output.end();
        if (storeHistory) {
            history.add(count, code, result.succeeded() ? resultText(result.value()) : null);
        }
        JsonObject content = result.succeeded() ? new JsonObject()
                : result.failure().content();
        content.addProperty("status", result.succeeded() ? "ok" : "error");
        content.addProperty("execution_count", count);
        content.add("user_expressions", new JsonObject());
        content.add("payload", new JsonArray());
        if (!result.succeeded() && request.bool("stop_on_error", true)) {
            // Before this cell's reply and idle: a client that sends its next cell on seeing either must
            // not have it taken for one that was queued behind the failure.
            abortQueued();
        }
        shell.reply(request, "execute_reply", content);
        shell.status(request, "idle");
    }

    /** The text/plain of a cell's value, as history's output; null without one. */
    private static String resultText(JsonObject value) {
        if (value == null || !value.has("data") || !value.getAsJsonObject("data").has("text/plain")) {
            return null;
        }
        return value.getAsJsonObject("data").get("text/plain").getAsString();
    }

    /** Answers every request queued now as aborted; later requests run normally. */
    private void abortQueued() {
        List<Message> queued = new ArrayList<>();
        pending.drainTo(queued);
        for (Message request : queued) {
            shell.status(request, "busy");
            JsonObject content = new JsonObject();
            content.addProperty("status", "aborted");
            content.addProperty("execution_count", executionCount);
            shell.reply(request, "execute_reply", content);
            shell.status(request, "idle");
        }
    }
}
