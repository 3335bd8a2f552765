package io.djinn.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** Conversions between JeroMQ multipart messages and lists of byte arrays. */
final class Frames {

    private Frames() {}

    static List<byte[]> of(ZMsg msg) {
        List<byte[]> frames = new ArrayList<>(msg.size());
        for (ZFrame frame : msg) {
            frames.add(frame.getData());
        }
        return frames;
    }

    static void send(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }
}
