package io.djinn.kernel.protocol;

import com.google.gson.JsonObject;

/** Answers the requests of one channel: a reply on that channel, everything else on iopub. */
public interface Responder extends Publisher {

    void reply(Message request, String type, JsonObject content);
}
