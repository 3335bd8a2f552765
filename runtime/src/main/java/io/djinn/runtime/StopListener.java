package io.djinn.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/** Reads stop requests on their own connection and stops the running snippet at once. */
final class StopListener {

    private StopListener() {}

    static void start(InputStream stopChannel, DjinnExecutionControl control, PrintStream log) {
        Thread thread = new Thread(() -> listen(stopChannel, control, log), "djinn-stop-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private static void listen(InputStream in, DjinnExecutionControl control, PrintStream log) {
        try {
            while (in.read() >= 0) {
                try {
                    control.stop();
                } catch (Exception e) {
                    log.println("djinn: stop failed: " + e);
                }
            }
        } catch (IOException closed) {
            // The kernel went away; the command loop sees the same and ends the process.
        }
    }
}
