package io.djinn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.djinn.kernel.analysis.CodeAnalysis;
import io.djinn.kernel.analysis.EditorSupport;
import io.djinn.kernel.execution.History;
import io.djinn.kernel.protocol.FakeMessages;
import io.djinn.kernel.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every request type the kernel answers outside of cells, with a scripted editor: no JVM, no sockets. */
class KernelServerTest {

    /** Completes "ma" to "manager" and "Math"; "{" is incomplete; "explode" fails like a broken analysis. */
    private static final class ScriptedEditor implements EditorSupport {
        @Override
        public CodeAnalysis.Completion complete(String code, int cursor) {
            if (code.contains("explode")) {
                throw new IllegalStateException("analysis broke");
            }
            return new CodeAnalysis.Completion(List.of("manager", "Math"), cursor - 2, cursor);
        }

        @Override
        public String inspect(String code, int cursor) {
            return code.startsWith("manager") ? "NDManager manager" : "";
        }

        @Override
        public CodeAnalysis.Completeness isComplete(String code) {
            return code.endsWith("{") ? new CodeAnalysis.Completeness("incomplete", "    ")
                    : new CodeAnalysis.Completeness("complete", "");
        }
    }

    private final FakeMessages.RecordingResponder shell = new FakeMessages.RecordingResponder();
    private final FakeMessages.RecordingResponder control = new FakeMessages.RecordingResponder("control");
    private final List<Message> executed = new ArrayList<>();
    private final AtomicInteger interrupts = new AtomicInteger();
    private final AtomicInteger shutdowns = new AtomicInteger();
    private final History history = new History();
    private final KernelServer server = new KernelServer(shell, control, executed::add, interrupts::incrementAndGet,
            new ScriptedEditor(), history, shutdowns::incrementAndGet);

