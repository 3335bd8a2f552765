package io.djinn.kernel.protocol;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** Asks the frontend for a line of input on behalf of a running cell. */
public final class StdinChannel {

    private static final int POLL_MS = 100;

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final MessageCodec codec;
    private final RejectionLog rejections;
    private volatile boolean cancelled;

    StdinChannel(ZContext context, String address, MessageCodec codec, RejectionLog rejections) {
        this.context = context;
        this.codec = codec;
        this.rejections = rejections;
        this.socket = context.createSocket(SocketType.ROUTER);
        socket.setLinger(1000);
        socket.bind(address);
    }

    /** Blocks until the reply; throws InterruptedIOException when {@link #cancel()} is called meanwhile. */
    public synchronized String requestInput(Message parent, String prompt, boolean password) throws IOException {
        cancelled = false;
        JsonObject content = new JsonObject();
        content.addProperty("prompt", prompt);
        content.addProperty("password", password);
        Frames.send(socket, codec.encode(codec.create(parent, "input_request", content, parent.identities())));
        try (ZMQ.Poller poller = context.createPoller(1)) {
            poller.register(socket, ZMQ.Poller.POLLIN);
            while (!cancelled) {
                if (poller.poll(POLL_MS) > 0) {
                    ZMsg msg = ZMsg.recvMsg(socket, ZMQ.DONTWAIT);
                    if (msg == null) {
                        continue;
                    }
                    try {
                        Message reply = codec.decode(Frames.of(msg));
                        if ("input_reply".equals(reply.type())) {
                            return reply.string("value", "");
                        }
                    } catch (BadMessageException e) {
                        rejections.reject("stdin", e.getMessage());
                    }
                }
            }
        }
        throw new InterruptedIOException("input request cancelled");
    }

    public void cancel() {
        cancelled = true;
    }
}
