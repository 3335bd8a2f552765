package io.djinn.magics.profiling;

import io.djinn.magics.CellMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.NotebookApi;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Runs the cell under PyTorch's profiler and shows the top operators by self time, a chart of "
                + "them, the NDArrays the cell left open, and where the chrome trace was written (open it in "
                + "Perfetto or chrome://tracing).",
            "The cell runs as a cell would (what it declares is kept, its value is shown); each of its snippets is "
                + "profiled on the thread it runs on. The profiler is stopped even when the cell fails."})
public final class ProfileMagic implements CellMagic {

    @Option(names = "--cuda", description = "record CUDA kernels too (needs a GPU)")
    boolean cuda;

    @Option(names = "--shapes", description = "record and show input shapes")
    boolean shapes;

    @Option(names = "--memory", description = "record and show memory allocated by each operator")
    boolean memory;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15", description = "operators shown (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--trace", paramLabel = "FILE", description = "where to write the chrome trace (default: a new temporary file)")
    Path trace;

    @Override
    public void run(MagicContext context, String body) throws Exception {
        if (top < 1) {
            throw new MagicException("%%profile: --top must be at least 1.");
        }
        if (body.isBlank()) {
            throw new MagicException("%%profile: the cell has no code to profile.");
        }
        String traceFile = trace == null ? null : context.workingDirectory().resolve(trace).toString();
        if (!context.runCell(NotebookApi.profileBegin(cuda, shapes, memory, top, traceFile), false)) {
            return;
        }
        try {
            context.runOwnCode(body, true, MagicContext.CodeStart.AFTER_MAGIC_LINE);
        } finally {
            context.runCell(NotebookApi.profileEnd(), false);
        }
    }
}
