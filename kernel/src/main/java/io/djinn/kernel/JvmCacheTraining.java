package io.djinn.kernel;

import com.google.gson.JsonObject;
import io.djinn.kernel.protocol.BadMessageException;
import io.djinn.kernel.protocol.ConnectionInfo;
import io.djinn.kernel.protocol.Message;
import io.djinn.kernel.protocol.MessageCodec;
import io.djinn.kernel.protocol.MessageSigner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;
import picocli.CommandLine.Command;

/**
 * The training run behind {@code install}'s JVM caches: a kernel started in this JVM and driven through its own
 * sockets by a minimal client, through what a first session does (a value, a DJL array, a table, a declaration,
 * a magic, two errors, a completion), then shut down. {@code install} starts this JVM with
 * {@code -XX:AOTCacheOutput} and sets {@link io.djinn.kernel.runtime.RuntimeJvmCache#TRAINING_OUTPUT_PROPERTY}, so
 * that both JVMs write their caches as they exit (JDK 25+), or with {@code -XX:ArchiveClassesAtExit}, so that
 * this JVM writes its class data (JDK 17 to 24).
 */
@Command(name = "train-jvm-caches", hidden = true,
        description = "Runs a short session in a kernel so that the JVMs record their ahead-of-time caches (used by install).")
final class JvmCacheTraining implements Callable<Integer> {

    static final List<String> CELLS = List.of(
            "1 + 1",
            "var trainingArray = manager.ones(new Shape(2, 3)).mul(2);\ntrainingArray",
            "Table.create(\"t\", IntColumn.create(\"x\", 1, 2, 3), DoubleColumn.create(\"y\", 0.5, 1.5, 2.5))",
            "String trainingText = \"abc\";\ntrainingText.length()",
            "%time Math.sqrt(2)",
            "int trainingWrong = \"not a number\";",
            "throw new IllegalStateException(\"an error as a cell shows it\");",
            "System.out.println(\"done\");");
    private static final long REPLY_TIMEOUT_MS = 180_000;

    @Override
    public Integer call() throws Exception {
        ConnectionInfo connection = loopbackConnection();
        Kernel kernel = new Kernel(connection, Env.system(), KernelLayout.locate());
        Thread session = new Thread(() -> runSession(connection), "djinn-training-client");
        session.setDaemon(true);
        session.start();
        kernel.awaitShutdown();
        session.join(TimeUnit.SECONDS.toMillis(10));
        return 0;
    }

    private static void runSession(ConnectionInfo connection) {
        MessageCodec codec = new MessageCodec(new MessageSigner(connection.key(), connection.signatureScheme()));
        try (ZContext context = new ZContext()) {
            ZMQ.Socket shell = context.createSocket(SocketType.DEALER);
            shell.connect(connection.address(connection.shellPort()));
            ZMQ.Socket control = context.createSocket(SocketType.DEALER);
            control.connect(connection.address(connection.controlPort()));
            try {
                for (String cell : CELLS) {
                    JsonObject content = new JsonObject();
                    content.addProperty("code", cell);
                    content.addProperty("silent", false);
                    content.addProperty("store_history", true);
                    content.addProperty("allow_stdin", false);
                    content.addProperty("stop_on_error", false);
                    request(codec, shell, "execute_request", content, "execute_reply");
                }
                JsonObject completion = new JsonObject();
                completion.addProperty("code", "Strin");
                completion.addProperty("cursor_pos", 5);
                request(codec, shell, "complete_request", completion, "complete_reply");
            } catch (IOException e) {
                System.err.println("djinn: the training session stopped early: " + e.getMessage());
            } finally {
                JsonObject shutdown = new JsonObject();
                shutdown.addProperty("restart", false);
                send(codec, control, "shutdown_request", shutdown);
            }
        }
    }

    private static void request(MessageCodec codec, ZMQ.Socket socket, String type, JsonObject content, String replyType)
            throws IOException {
        Message sent = send(codec, socket, type, content);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REPLY_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            socket.setReceiveTimeOut(1000);
            ZMsg frames = ZMsg.recvMsg(socket);
            if (frames == null) {
                continue;
            }
            List<byte[]> parts = new ArrayList<>();
            frames.forEach(frame -> parts.add(frame.getData()));
            try {
                Message reply = codec.decode(parts);
                if (replyType.equals(reply.type()) && sent.id().equals(reply.parentHeader().get("msg_id").getAsString())) {
                    return;
                }
            } catch (BadMessageException e) {
                throw new IOException("the kernel's reply could not be read: " + e.getMessage(), e);
            }
        }
        throw new IOException("no " + replyType + " within " + REPLY_TIMEOUT_MS / 1000 + " s");
    }

    private static Message send(MessageCodec codec, ZMQ.Socket socket, String type, JsonObject content) {
        Message message = codec.create(null, type, content, List.of());
        ZMsg frames = new ZMsg();
        codec.encode(message).forEach(frames::add);
        frames.send(socket);
        return message;
    }

    /** Free loopback ports and a fresh key; nothing else can talk to this kernel. */
    private static ConnectionInfo loopbackConnection() throws IOException {
        int[] ports = new int[5];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        String key = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        return new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], key,
                "hmac-sha256");
    }
}
