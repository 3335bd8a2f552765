package io.djinn.magics.profiling;

import io.djinn.magics.CellMagic;
import io.djinn.magics.CodeMagic;
import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.NotebookApi;
import picocli.CommandLine.Command;

@Command(name = "time", mixinStandardHelpOptions = true,
        description = {"Times a statement (%%time STMT) or a cell (%%%%time) once, as IPython does.",
            "Prints the runtime's CPU times (user, sys, total) and the wall time spent in your code; the clock "
                + "stops after the GPUs finish the work queued so far. The cell's declarations and value are kept."})
public final class TimeMagic extends CodeMagic implements LineMagic, CellMagic {


    @Override
    public void run(MagicContext context) throws Exception {
        if (code.isBlank()) {
            throw new MagicException("%time: give a statement to time, as in %time m.randomNormal(new Shape(1000, 1000))");
        }
        time(context, code, MagicContext.CodeStart.ON_MAGIC_LINE);
    }

    @Override
    public void run(MagicContext context, String body) throws Exception {
        if (!code.isBlank()) {
            throw new MagicException("%%time takes no arguments: the cell body is what is timed.");
        }
        time(context, body, MagicContext.CodeStart.AFTER_MAGIC_LINE);
    }

    private static void time(MagicContext context, String source, MagicContext.CodeStart start) {
        if (!context.runCell(NotebookApi.startClock(), false)) {
            return;
        }
        try {
            context.runOwnCode(source, true, start);
        } finally {
            context.runCell(NotebookApi.stopClock(), false);
        }
    }
}
