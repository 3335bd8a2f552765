package io.djinn.kernel.runtime;

import io.djinn.wire.RuntimeConnection;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One runtime JVM and its two loopback connections (commands; control: stops and input answers). The connections prove
 * themselves with a one-time token handed over on the child's stdin, so no other local process can
 * pose as the runtime. The child's own stdout and stderr (JVM and native messages, never a cell's
 * output) go to the kernel log, and the last lines are kept to explain a crash.
 */
public final class RuntimeProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeProcess.class);
    private static final int KEPT_LOG_LINES = 30;

    private final Process process;
    private final Socket command;
    private final Socket control;
    private final Deque<String> lastLines;
    private final long exitGraceMillis;

    private RuntimeProcess(Process process, Socket command, Socket control, Deque<String> lastLines,
            long exitGraceMillis) {
        this.process = process;
        this.exitGraceMillis = exitGraceMillis;
        this.command = command;
        this.control = control;
        this.lastLines = lastLines;
    }

    /** @param environment variables set on top of the kernel's own */
    public static RuntimeProcess start(List<String> javaCommand, Map<String, String> environment, long timeoutMillis,
            long exitGraceMillis) throws IOException {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            List<String> command = new ArrayList<>(javaCommand);
            command.add(Integer.toString(server.getLocalPort()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Deque<String> lastLines = new ArrayDeque<>();
            Thread pump = new Thread(() -> pumpLog(process.getInputStream(), lastLines), "djinn-runtime-log");
            pump.setDaemon(true);
            pump.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // A JVM that refused its options may have exited before reading its token ("Stream closed"):
                // its own words, read below, say why.
                LOG.debug("the runtime did not take its token", e);
            }

            Socket commandSocket = null;
            Socket controlSocket = null;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            server.setSoTimeout(200);
            while (commandSocket == null || controlSocket == null) {
                if (!process.isAlive()) {
                    joinQuietly(pump, 2000); // the last of its output may still be in the pipe
                    throw new IOException("the runtime JVM exited during start with status " + process.exitValue()
                            + lastLinesOf(lastLines));
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("the runtime JVM did not connect within " + timeoutMillis + " ms"
                            + lastLinesOf(lastLines));
                }
                Socket socket;
                try {
                    socket = server.accept();
                } catch (SocketTimeoutException e) {
                    continue;
                }
                int channel = handshake(socket, token);
                if (channel == RuntimeConnection.COMMAND_CHANNEL && commandSocket == null) {
                    commandSocket = socket;
                } else if (channel == RuntimeConnection.CONTROL_CHANNEL && controlSocket == null) {
                    controlSocket = socket;
                } else {
                    LOG.warn("refused a connection to the runtime port that did not carry the runtime's token");
                    socket.close();
                }
            }
            return new RuntimeProcess(process, commandSocket, controlSocket, lastLines, exitGraceMillis);
        }
    }

    private static int handshake(Socket socket, String token) throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(2000);
        InputStream in = socket.getInputStream();
        byte[] expected = (token + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            byte[] received = in.readNBytes(expected.length);
            int channel = in.read();
            socket.setSoTimeout(0);
            return java.security.MessageDigest.isEqual(expected, received) ? channel : -1;
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    private static void pumpLog(InputStream output, Deque<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                LOG.info("runtime: {}", line);
                synchronized (lines) {
                    lines.addLast(line);
                    while (lines.size() > KEPT_LOG_LINES) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException closed) {
            // The runtime is gone.
        }
    }

    private static void joinQuietly(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLinesOf(Deque<String> lines) {
        synchronized (lines) {
            return lines.isEmpty() ? "" : ":\n" + String.join("\n", lines);
        }
    }

    public Socket commandSocket() {
        return command;
    }

    /** Asks the runtime to stop the running snippet; works while the command channel is busy. */
    public void requestStop() {
        sendControl(RuntimeConnection.STOP, null);
    }

    /** Answers the runtime's request for a line of input. */
    public void sendInput(String line) {
        sendControl(RuntimeConnection.INPUT, line);
    }

    /** Tells the runtime why its request for input has no answer. */
    public void sendInputError(String reason) {
        sendControl(RuntimeConnection.INPUT_ERROR, reason);
    }

    /** Sends an extension call's text ({@code io.djinn.wire.ExtensionCommands}); the runtime replies on display. */
    public void sendExtension(String call) {
        sendControl(RuntimeConnection.EXTENSION, call);
    }

    // Frames of the control connection; io.djinn.runtime.ControlListener reads them.
    private synchronized void sendControl(int frame, String text) {
        try {
            DataOutputStream out = new DataOutputStream(control.getOutputStream());
            out.write(frame);
            if (text != null) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            out.flush();
        } catch (IOException e) {
            LOG.debug("control frame not sent: the runtime is gone", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status once the process has ended, waiting up to the given time; null if still running. */
    public Integer exitStatus(long waitMillis) {
        try {
            if (process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    public List<String> lastLogLines() {
        synchronized (lastLines) {
            return new ArrayList<>(lastLines);
        }
    }

    public long pid() {
        return process.pid();
    }

    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        try {
            command.close();
            control.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        // Closing the command channel ends the runtime's command loop; force it if it lingers.
        if (exitStatus(exitGraceMillis) == null) {
            process.destroyForcibly();
            exitStatus(2000);
        }
    }
}
