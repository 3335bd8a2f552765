package io.djinn.api;

import io.djinn.wire.DisplayMessages;
import com.google.gson.JsonObject;
import io.djinn.runtime.DisplayChannel;
import io.djinn.runtime.execution.DisplayIds;
import java.util.Arrays;
import java.util.UUID;

/**
 * IJava's display API, statically imported into every notebook: {@code display(obj)},
 * {@code display("<b>html</b>", "text/html")}, {@code render(obj, mimeTypes...)}, {@code updateDisplay(id, obj)},
 * {@code clearOutput()}.
 */
public final class Display {

    private Display() {}

    /** Shows the object now, between the output printed before and after; returns its display id. */
    public static String display(Object value, String... mimeTypes) {
        String id = UUID.randomUUID().toString();
        send(DisplayMessages.DISPLAY, id, render(value, mimeTypes));
        DisplayIds.made(id);
        return id;
    }

    /** Replaces what an earlier {@link #display} with this id shows, wherever it is in the notebook. */
    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        send(DisplayMessages.UPDATE, displayId, render(value, mimeTypes));
    }

    /** The bundle the notebook would show for the object, limited to the given mime types if any. */
    public static MimeBundle render(Object value, String... mimeTypes) {
        return Renderers.render(value, Arrays.asList(mimeTypes));
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        JsonObject message = new JsonObject();
        message.addProperty(DisplayMessages.TYPE, DisplayMessages.CLEAR);
        message.addProperty("wait", wait);
        DisplayChannel.send(message);
    }

    private static void send(String type, String displayId, MimeBundle bundle) {
        JsonObject message = bundle.toJsonObject();
        message.addProperty(DisplayMessages.TYPE, type);
        message.addProperty("display_id", displayId);
        DisplayChannel.send(message);
    }
}
