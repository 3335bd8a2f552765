package io.djinn.kernel.runtime;

import io.djinn.wire.RuntimeConnection;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import com.google.gson.JsonObject;
import io.djinn.kernel.output.DisplayDecoder;
import io.djinn.wire.DisplayMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Starts a runtime JVM for JShell and connects JShell's execution control to it. */
final class RuntimeProvider implements ExecutionControlProvider {


    private final RuntimeSettings settings;
    private final RuntimeIo io;
    private final Semaphore analysisGate;
    private final BiConsumer<RuntimeProcess, ExecutionControl> started;
    private final Consumer<List<String>> variablesReset;
    private final Consumer<JsonObject> extensionReplies;
    private volatile CompletableFuture<ExecutionControl> launched =
            CompletableFuture.failedFuture(new IllegalStateException("JShell has not asked for a runtime"));

    RuntimeProvider(RuntimeSettings settings, RuntimeIo io, Semaphore analysisGate,
            BiConsumer<RuntimeProcess, ExecutionControl> started, Consumer<List<String>> variablesReset,
            Consumer<JsonObject> extensionReplies) {
        this.settings = settings;
        this.io = io;
        this.analysisGate = analysisGate;
        this.started = started;
        this.variablesReset = variablesReset;
        this.extensionReplies = extensionReplies;
    }

    @Override
    public String name() {
        return "djinn";
    }

    /**
     * Starts the runtime JVM on a thread of its own and answers at once with a control that waits for it
     * (DeferredExecutionControl), so that JShell compiles while the runtime starts.
     */
    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        CompletableFuture<ExecutionControl> starting = new CompletableFuture<>();
        launched = starting;
        Thread launcher = new Thread(() -> {
            try {
                starting.complete(connect());
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "djinn-runtime-launch");
        launcher.setDaemon(true);
        launcher.start();
        return new DeferredExecutionControl(starting);
    }

    /** Waits until the runtime JVM launched by {@link #generate} is connected; throws why it could not start. */
    void awaitLaunched() throws Exception {
        try {
            launched.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private ExecutionControl connect() throws Exception {
        RuntimeProcess process = RuntimeProcess.start(settings.javaCommand(), settings.environment().get(),
                settings.startTimeoutMillis(), settings.exitGraceMillis());
        Socket socket = process.commandSocket();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        DisplayDecoder display = new DisplayDecoder(message -> {
            String type = message.has(DisplayMessages.TYPE) ? message.get(DisplayMessages.TYPE).getAsString() : "";
            if (DisplayMessages.INPUT_REQUEST.equals(type)) {
                answerInputRequest(process, message);
            } else if (DisplayMessages.VARIABLES_RESET.equals(type)) {
                List<String> names = new ArrayList<>();
                message.getAsJsonArray("names").forEach(name -> names.add(name.getAsString()));
                variablesReset.accept(names);
            } else if (DisplayMessages.EXTENSION_REPLY.equals(type)) {
                extensionReplies.accept(message);
            } else {
                io.display().accept(message);
            }
        });
        Map<String, OutputStream> outputs = Map.of(RuntimeConnection.OUT, io.stdout(),
                RuntimeConnection.ERR, io.stderr(), RuntimeConnection.DISPLAY, display);
        ExecutionControl control = Util.remoteInputOutput(in, out, outputs, Map.of(),
                (objectIn, objectOut) -> new HostExecutionControl(objectOut, objectIn, process, analysisGate));
        started.accept(process, control);
        return control;
    }

    /** Runs on the thread that reads the runtime's output: the runtime waits for the answer anyway. */
    private void answerInputRequest(RuntimeProcess process, JsonObject request) {
        String prompt = request.has("prompt") ? request.get("prompt").getAsString() : "";
        boolean password = request.has("password") && request.get("password").getAsBoolean();
        try {
            process.sendInput(io.input().requestLine(prompt, password));
        } catch (IOException e) {
            process.sendInputError(e.getMessage());
        }
    }
}
