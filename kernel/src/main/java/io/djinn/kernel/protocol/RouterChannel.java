package io.djinn.kernel.protocol;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A ROUTER channel (shell or control) served by one thread that blocks in poll, never sleeps: it
 * waits on the socket and on an in-process outbox through which other threads send their replies,
 * since a ZeroMQ socket must be used by one thread at a time.
 */
public final class RouterChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouterChannel.class);

    private final String name;
    private final ZContext context;
    private final ZMQ.Socket router;
    private final ZMQ.Socket outboxIn;
    private final ZMQ.Socket outboxOut;
    private final MessageCodec codec;
    private final RejectionLog rejections;
    private volatile boolean running = true;
    private Thread thread;

    RouterChannel(String name, ZContext context, String address, MessageCodec codec, RejectionLog rejections) {
        this.name = name;
        this.context = context;
        this.codec = codec;
        this.rejections = rejections;
        this.router = context.createSocket(SocketType.ROUTER);
        router.setLinger(1000);
        router.bind(address);
        String outbox = "inproc://djinn-" + name + "-" + UUID.randomUUID();
        this.outboxIn = context.createSocket(SocketType.PULL);
        outboxIn.bind(outbox);
        this.outboxOut = context.createSocket(SocketType.PUSH);
        outboxOut.connect(outbox);
    }

    /** Serves the channel on a thread of its own, handing each verified message to the handler. */
    void start(Consumer<Message> handler) {
        thread = new Thread(() -> loop(handler), "djinn-" + name);
        thread.start();
    }

    private void loop(Consumer<Message> handler) {
        try (ZMQ.Poller poller = context.createPoller(2)) {
            poller.register(router, ZMQ.Poller.POLLIN);
            poller.register(outboxIn, ZMQ.Poller.POLLIN);
            while (running && !Thread.currentThread().isInterrupted()) {
                if (poller.poll(-1) < 0) {
                    break;
                }
                if (poller.pollin(1)) {
                    drainOutbox();
                }
                if (poller.pollin(0)) {
                    receive(handler);
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("{} channel stopped", name, e);
            }
        }
    }

    private void drainOutbox() {
        ZMsg msg;
        while ((msg = ZMsg.recvMsg(outboxIn, ZMQ.DONTWAIT)) != null) {
            msg.send(router);
        }
    }

    private void receive(Consumer<Message> handler) {
        ZMsg msg = ZMsg.recvMsg(router, ZMQ.DONTWAIT);
        if (msg == null) {
            return;
        }
        Message message;
        try {
            message = codec.decode(Frames.of(msg));
        } catch (BadMessageException e) {
            rejections.reject(name, e.getMessage());
            return;
        }
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            LOG.error("{}: handling {} failed", name, message.type(), e);
        }
    }

    /** Sends from any thread: through the outbox unless called on the channel's own thread. */
    public void send(Message message) {
        List<byte[]> frames = codec.encode(message);
        if (Thread.currentThread() == thread) {
            Frames.send(router, frames);
        } else {
            synchronized (outboxOut) {
                Frames.send(outboxOut, frames);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
