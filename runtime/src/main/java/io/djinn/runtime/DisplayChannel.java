package io.djinn.runtime;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The runtime's end of the display stream: one JSON object per line, multiplexed on the command
 * channel after any stdout and stderr written before it, so the notebook shows them in order.
 */
public final class DisplayChannel {

    private static volatile OutputStream out;

    private DisplayChannel() {}

    static void install(OutputStream stream) {
        out = stream;
    }

    /** Whether this JVM is a Djinn runtime, with a kernel to show things to. */
    public static boolean installed() {
        return out != null;
    }

    public static synchronized void send(JsonObject message) {
        OutputStream stream = out;
        if (stream == null) {
            throw new IllegalStateException("display is only available inside a Djinn kernel");
        }
        System.out.flush();
        System.err.flush();
        byte[] line = (message.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            stream.write(line);
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the kernel connection is closed", e);
        }
    }
}
