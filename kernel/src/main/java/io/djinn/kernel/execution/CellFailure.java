package io.djinn.kernel.execution;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** An error as Jupyter shows it: name, value and traceback lines. */
public record CellFailure(String name, String value, List<String> traceback) {

    private static final String RED = "\u001b[0;31m";
    private static final String RESET = "\u001b[0m";

    /** A failure whose message is the whole story (bad magic arguments, a runtime restart...). */
    public static CellFailure plain(String name, String message) {
        return new CellFailure(name, message, List.of(RED + name + RESET + ": " + message));
    }

    /** As an error message's or an error reply's content: ename, evalue, traceback. */
    public JsonObject content() {
        JsonObject content = new JsonObject();
        content.addProperty("ename", name);
        content.addProperty("evalue", value);
        JsonArray lines = new JsonArray();
        traceback.forEach(lines::add);
        content.add("traceback", lines);
        return content;
    }

    static String headline(String name, String message) {
        return RED + name + RESET + (message == null || message.isEmpty() ? "" : ": " + message);
    }
}
