package io.djinn.wire;

/**
 * How the kernel and the runtime JVM it starts talk. The kernel listens on a loopback port and passes a
 * one-time token on the runtime's standard input; the runtime opens two connections, each starting with
 * the token, a line feed and a channel byte:
 * <ul>
 *   <li>{@link #COMMAND_CHANNEL}: JShell's command stream, which also carries the runtime's {@link #OUT},
 *       {@link #ERR} and {@link #DISPLAY} streams in the order they were written;</li>
 *   <li>{@link #CONTROL_CHANNEL}: frames from the kernel that the runtime reads while user code runs, one
 *       byte each: {@link #STOP}, and {@link #INPUT}, {@link #INPUT_ERROR} or {@link #EXTENSION} followed by an
 *       int length and that many bytes of UTF-8 (the line typed, why there is none, or an extension command:
 *       see {@link ExtensionCommands}).</li>
 * </ul>
 */
public final class RuntimeConnection {

    public static final int COMMAND_CHANNEL = 'C';
    public static final int CONTROL_CHANNEL = 'S';

    public static final int STOP = 'S';
    public static final int INPUT = 'I';
    public static final int INPUT_ERROR = 'E';
    public static final int EXTENSION = 'X';

    /** The streams multiplexed on the command channel. */
    public static final String OUT = "out";
    public static final String ERR = "err";
    public static final String DISPLAY = "display";

    /** The runtime's exit status when one of its own threads (not user code) died of an OutOfMemoryError. */
    public static final int EXIT_AGENT_OUT_OF_MEMORY = 87;

    private RuntimeConnection() {}
}
