package io.djinn.runtime;

import io.djinn.runtime.execution.DjinnExecutionControl;
import io.djinn.wire.RuntimeConnection;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;

/**
 * Entry point of the runtime JVM, the process in which user code runs.
 *
 * <p>The kernel starts it with the port of a loopback listener as argument and a one-time token on
 * standard input (not on the command line, where other local users could read it). The runtime opens
 * two connections: the JShell command channel, which also carries stdout, stderr, display bundles and
 * input requests in order, and a control channel (stops, input answers) read by a thread of its own,
 * because the command loop does not read while user code runs.
 */
public final class RuntimeMain {

    // The process's own stderr, which goes to the kernel's log (System.err becomes the cell's stderr).
    private static volatile PrintStream log = System.err;

    private RuntimeMain() {}

    /** Where the runtime's own messages go: the kernel's log, not a cell. */
    public static PrintStream log() {
        return log;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        InetAddress loopback = InetAddress.getLoopbackAddress();

        Socket command = connect(loopback, port, token, RuntimeConnection.COMMAND_CHANNEL);
        Socket stop = connect(loopback, port, token, RuntimeConnection.CONTROL_CHANNEL);

        // The process's own stderr goes to the kernel's log; System.err becomes the cell's stderr below.
        log = System.err;
        // Bind slf4j-simple to that stderr now, before System.err is swapped: library log lines
        // (DJL's, for one) belong in the kernel log, not in whichever cell happens to run.
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        org.slf4j.LoggerFactory.getLogger(RuntimeMain.class);
        Thread.setDefaultUncaughtExceptionHandler(RuntimeMain::onUncaught);
        EngineWarmup.startInBackground(log);

        DjinnExecutionControl control = new DjinnExecutionControl();
        // The kernel closes the control connection only when it ends, the operating system when it is killed: a
        // cell still running then (a training loop, say) has nobody to report to and would hold its CPU threads
        // and GPU memory until it finished.
        ControlListener.start(stop.getInputStream(), control, log, () -> {
            log.println("djinn: the kernel has gone; the runtime exits");
            System.exit(0);
        });
        System.setIn(LineInput.instance());

        OutputStream toKernel = new BufferedOutputStream(command.getOutputStream(), 1 << 16);
        InputStream fromKernel = new BufferedInputStream(command.getInputStream(), 1 << 16);
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                RuntimeConnection.OUT, out -> System.setOut(printStream(out)),
                RuntimeConnection.ERR, err -> System.setErr(printStream(err)),
                RuntimeConnection.DISPLAY, DisplayChannel::install);
        // No JShell input stream: System.in is LineInput, answered over the control connection.
        Util.forwardExecutionControlAndIO(control, fromKernel, toKernel, outputs, Map.of());
        // The command loop returns when the kernel closes the channel: nothing is left to serve.
        System.exit(0);
    }

    private static Socket connect(InetAddress address, int port, String token, int channel) throws IOException {
        Socket socket = new Socket(address, port);
        // Both ends: with Nagle's algorithm on either end a round trip costs ~40 ms more.
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        out.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        out.write(channel);
        out.flush();
        return socket;
    }

    private static PrintStream printStream(OutputStream multiplexed) {
        return new PrintStream(new BufferedOutputStream(multiplexed, 8192) {
            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                super.write(b, off, len);
                // Flush at once: the kernel batches output itself and the user expects to see it live.
                flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    private static void onUncaught(Thread thread, Throwable error) {
        if (error instanceof OutOfMemoryError) {
            // An agent thread died: the runtime can no longer answer the kernel. Leave with a status
            // the kernel recognises, so that it reports the cause and starts a fresh runtime.
            Runtime.getRuntime().halt(RuntimeConnection.EXIT_AGENT_OUT_OF_MEMORY);
        }
        error.printStackTrace();
    }
}
