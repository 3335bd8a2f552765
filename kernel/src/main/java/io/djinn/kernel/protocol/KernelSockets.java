package io.djinn.kernel.protocol;

import java.util.function.Consumer;
import org.zeromq.ZContext;

/** The five Jupyter channels, bound to the connection file's address and ports. */
public final class KernelSockets implements AutoCloseable {

    private final ZContext context = new ZContext();
    private final RejectionLog rejections = new RejectionLog();
    private final MessageCodec codec;
    private final RouterChannel shell;
    private final RouterChannel control;
    private final IopubChannel iopub;
    private final StdinChannel stdin;
    private final Heartbeat heartbeat;

    public KernelSockets(ConnectionInfo info) {
        this.codec = new MessageCodec(new MessageSigner(info.key(), info.signatureScheme()));
        this.iopub = new IopubChannel(context, info.address(info.iopubPort()), codec);
        this.shell = new RouterChannel("shell", context, info.address(info.shellPort()), codec, rejections);
        this.control = new RouterChannel("control", context, info.address(info.controlPort()), codec, rejections);
        this.stdin = new StdinChannel(context, info.address(info.stdinPort()), codec, rejections);
        this.heartbeat = new Heartbeat(context, info.address(info.hbPort()));
    }

    public void start(Consumer<Message> shellHandler, Consumer<Message> controlHandler) {
        heartbeat.start();
        control.start(controlHandler);
        shell.start(shellHandler);
    }

    public MessageCodec codec() {
        return codec;
    }

    public RouterChannel shell() {
        return shell;
    }

    public RouterChannel control() {
        return control;
    }

    public IopubChannel iopub() {
        return iopub;
    }

    public StdinChannel stdin() {
        return stdin;
    }

    @Override
    public void close() {
        shell.close();
        control.close();
        context.close();
    }
}
