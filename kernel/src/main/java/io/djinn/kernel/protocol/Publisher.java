package io.djinn.kernel.protocol;

import com.google.gson.JsonObject;

/** Publishes messages on iopub for a request: outputs and status. */
public interface Publisher {

    void publish(Message parent, String type, JsonObject content);

    default void status(Message parent, String state) {
        JsonObject content = new JsonObject();
        content.addProperty("execution_state", state);
        publish(parent, "status", content);
    }
}
