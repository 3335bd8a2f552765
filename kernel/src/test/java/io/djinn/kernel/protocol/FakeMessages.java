package io.djinn.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Requests as a client sends them, and a responder that records what the kernel sent back, in order. */
public final class FakeMessages {

    private static int ids;

    private FakeMessages() {}

    public static Message request(String type, JsonObject content) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", type + "-" + (++ids));
        header.addProperty("msg_type", type);
        return new Message(List.of(), header, new JsonObject(), new JsonObject(), content, List.of());
    }

    public static Message execute(String code, boolean silent, boolean storeHistory, boolean stopOnError) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", silent);
        content.addProperty("store_history", storeHistory);
        content.addProperty("stop_on_error", stopOnError);
        return request("execute_request", content);
    }

    public static Message execute(String code) {
        return execute(code, false, true, true);
    }

    /** One message the kernel sent: a reply or an iopub message, for a request. */
    public record Sent(String requestId, String channel, String type, JsonObject content) {
        @Override
        public String toString() {
            return channel + ":" + type + (type.equals("status") ? "(" + content.get("execution_state").getAsString() + ")" : "");
        }
    }

    /** Records replies and iopub messages; replies can be awaited, with a bound. */
    public static final class RecordingResponder implements Responder {

        public final List<Sent> sent = new ArrayList<>();
        private final BlockingQueue<Sent> replies = new LinkedBlockingQueue<>();
        private final String channel;

        public RecordingResponder() {
            this("shell");
        }

        public RecordingResponder(String channel) {
            this.channel = channel;
        }

        @Override
        public synchronized void reply(Message request, String type, JsonObject content) {
            Sent reply = new Sent(request.id(), channel, type, content);
            sent.add(reply);
            replies.add(reply);
        }

        @Override
        public synchronized void publish(Message parent, String type, JsonObject content) {
            sent.add(new Sent(parent.id(), "iopub", type, content));
        }

        /** The next reply, within ten seconds: a queue that hangs fails the test instead of hanging it. */
        public Sent nextReply() throws InterruptedException {
            Sent reply = replies.poll(10, TimeUnit.SECONDS);
            if (reply == null) {
                throw new AssertionError("no reply within 10 s; sent so far: " + sent);
            }
            return reply;
        }

        public synchronized List<String> sentFor(Message request) {
            return sent.stream().filter(s -> s.requestId().equals(request.id())).map(Sent::toString).toList();
        }
    }
}
