package io.djinn.kernel.protocol;

import com.google.gson.JsonObject;
import java.util.List;

/** One Jupyter message: routing identities, the four JSON parts and any binary buffers. */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata,
        JsonObject content, List<byte[]> buffers) {

    public String type() {
        return header.has("msg_type") ? header.get("msg_type").getAsString() : "";
    }

    public String id() {
        return header.has("msg_id") ? header.get("msg_id").getAsString() : "";
    }

    public String session() {
        return header.has("session") ? header.get("session").getAsString() : "";
    }

    /** A content field as a string, or the fallback when absent or not a string. */
    public String string(String field, String fallback) {
        return content.has(field) && content.get(field).isJsonPrimitive() ? content.get(field).getAsString() : fallback;
    }

    public boolean bool(String field, boolean fallback) {
        return content.has(field) && content.get(field).isJsonPrimitive() ? content.get(field).getAsBoolean() : fallback;
    }

    public int integer(String field, int fallback) {
        return content.has(field) && content.get(field).isJsonPrimitive() ? content.get(field).getAsInt() : fallback;
    }
}