    private static JsonObject content(Object... keysAndValues) {
        JsonObject content = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object value = keysAndValues[i + 1];
            if (value instanceof Number number) {
                content.addProperty(key, number);
            } else if (value instanceof Boolean bool) {
                content.addProperty(key, bool);
            } else {
                content.addProperty(key, (String) value);
            }
        }
        return content;
    }

    private FakeMessages.Sent askShell(String type, JsonObject content) throws InterruptedException {
        Message request = FakeMessages.request(type, content);
        server.onShell(request);
        FakeMessages.Sent reply = shell.nextReply();
        assertEquals(List.of("iopub:status(busy)", "shell:" + reply.type(), "iopub:status(idle)"), shell.sentFor(request),
                "each request is wrapped in busy and idle");
        return reply;
    }

    @Test
    void kernelInfoNamesJavaAndTheProtocolVersion() throws Exception {
        FakeMessages.Sent reply = askShell("kernel_info_request", new JsonObject());
        assertEquals("kernel_info_reply", reply.type());
        assertEquals("ok", reply.content().get("status").getAsString());
        assertEquals("java", reply.content().getAsJsonObject("language_info").get("name").getAsString());
        assertTrue(reply.content().get("protocol_version").getAsString().startsWith("5."));
    }

    @Test
    void completionCursorsAreCodePointsAsTheProtocolSays() throws Exception {
        // The emoji is two chars but one code point: the client counts code points.
        String code = "var s = \"\uD83D\uDE00\"; ma";
        int cursor = code.codePointCount(0, code.length());
        FakeMessages.Sent reply = askShell("complete_request", content("code", code, "cursor_pos", cursor));
        assertEquals(List.of("manager", "Math"),
                reply.content().getAsJsonArray("matches").asList().stream().map(e -> e.getAsString()).toList());
        assertEquals(cursor - 2, reply.content().get("cursor_start").getAsInt());
        assertEquals(cursor, reply.content().get("cursor_end").getAsInt());
    }

    @Test
    void inspectSaysWhetherAnythingWasFound() throws Exception {
        FakeMessages.Sent found = askShell("inspect_request", content("code", "manager", "cursor_pos", 3));
        assertTrue(found.content().get("found").getAsBoolean());
        assertEquals("NDManager manager",
                found.content().getAsJsonObject("data").get("text/plain").getAsString());

        FakeMessages.Sent missing = askShell("inspect_request", content("code", "nothing", "cursor_pos", 3));
        assertFalse(missing.content().get("found").getAsBoolean());
        assertEquals(0, missing.content().getAsJsonObject("data").size());
    }

    @Test
    void isCompleteGivesAnIndentOnlyWhenIncomplete() throws Exception {
        FakeMessages.Sent open = askShell("is_complete_request", content("code", "for (int i = 0; i < 3; i++) {"));
        assertEquals("incomplete", open.content().get("status").getAsString());
        assertEquals("    ", open.content().get("indent").getAsString());

        FakeMessages.Sent closed = askShell("is_complete_request", content("code", "1 + 1"));
        assertEquals("complete", closed.content().get("status").getAsString());
        assertFalse(closed.content().has("indent"));
    }

    @Test
    void historyAnswersTailRangeAndSearch() throws Exception {
        history.add(1, "int x = 1;", null);
        history.add(2, "x + 1", "2");
        history.add(3, "var y = x * 3;", null);

        FakeMessages.Sent tail = askShell("history_request", content("hist_access_type", "tail", "n", 2, "output", true));
        assertEquals(2, tail.content().getAsJsonArray("history").size());
        assertEquals("2", tail.content().getAsJsonArray("history").get(0).getAsJsonArray().get(2)
                .getAsJsonArray().get(1).getAsString(), "with output, each entry pairs input and output");

        FakeMessages.Sent range = askShell("history_request",
                content("hist_access_type", "range", "session", 0, "start", 1, "stop", 3));
        assertEquals(2, range.content().getAsJsonArray("history").size());

        FakeMessages.Sent search = askShell("history_request", content("hist_access_type", "search", "pattern", "*x*"));
        assertEquals(3, search.content().getAsJsonArray("history").size());
    }

    @Test
    void aFailingAnalysisBecomesAnErrorReplyAndTheServerKeepsAnswering() throws Exception {
        FakeMessages.Sent failed = askShell("complete_request", content("code", "explode", "cursor_pos", 7));
        assertEquals("complete_reply", failed.type());
        assertEquals("error", failed.content().get("status").getAsString());
        assertEquals("IllegalStateException", failed.content().get("ename").getAsString());
        assertEquals("analysis broke", failed.content().get("evalue").getAsString());

        FakeMessages.Sent next = askShell("is_complete_request", content("code", "1"));
        assertEquals("complete", next.content().get("status").getAsString());
    }

    @Test
    void executeRequestsGoToTheQueueWhichAnswersThem() {
        Message cell = FakeMessages.execute("1 + 1");
        server.onShell(cell);
        assertEquals(List.of(cell), executed);
        assertEquals(List.of(), shell.sentFor(cell), "the queue publishes busy, the reply and idle when the cell runs");
    }

    @Test
    void interruptOnControlStopsTheRunningCellAndReplies() throws Exception {
        Message request = FakeMessages.request("interrupt_request", new JsonObject());
        server.onControl(request);
        assertEquals("interrupt_reply", control.nextReply().type());
        assertEquals(1, interrupts.get());
        assertEquals(List.of(), shell.sent, "control requests are answered on control");
    }

    @Test
    void shutdownRepliesBeforeEndingTheKernel() throws Exception {
        Message request = FakeMessages.request("shutdown_request", content("restart", true));
        server.onControl(request);
        FakeMessages.Sent reply = control.nextReply();
        assertEquals("shutdown_reply", reply.type());
        assertTrue(reply.content().get("restart").getAsBoolean());
        assertEquals(List.of("iopub:status(busy)", "control:shutdown_reply", "iopub:status(idle)"),
                control.sentFor(request));
        assertEquals(1, shutdowns.get());
    }

    @Test
    void commOpenIsClosedAtOnceAndCommInfoListsNone() throws Exception {
        Message open = FakeMessages.request("comm_open", content("comm_id", "c1", "target_name", "jupyter.widget"));
        server.onShell(open);
        assertTrue(shell.sentFor(open).contains("iopub:comm_close"));

        FakeMessages.Sent info = askShell("comm_info_request", new JsonObject());
        assertEquals(0, info.content().getAsJsonObject("comms").size());
    }

    @Test
    void unknownRequestTypesAreIgnoredWithoutAReply() {
        Message request = FakeMessages.request("teleport_request", new JsonObject());
        server.onShell(request);
        assertEquals(List.of("iopub:status(busy)", "iopub:status(idle)"), shell.sentFor(request));
    }
}
