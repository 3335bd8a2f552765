package io.djinn.kernel.runtime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Starts a runtime JVM for JShell and connects JShell's execution control to it. */
final class RuntimeProvider implements ExecutionControlProvider {

    // The stream names the runtime agent registers (io.djinn.runtime.RuntimeMain).
    static final String OUT = "out";
    static final String ERR = "err";
    static final String IN = "in";
    static final String DISPLAY = "display";

    private final List<String> javaCommand;
    private final long startTimeoutMillis;
    private final RuntimeIo io;
    private final Semaphore analysisGate;
    private final BiConsumer<RuntimeProcess, ExecutionControl> started;

    RuntimeProvider(List<String> javaCommand, long startTimeoutMillis, RuntimeIo io, Semaphore analysisGate,
            BiConsumer<RuntimeProcess, ExecutionControl> started) {
        this.javaCommand = javaCommand;
        this.startTimeoutMillis = startTimeoutMillis;
        this.io = io;
        this.analysisGate = analysisGate;
        this.started = started;
    }

    @Override
    public String name() {
        return "djinn";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        RuntimeProcess process = RuntimeProcess.start(javaCommand, startTimeoutMillis);
        Socket socket = process.commandSocket();
        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        Map<String, OutputStream> outputs = Map.of(OUT, io.stdout(), ERR, io.stderr(), DISPLAY, io.display());
        Map<String, InputStream> inputs = Map.of(IN, io.stdin());
        ExecutionControl control = Util.remoteInputOutput(in, out, outputs, inputs,
                (objectIn, objectOut) -> new HostExecutionControl(objectOut, objectIn, process, analysisGate));
        started.accept(process, control);
        return control;
    }
}
