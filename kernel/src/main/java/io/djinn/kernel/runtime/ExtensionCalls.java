package io.djinn.kernel.runtime;

import com.google.gson.JsonObject;
import io.djinn.wire.ExtensionCommands;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The kernel's end of the extension commands ({@link ExtensionCommands}): a call goes out as a control frame and
 * waits for the reply with its id, which the display stream brings. One call at a time (the cell thread's).
 */
final class ExtensionCalls implements Consumer<JsonObject> {

    // How often a waiting call looks whether the runtime is still alive.
    private static final long ALIVE_CHECK_MS = 200;

    /** Sends a call's text to the runtime. */
    interface Sender {
        void send(String frame);
    }

    /** The runtime answered that the command failed. */
    static final class CommandFailed extends Exception {
        CommandFailed(String message) {
            super(message);
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();

    /** A reply from the display stream. */
    @Override
    public void accept(JsonObject reply) {
        replies.add(reply);
    }

    /**
     * Runs a command in the runtime; its reply, or null for none.
     *
     * @throws TimeoutException when no reply came in time, or the runtime died meanwhile
     */
    String call(Sender sender, BooleanSupplier alive, String command, List<String> arguments, long timeoutMillis)
            throws TimeoutException, CommandFailed, InterruptedException {
        long id = ids.incrementAndGet();
        replies.clear(); // a reply to an earlier call that gave up waiting
        sender.send(ExtensionCommands.encode(id, command, arguments));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !alive.getAsBoolean()) {
                throw new TimeoutException(command + ": no reply from the runtime"
                        + (alive.getAsBoolean() ? " within " + timeoutMillis + " ms" : ", which has stopped"));
            }
            JsonObject reply = replies.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(ALIVE_CHECK_MS)),
                    TimeUnit.NANOSECONDS);
            if (reply == null || !reply.has("id") || reply.get("id").getAsLong() != id) {
                continue;
            }
            if (reply.has("error")) {
                throw new CommandFailed(command + " failed in the runtime: " + reply.get("error").getAsString());
            }
            return reply.has("value") ? reply.get("value").getAsString() : null;
        }
    }
}
