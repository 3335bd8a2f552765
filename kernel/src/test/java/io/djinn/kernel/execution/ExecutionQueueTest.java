package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.djinn.kernel.protocol.FakeMessages;
import io.djinn.kernel.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The execution queue with a scripted cell runner and recorded output: no JVM, no sockets. */
class ExecutionQueueTest {

    /** Runs cells as scripted: code "fail" fails, anything else succeeds with its code as the value. */
    private static final class ScriptedRunner implements CellExecutor {
        final List<String> ran = new ArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean holdFirst;

        @Override
        public CellResult run(String code, int executionCount) {
            ran.add(code + "#" + executionCount);
            if (holdFirst && ran.size() == 1) {
                await(release);
            }
            if (code.startsWith("fail")) {
                return CellResult.failed(CellFailure.plain("Boom", code));
            }
            JsonObject data = new JsonObject();
            data.addProperty("text/plain", code.toUpperCase());
            JsonObject bundle = new JsonObject();
            bundle.add("data", data);
            return CellResult.ok(code.startsWith("value") ? bundle : null);
        }
    }

    private static final class RecordingOutput implements ExecutionOutput {
        final List<String> calls = new ArrayList<>();

        @Override public synchronized void begin(Message request, boolean stdinAllowed) { calls.add("begin"); }
        @Override public synchronized void executeResult(int count, JsonObject bundle) { calls.add("result " + count); }
        @Override public synchronized void error(CellFailure failure) { calls.add("error " + failure.name()); }
        @Override public synchronized void end() { calls.add("end"); }
    }

    private final ScriptedRunner runner = new ScriptedRunner();
    private final RecordingOutput output = new RecordingOutput();
    private final FakeMessages.RecordingResponder shell = new FakeMessages.RecordingResponder();
    private final History history = new History();
    private final ExecutionQueue queue = new ExecutionQueue(runner, output, shell, history);

    @AfterEach
    void stop() {
        queue.stop();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("not released within 10 s");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void cellsRunInArrivalOrderAndAreNumberedUnlessSilentOrUnstored() throws Exception {
        queue.start();
        Message first = FakeMessages.execute("value a");
        Message silent = FakeMessages.execute("quiet", true, false, true);
        Message unstored = FakeMessages.execute("unstored", false, false, true);
        Message second = FakeMessages.execute("b");
        for (Message request : List.of(first, silent, unstored, second)) {
            queue.submit(request);
        }
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            counts.add(shell.nextReply().content().get("execution_count").getAsInt());
        }
        assertEquals(List.of("value a#1", "quiet#1", "unstored#1", "b#2"), runner.ran);
        assertEquals(List.of(1, 1, 1, 2), counts);
        assertEquals(List.of("iopub:status(busy)", "iopub:execute_input", "shell:execute_reply", "iopub:status(idle)"),
                shell.sentFor(first));
        assertEquals(List.of("iopub:status(busy)", "shell:execute_reply", "iopub:status(idle)"), shell.sentFor(silent),
                "a silent request publishes no execute_input");
        assertEquals(List.of("begin", "result 1", "end"), output.calls.subList(0, 3));
        // History keeps stored cells, with the text of their value.
        assertEquals("[[1,1,[\"value a\",\"VALUE A\"]],[1,2,[\"b\",null]]]", history.tail(10, true).toString());
    }

    @Test
    void aFailureWithStopOnErrorAbortsWhatWasQueuedBehindIt() throws Exception {
        runner.holdFirst = true;
        queue.start();
        Message failing = FakeMessages.execute("fail now");
        Message queued1 = FakeMessages.execute("never");
        Message queued2 = FakeMessages.execute("never either");
        queue.submit(failing);
        queue.submit(queued1);
        queue.submit(queued2);
        runner.release.countDown();
        // The queued ones are answered first: a client that sends its next cell when it sees the failure's
        // reply must not have it taken for one of them.
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FakeMessages.Sent reply = shell.nextReply();
            order.add(reply.requestId() + " " + reply.content().get("status").getAsString());
            if (reply.requestId().equals(failing.id())) {
                assertEquals("Boom", reply.content().get("ename").getAsString());
            }
        }
        assertEquals(List.of(queued1.id() + " aborted", queued2.id() + " aborted", failing.id() + " error"), order);
        assertEquals(List.of("fail now#1"), runner.ran);
        assertEquals(List.of("iopub:status(busy)", "shell:execute_reply", "iopub:status(idle)"), shell.sentFor(queued1));
        // A request sent after the failure runs as usual.
        Message later = FakeMessages.execute("later");
        queue.submit(later);
        assertEquals("ok", shell.nextReply().content().get("status").getAsString());
    }

    @Test
    void withoutStopOnErrorTheQueuedCellsRun() throws Exception {
        runner.holdFirst = true;
        queue.start();
        queue.submit(FakeMessages.execute("fail soft", false, true, false));
        queue.submit(FakeMessages.execute("next"));
        runner.release.countDown();
        assertEquals("error", shell.nextReply().content().get("status").getAsString());
        assertEquals("ok", shell.nextReply().content().get("status").getAsString());
        assertEquals(List.of("fail soft#1", "next#2"), runner.ran);
    }
}
