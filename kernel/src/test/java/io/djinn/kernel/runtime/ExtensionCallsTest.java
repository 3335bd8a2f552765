package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.djinn.wire.DisplayMessages;
import io.djinn.wire.ExtensionCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** A call and its reply, matched by id, with a runtime scripted by a sender that answers at once or not. */
class ExtensionCallsTest {

    private final ExtensionCalls calls = new ExtensionCalls();
    private final List<ExtensionCommands.Call> sent = new ArrayList<>();

    private static JsonObject reply(long id, String field, String value) {
        JsonObject reply = new JsonObject();
        reply.addProperty(DisplayMessages.TYPE, DisplayMessages.EXTENSION_REPLY);
        reply.addProperty("id", id);
        if (field != null) {
            reply.addProperty(field, value);
        }
        return reply;
    }

    @Test
    void theReplyWithTheCallsIdIsTheAnswerAndStaleOnesAreSkipped() throws Exception {
        String value = calls.call(frame -> {
            ExtensionCommands.Call call = ExtensionCommands.decode(frame);
            sent.add(call);
            calls.accept(reply(call.id() - 1, "value", "stale"));
            calls.accept(reply(call.id(), "value", "sent"));
        }, () -> true, ExtensionCommands.RENDER_RESULT, List.of("text/html", ""), 5_000);
        assertEquals("sent", value);
        assertEquals(List.of("text/html", ""), sent.get(0).arguments());
        assertEquals(ExtensionCommands.RENDER_RESULT, sent.get(0).command());
        assertNull(calls.call(frame -> calls.accept(reply(ExtensionCommands.decode(frame).id(), null, null)),
                () -> true, ExtensionCommands.FORGET_VARIABLES, List.of(), 5_000));
    }

    @Test
    void aFailureInTheRuntimeIsAnErrorThatSaysWhat() {
        ExtensionCalls.CommandFailed failed = assertThrows(ExtensionCalls.CommandFailed.class, () -> calls.call(
                frame -> calls.accept(reply(ExtensionCommands.decode(frame).id(), "error", "InternalException: x")),
                () -> true, ExtensionCommands.HEAP_STATUS, List.of(), 5_000));
        assertEquals("djinn.heap failed in the runtime: InternalException: x", failed.getMessage());
    }

    @Test
    void noReplyEndsWithTheTimeOutOrAssoonAsTheRuntimeIsDead() {
        TimeoutException late = assertThrows(TimeoutException.class,
                () -> calls.call(frame -> { }, () -> true, ExtensionCommands.HEAP_STATUS, List.of(), 50));
        assertTrue(late.getMessage().contains("within 50 ms"), late.getMessage());
        long started = System.nanoTime();
        TimeoutException dead = assertThrows(TimeoutException.class,
                () -> calls.call(frame -> { }, () -> false, ExtensionCommands.HEAP_STATUS, List.of(), 60_000));
        assertTrue(dead.getMessage().endsWith("which has stopped"), dead.getMessage());
        // Far below the minute it was given: a dead runtime is noticed at the first look.
        assertTrue(System.nanoTime() - started < 30_000_000_000L);
    }

    @Test
    void anArgumentWithALineBreakCannotBeSent() {
        assertThrows(IllegalArgumentException.class,
                () -> ExtensionCommands.encode(1, ExtensionCommands.FORGET_VARIABLES, List.of("a\nb")));
        assertEquals(new ExtensionCommands.Call(7, "c", List.of()), ExtensionCommands.decode(
                ExtensionCommands.encode(7, "c", List.of())));
    }
}
