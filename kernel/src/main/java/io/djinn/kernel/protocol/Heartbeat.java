package io.djinn.kernel.protocol;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Echoes heartbeat pings on a thread of its own, whatever the rest of the kernel is doing. */
final class Heartbeat {

    private final ZMQ.Socket socket;
    private final Thread thread;

    Heartbeat(ZContext context, String address) {
        socket = context.createSocket(SocketType.REP);
        socket.setLinger(0);
        socket.bind(address);
        thread = new Thread(this::loop, "djinn-heartbeat");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                byte[] ping = socket.recv(0);
                if (ping == null) {
                    break;
                }
                socket.send(ping, 0);
            }
        } catch (RuntimeException closed) {
            // The context is closing: the kernel is shutting down.
        }
    }
}
