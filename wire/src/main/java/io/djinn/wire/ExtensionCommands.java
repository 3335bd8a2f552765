package io.djinn.wire;

/**
 * The commands the kernel sends the runtime through JShell's {@code extensionCommand}, and their replies.
 */
public final class ExtensionCommands {

    /**
     * Render the value the last snippet returned as the cell's result. Argument: the mime types wanted
     * (a {@code String[]}, empty for all). The bundle comes back on the display stream, then the reply:
     * {@link #RENDERED}, or {@link #NOTHING_TO_RENDER} when the value is not a result to show.
     */
    public static final String RENDER_RESULT = "djinn.render";
    public static final String RENDERED = "sent";
    public static final String NOTHING_TO_RENDER = "none";

    /**
     * The variables JShell dropped (the kernel's oldest result variables): their values are no longer the
     * notebook's. Argument: their names, a {@code String[]}. Reply: null.
     */
    public static final String FORGET_VARIABLES = "djinn.forget";

    /** Collect garbage and reply the heap's {used, max} bytes as a {@code long[]}. */
    public static final String HEAP_STATUS = "djinn.heap";

    private ExtensionCommands() {}
}
