package io.djinn.kernel.runtime;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/** Where the runtime's output goes on the kernel side, and who answers its requests for input. */
public record RuntimeIo(OutputStream stdout, OutputStream stderr, Consumer<JsonObject> display, InputSource input) {

    /** Asks the frontend for a line; throws with the reason when it cannot. */
    public interface InputSource {
        String requestLine(String prompt, boolean password) throws IOException;
    }
}
