package io.github.spencerpark.ijava;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.djinn.api.Display;
import io.djinn.api.MimeBundle;
import io.djinn.runtime.render.IJavaRenderer;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.Map;

/**
 * The part of IJava's kernel object that notebook code can use from Djinn: its renderer (registrations
 * take part in Djinn's display of values) and its display methods. Running code or magics from code is
 * IJava's kernel reaching into itself, which Djinn's two JVMs do not allow; those calls say what to do
 * instead.
 */
public final class JavaKernel {

    private static final Gson GSON = new Gson();

    JavaKernel() {}

    /** Registrations made here render values of their types, in cells and in {@code display(...)}. */
    public Renderer getRenderer() {
        return IJavaRenderer.instance();
    }

    /** Shows the data now; returns its display id. */
    public String display(DisplayData data) {
        return Display.display(toBundle(data));
    }

    /** Replaces what an earlier display with this id shows. */
    public void updateDisplay(String id, DisplayData data) {
        Display.updateDisplay(id, toBundle(data));
    }

    public Object getMagics() {
        throw new UnsupportedOperationException("Djinn runs magics from a cell, not from code: write %name arguments "
                + "on a line of its own (for a device, memory or timing call the io.djinn.api equivalents: "
                + "Devices.use(\"gpu\"), Devices.memory(), Timing.timeit(...)).");
    }

    public Object eval(String code) {
        throw new UnsupportedOperationException("Djinn does not evaluate code from code: run it in a cell.");
    }

    public Object evalRaw(String code) {
        return eval(code);
    }

    public void addToClasspath(String path) {
        throw new UnsupportedOperationException("Add jars with %jars " + path + " in a cell: the compiler, in the kernel,"
                + " must see them too.");
    }

    /** IJava's display data as a Djinn bundle (data, metadata). */
    public static MimeBundle toBundle(DisplayData data) {
        JsonObject json = GSON.toJsonTree(data).getAsJsonObject();
        MimeBundle bundle = new MimeBundle();
        copy(json.getAsJsonObject("data"), bundle, false);
        copy(json.getAsJsonObject("metadata"), bundle, true);
        return bundle;
    }

    private static void copy(JsonObject from, MimeBundle to, boolean metadata) {
        if (from == null) {
            return;
        }
        for (Map.Entry<String, JsonElement> entry : from.entrySet()) {
            JsonElement value = entry.getValue();
            Object plain = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString()
                    : GSON.fromJson(value, Object.class);
            if (metadata) {
                to.putMetadata(entry.getKey(), plain);
            } else {
                to.put(entry.getKey(), plain);
            }
        }
    }
}
