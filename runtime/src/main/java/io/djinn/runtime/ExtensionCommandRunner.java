package io.djinn.runtime;

import com.google.gson.JsonObject;
import io.djinn.runtime.execution.DjinnExecutionControl;
import io.djinn.wire.DisplayMessages;
import io.djinn.wire.ExtensionCommands;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the kernel's extension commands ({@link ExtensionCommands}) one at a time on a thread of their own, so the
 * control listener stays free for stops and input, and replies on the display stream, after whatever the command
 * displayed.
 */
final class ExtensionCommandRunner {

    private final DjinnExecutionControl control;
    private final PrintStream log;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "djinn-extension-commands");
        worker.setDaemon(true);
        return worker;
    });

    ExtensionCommandRunner(DjinnExecutionControl control, PrintStream log) {
        this.control = control;
        this.log = log;
    }

    void submit(String frame) {
        thread.execute(() -> run(frame));
    }

    private void run(String frame) {
        JsonObject reply = new JsonObject();
        reply.addProperty(DisplayMessages.TYPE, DisplayMessages.EXTENSION_REPLY);
        try {
            ExtensionCommands.Call call = ExtensionCommands.decode(frame);
            reply.addProperty("id", call.id());
            try {
                String value = control.extension(call.command(), call.arguments());
                if (value != null) {
                    reply.addProperty("value", value);
                }
            } catch (Exception | LinkageError e) {
                reply.addProperty("error", e.toString());
            }
        } catch (IllegalArgumentException e) {
            log.println("djinn: " + e.getMessage());
            return; // no id to answer: the kernel's wait ends with its time-out
        }
        DisplayChannel.send(reply);
    }
}
