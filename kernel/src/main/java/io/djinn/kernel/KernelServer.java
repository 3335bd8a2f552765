package io.djinn.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.djinn.kernel.analysis.CodeAnalysis;
import io.djinn.kernel.analysis.EditorSupport;
import io.djinn.kernel.execution.History;
import io.djinn.kernel.protocol.Message;
import io.djinn.kernel.protocol.Responder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers each request type on the shell and control channels; cells go to the execution queue. */
final class KernelServer {

    private static final Logger LOG = LoggerFactory.getLogger(KernelServer.class);

    private final Responder shell;
    private final Responder control;
    private final Consumer<Message> executeRequests;
    private final Runnable interrupt;
    private final EditorSupport editor;
    private final History history;
    private final Runnable shutdown;

    /**
     * @param executeRequests takes execute requests, which it runs in order and answers itself
     * @param interrupt stops the running cell
     * @param shutdown ends the kernel, once the shutdown reply is sent
     */
    KernelServer(Responder shell, Responder control, Consumer<Message> executeRequests, Runnable interrupt,
            EditorSupport editor, History history, Runnable shutdown) {
        this.shell = shell;
        this.control = control;
        this.executeRequests = executeRequests;
        this.interrupt = interrupt;
        this.editor = editor;
        this.history = history;
        this.shutdown = shutdown;
    }

    void onShell(Message request) {
        if (request.type().equals("execute_request")) {
            executeRequests.accept(request); // busy/idle are published when it runs
            return;
        }
        handle(shell, request);
    }

    void onControl(Message request) {
        handle(control, request);
    }

    private void handle(Responder channel, Message request) {
        channel.status(request, "busy");
        try {
            switch (request.type()) {
                case "kernel_info_request" -> reply(channel, request, "kernel_info_reply", KernelInfo.content());
                case "complete_request" -> reply(channel, request, "complete_reply", complete(request));
                case "inspect_request" -> reply(channel, request, "inspect_reply", inspect(request));
                case "is_complete_request" -> reply(channel, request, "is_complete_reply", isComplete(request));
                case "history_request" -> reply(channel, request, "history_reply", history(request));
                case "comm_info_request" -> reply(channel, request, "comm_info_reply", commInfo());
                case "comm_open" -> refuseComm(request);
                case "interrupt_request" -> {
                    interrupt.run();
                    reply(channel, request, "interrupt_reply", ok());
                }
                case "shutdown_request" -> {
                    JsonObject content = ok();
                    content.addProperty("restart", request.bool("restart", false));
                    reply(channel, request, "shutdown_reply", content);
                    channel.status(request, "idle");
                    shutdown.run();
                    return;
                }
                default -> LOG.warn("ignored unsupported message type {}", request.type());
            }
        } catch (RuntimeException e) {
            LOG.error("{} failed", request.type(), e);
            JsonObject error = ok();
            error.addProperty("status", "error");
            error.addProperty("ename", e.getClass().getSimpleName());
            error.addProperty("evalue", String.valueOf(e.getMessage()));
            error.add("traceback", new JsonArray());
            reply(channel, request, request.type().replace("_request", "_reply"), error);
        }
        channel.status(request, "idle");
    }

    private static void reply(Responder channel, Message request, String type, JsonObject content) {
        channel.reply(request, type, content);
    }

    private JsonObject complete(Message request) {
        String code = request.string("code", "");
        int cursor = CodePoints.toCharIndex(code, request.integer("cursor_pos", code.codePointCount(0, code.length())));
        CodeAnalysis.Completion completion = editor.complete(code, cursor);
        JsonObject content = ok();
        JsonArray matches = new JsonArray();
        completion.matches().forEach(matches::add);
        content.add("matches", matches);
        content.addProperty("cursor_start", CodePoints.toCodePointIndex(code, completion.start()));
        content.addProperty("cursor_end", CodePoints.toCodePointIndex(code, completion.end()));
        content.add("metadata", new JsonObject());
        return content;
    }

    private JsonObject inspect(Message request) {
        String code = request.string("code", "");
        int cursor = CodePoints.toCharIndex(code, request.integer("cursor_pos", code.codePointCount(0, code.length())));
        String text = editor.inspect(code, cursor);
        JsonObject content = ok();
        content.addProperty("found", !text.isEmpty());
        JsonObject data = new JsonObject();
        if (!text.isEmpty()) {
            data.addProperty("text/plain", text);
        }
        content.add("data", data);
        content.add("metadata", new JsonObject());
        return content;
    }

    private JsonObject isComplete(Message request) {
        CodeAnalysis.Completeness completeness = editor.isComplete(request.string("code", ""));
        JsonObject content = new JsonObject();
        content.addProperty("status", completeness.status());
        if (completeness.status().equals("incomplete")) {
            content.addProperty("indent", completeness.indent());
        }
        return content;
    }

    private JsonObject history(Message request) {
        boolean output = request.bool("output", false);
        JsonArray entries = switch (request.string("hist_access_type", "tail")) {
            case "range" -> history.range(request.integer("session", 0), request.integer("start", 0),
                    request.integer("stop", 0), output);
            case "search" -> history.search(request.string("pattern", "*"), request.integer("n", 0),
                    request.bool("unique", false), output);
            default -> history.tail(request.integer("n", 10), output);
        };
        JsonObject content = ok();
        content.add("history", entries);
        return content;
    }

    private static JsonObject commInfo() {
        JsonObject content = ok();
        content.add("comms", new JsonObject());
        return content;
    }

    /** No comm targets are registered: close the comm at once, as the protocol asks. */
    private void refuseComm(Message request) {
        JsonObject content = new JsonObject();
        content.addProperty("comm_id", request.string("comm_id", ""));
        content.add("data", new JsonObject());
        shell.publish(request, "comm_close", content);
    }

    private static JsonObject ok() {
        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        return content;
    }
}
