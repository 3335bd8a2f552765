package io.djinn.kernel.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The runtime's System.in: each time the runtime has read everything, the next read asks the
 * frontend for a line. It never reports end-of-file, which would close System.in for the session.
 */
final class StdinBridge extends InputStream {

    /** Asks the frontend for one line; throws when the frontend cannot answer. */
    interface LineSource {
        String requestLine() throws IOException;
    }

    private final LineSource source;
    private byte[] buffer = new byte[0];
    private int position;

    StdinBridge(LineSource source) {
        this.source = source;
    }

    @Override
    public synchronized int read() throws IOException {
        if (position >= buffer.length) {
            buffer = (source.requestLine() + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return buffer[position++] & 0xff;
    }

    /** Drops unread input when a cell ends, so the next cell does not read the last one's answer. */
    synchronized void discard() {
        buffer = new byte[0];
        position = 0;
    }
}
