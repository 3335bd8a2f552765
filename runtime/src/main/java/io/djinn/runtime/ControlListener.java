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

    /**
     * @param onKernelGone run when the connection ends (the kernel closes it only when it ends, and the operating
     *     system when the kernel is killed); not after a frame this listener does not know
     */
    static void start(InputStream channel, DjinnExecutionControl control, PrintStream log, Runnable onKernelGone) {
        ExtensionCommandRunner extensions = new ExtensionCommandRunner(control, log);
        Thread thread = new Thread(() -> {
            if (listen(new DataInputStream(channel), control, extensions, log)) {
                onKernelGone.run();
            }
        }, "djinn-control-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Serves frames until the connection ends (true) or an unknown frame arrives (false). */
    private static boolean listen(DataInputStream in, DjinnExecutionControl control,
            ExtensionCommandRunner extensions, PrintStream log) {
        try {
            while (true) {
                int frame = in.read();
                if (frame < 0) {
                    return true;
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
                    return false;
                }
            }
        } catch (EOFException closed) {
            return true;
        } catch (IOException e) {
            log.println("djinn: control connection failed: " + e);
            return true;
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
