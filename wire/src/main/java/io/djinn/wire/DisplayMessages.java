package io.djinn.wire;

/**
 * The messages the runtime sends the kernel on its display stream: one JSON object per line, each with
 * a {@value #TYPE} field naming one of these kinds. They travel on the command channel after the stdout
 * and stderr written before them, so the notebook shows everything in the order it happened.
 */
public final class DisplayMessages {

    /** The field naming a message's kind. */
    public static final String TYPE = "type";

    /** A display_data: {@code data}, {@code metadata}, {@code display_id}. */
    public static final String DISPLAY = "display";
    /** An update_display_data for {@code display_id}: {@code data}, {@code metadata}. */
    public static final String UPDATE = "update";
    /** A clear_output: {@code wait}. */
    public static final String CLEAR = "clear";
    /** The cell's value, rendered on request ({@link ExtensionCommands#RENDER_RESULT}): {@code data}, {@code metadata}. */
    public static final String RESULT = "result";
    /** A request for a line of input: {@code prompt}, {@code password}; answered on the control connection. */
    public static final String INPUT_REQUEST = "input_request";
    /**
     * Variables whose class JShell recompiled and whose value could not be kept, because the type of the value
     * is not the variable's any more (a class it names was redefined): {@code names}.
     */
    public static final String VARIABLES_RESET = "variables_reset";
    /** The reply to an extension command ({@link ExtensionCommands}): {@code id}, {@code value} or {@code error}. */
    public static final String EXTENSION_REPLY = "extension_reply";

    /**
     * A key of a bundle's metadata: the bundle's HTML draws a chart with plotly.js, which it does not carry.
     * The kernel removes the key and makes sure the notebook holds one copy of the library
     * ({@code io.djinn.kernel.output.PlotlyCarrier}).
     */
    public static final String NEEDS_PLOTLY_JS = "djinn_needs_plotly_js";

    private DisplayMessages() {}
}
