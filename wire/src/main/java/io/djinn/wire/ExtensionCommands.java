package io.djinn.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands the kernel sends the runtime between cells, and their replies. A command travels as a
 * {@link RuntimeConnection#EXTENSION} frame on the control connection: lines of text, the call's id, the command,
 * then one line per argument. The runtime runs it on a thread of its own and replies on the display stream with a
 * {@link DisplayMessages#EXTENSION_REPLY} message: {@code id}, and {@code value} (absent for none) or
 * {@code error}. Only text crosses: JShell's own {@code extensionCommand}, which serialized objects, was removed
 * from the kernel's side by JDK updates (17.0.21 deserializes nothing but stack traces).
 */
public final class ExtensionCommands {

    /**
     * Render the value the last snippet returned as the cell's result. Arguments: the mime types wanted (none:
     * all). The bundle comes back on the display stream, then the reply: {@link #RENDERED}, or
     * {@link #NOTHING_TO_RENDER} when the value is not a result to show.
     */
    public static final String RENDER_RESULT = "djinn.render";
    public static final String RENDERED = "sent";
    public static final String NOTHING_TO_RENDER = "none";

    /**
     * The variables JShell dropped (the kernel's oldest result variables): their values are no longer the
     * notebook's. Arguments: their names. Reply: none.
     */
    public static final String FORGET_VARIABLES = "djinn.forget";

    /** Collect garbage and reply the heap's used and max bytes: two numbers and a space between. */
    public static final String HEAP_STATUS = "djinn.heap";

    /** Remember the memory now (open NDArrays per device, GPU memory, RSS), for {@link #MEMORY_CHANGE}. Reply: none. */
    public static final String MEMORY_MARK = "djinn.memory.mark";

    /** What changed in memory since {@link #MEMORY_MARK}: one line of text (%memory --per-cell). */
    public static final String MEMORY_CHANGE = "djinn.memory.change";

    /** A call as a frame's text. */
    public static String encode(long id, String command, List<String> arguments) {
        List<String> lines = new ArrayList<>();
        lines.add(Long.toString(id));
        lines.add(command);
        for (String argument : arguments) {
            if (argument.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("an argument of " + command + " holds a line break: " + argument);
            }
            lines.add(argument);
        }
        return String.join("\n", lines);
    }

    /** A frame's text as a call. */
    public static Call decode(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        if (lines.size() < 2) {
            throw new IllegalArgumentException("not an extension call: " + text);
        }
        return new Call(Long.parseLong(lines.get(0)), lines.get(1), lines.subList(2, lines.size()));
    }

    /** One call: its id, which the reply repeats, the command and its arguments. */
    public record Call(long id, String command, List<String> arguments) {}

    private ExtensionCommands() {}
}
