package io.djinn.runtime;

import io.djinn.runtime.execution.DjinnExecutionControl;
import io.djinn.runtime.execution.Interrupts;
import io.djinn.wire.RuntimeConnection;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the kernel's control connection on a thread of its own, because the command loop does not
 * read while user code runs: stop requests, the answers to input requests, and extension commands.
 *
 * <p>Frames ({@link RuntimeConnection}): {@code 'S'} stop; {@code 'I'} + int length + UTF-8 line; {@code 'E'} +
 * int length + UTF-8 reason there is no line; {@code 'X'} + int length + UTF-8 extension call.
 */
final class ControlListener {


    private ControlListener() {}

    static void start(InputStream channel, DjinnExecutionControl control, PrintStream log) {
        ExtensionCommandRunner extensions = new ExtensionCommandRunner(control, log);
        Thread thread = new Thread(() -> listen(new DataInputStream(channel), control, extensions, log),
                "djinn-control-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private static void listen(DataInputStream in, DjinnExecutionControl control, ExtensionCommandRunner extensions,
            PrintStream log) {
        try {
            while (true) {
                int frame = in.read();
                if (frame < 0) {
                    return;
                } else if (frame == RuntimeConnection.STOP) {
                    stop(control, log);
                } else if (frame == RuntimeConnection.INPUT || frame == RuntimeConnection.INPUT_ERROR) {
                    String value = text(in);
                    LineInput.instance().answer(frame == RuntimeConnection.INPUT ? value : null,
                            frame == RuntimeConnection.INPUT_ERROR ? value : null);
                } else if (frame == RuntimeConnection.EXTENSION) {
                    extensions.submit(text(in));
                } else {
                    log.println("djinn: unknown control frame " + frame);
                    return;
                }
            }
        } catch (EOFException closed) {
            // The kernel went away; the command loop sees the same and ends the process.
        } catch (IOException e) {
            log.println("djinn: control connection failed: " + e);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** Within the 2 s a user waits for an interrupt, cooperative code gets the first 1.2 s. */
    private static final long COOPERATIVE_WAIT_MS = 1200;

    private static void stop(DjinnExecutionControl control, PrintStream log) {
        if (Interrupts.stopCooperatively(COOPERATIVE_WAIT_MS)) {
            return;
        }
        try {
            control.stop();
        } catch (Exception e) {
            log.println("djinn: stop failed: " + e);
        }
    }
}
