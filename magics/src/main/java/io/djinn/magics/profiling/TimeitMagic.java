package io.djinn.magics.profiling;

import io.djinn.magics.CellMagic;
import io.djinn.magics.CodeMagic;
import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.NotebookApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "timeit", mixinStandardHelpOptions = true,
        description = {"Times a statement over many loops, as IPython's %%timeit: %%timeit [options] STMT, or "
                + "%%%%timeit [options] [SETUP] with the statements in the cell.",
            "The code first runs once as a cell would: what it declares is kept, its value is shown, and a "
                + "compile error points at your line. Then it is compiled once more as a block and timed; each run "
                + "is synchronised with the GPUs. In that block, variables the setup declares must not be "
                + "reassigned by the timed code (Java lambda rules)."})
public final class TimeitMagic extends CodeMagic implements LineMagic, CellMagic {

    /** The variable that -o fills. */
    static final String RESULT_VARIABLE = "_timeit";

    @Option(names = "-n", paramLabel = "N", defaultValue = "0",
            description = "loops per run (default: the smallest power of 10 for which one run lasts 0.2 s)")
    int loops;

    @Option(names = "-r", paramLabel = "R", defaultValue = "7", description = "runs (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "-q", description = "print nothing")
    boolean quiet;

    @Option(names = "-o", description = "keep the TimeitResult in the variable " + RESULT_VARIABLE + " and show it")
    boolean output;


    @Override
    public void run(MagicContext context) throws Exception {
        if (code.isBlank()) {
            throw new MagicException("%timeit: give a statement to time, as in %timeit a.matMul(b)");
        }
        timeit(context, "", code, MagicContext.CodeStart.ON_MAGIC_LINE);
    }

    @Override
    public void run(MagicContext context, String body) throws Exception {
        if (body.isBlank()) {
            throw new MagicException("%%timeit: the cell has no statements to time.");
        }
        timeit(context, code, body, MagicContext.CodeStart.AFTER_MAGIC_LINE);
    }

    /** @param start where the statements start: the setup, when there is one, is on the magic's line */
    private void timeit(MagicContext context, String setup, String statements, MagicContext.CodeStart start)
            throws MagicException {
        if (loops < 0 || repeat < 1) {
            throw new MagicException("%timeit: -n must be 0 (automatic) or more and -r at least 1.");
        }
        boolean ran = setup.isBlank() ? context.runOwnCode(statements, true, start)
                : context.runOwnCode(setup + "\n" + statements, true, MagicContext.CodeStart.ON_MAGIC_LINE);
        if (!ran) {
            return;
        }
        String call = NotebookApi.timeit(loops, repeat, quiet, JavaSource.asStatements(context, setup),
                JavaSource.asStatements(context, statements));
        if (output) {
            if (context.runCell("var " + RESULT_VARIABLE + " = " + call + ";", false)) {
                context.runCell(RESULT_VARIABLE, true);
            }
        } else {
            context.runCell(call + ";", false);
        }
    }
}
