package io.djinn.kernel.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Collects a stream's bytes and hands them on as text in batches, so that a cell printing in a tight
 * loop sends a few messages per second rather than one per print. A UTF-8 character split across two
 * writes is kept whole.
 */
public final class StreamBuffer extends OutputStream {

    private static final int FLUSH_AT_BYTES = 1 << 16;

    private final Consumer<String> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public StreamBuffer(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        boolean full;
        synchronized (this) {
            pending.write(bytes, offset, length);
            full = pending.size() >= FLUSH_AT_BYTES;
        }
        if (full) {
            flush();
        }
    }

    /** Sends what is complete so far; an unfinished UTF-8 sequence waits for its remaining bytes. */
    @Override
    public void flush() {
        String text;
        synchronized (this) {
            if (pending.size() == 0) {
                return;
            }
            byte[] bytes = pending.toByteArray();
            int complete = completeLength(bytes);
            text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
            pending.reset();
            pending.write(bytes, complete, bytes.length - complete);
            if (text.isEmpty()) {
                return;
            }
            // Sent under the lock: two flushes from two threads must not swap their text.
            sink.accept(text);
        }
    }

    /** The length of the longest prefix that does not end inside a UTF-8 sequence. */
    static int completeLength(byte[] bytes) {
        int end = bytes.length;
        // Look back at most 3 bytes for the lead byte of a sequence that might be unfinished.
        for (int back = 1; back <= Math.min(3, end); back++) {
            int b = bytes[end - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue; // continuation byte: keep looking for the lead byte
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? end - back : end;
        }
        return end;
    }
}
