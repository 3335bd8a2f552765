package io.djinn.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The PUB channel for outputs and status; any thread may publish. */
public final class IopubChannel implements Publisher {

    private final ZMQ.Socket socket;
    private final MessageCodec codec;

    IopubChannel(ZContext context, String address, MessageCodec codec) {
        this.codec = codec;
        this.socket = context.createSocket(SocketType.PUB);
        socket.setLinger(1000);
        socket.bind(address);
    }

    @Override
    public void publish(Message parent, String type, JsonObject content) {
        // The topic frame lets clients subscribe by message type, as ipykernel's "kernel.<id>.<type>" does.
        Message message = codec.create(parent, type, content, List.of(("kernel." + type).getBytes()));
        List<byte[]> frames = codec.encode(message);
        synchronized (socket) {
            Frames.send(socket, frames);
        }
    }
}
