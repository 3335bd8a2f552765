package io.djinn.kernel.output;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kernel's end of the display stream: one JSON object per line from the runtime. */
public final class DisplayDecoder extends OutputStream {

    private static final Logger LOG = LoggerFactory.getLogger(DisplayDecoder.class);

    private final Consumer<JsonObject> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public DisplayDecoder(Consumer<JsonObject> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                emit();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    private void emit() {
        String json = line.toString(StandardCharsets.UTF_8);
        line.reset();
        try {
            sink.accept(JsonParser.parseString(json).getAsJsonObject());
        } catch (RuntimeException e) {
            LOG.warn("unreadable display message from the runtime: {}", e.getMessage());
        }
    }
}
