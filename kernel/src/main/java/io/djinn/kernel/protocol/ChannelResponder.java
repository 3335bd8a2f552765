package io.djinn.kernel.protocol;

import com.google.gson.JsonObject;

/** The responder for a ROUTER channel (shell or control), publishing on the session's iopub. */
public final class ChannelResponder implements Responder {

    private final RouterChannel channel;
    private final IopubChannel iopub;
    private final MessageCodec codec;

    public ChannelResponder(RouterChannel channel, IopubChannel iopub, MessageCodec codec) {
        this.channel = channel;
        this.iopub = iopub;
        this.codec = codec;
    }

    @Override
    public void reply(Message request, String type, JsonObject content) {
        channel.send(codec.create(request, type, content, request.identities()));
    }

    @Override
    public void publish(Message parent, String type, JsonObject content) {
        iopub.publish(parent, type, content);
    }
}
