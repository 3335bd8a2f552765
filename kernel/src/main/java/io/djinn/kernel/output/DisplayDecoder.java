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
        if (b == '\n') {
            String json = line.toString(StandardCharsets.UTF_8);
            line.reset();
            try {
                sink.accept(JsonParser.parseString(json).getAsJsonObject());
            } catch (RuntimeException e) {
                LOG.warn("unreadable display message from the runtime: {}", e.getMessage());
            }
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }
}
