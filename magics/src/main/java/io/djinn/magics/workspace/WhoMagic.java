package io.djinn.magics.workspace;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.NotebookApi;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "who", mixinStandardHelpOptions = true,
        description = {"Lists the names of the notebook's variables, sorted, as IPython's %%who; %%who NDArray keeps "
                + "one type (see %%whos)."})
public final class WhoMagic implements LineMagic {

    @Parameters(paramLabel = "TYPE", arity = "0..*", description = "keep only variables of these types")
    List<String> types = new ArrayList<>();

    @Override
    public void run(MagicContext context) {
        context.runCell(NotebookApi.workspace(false, context.variables(), types), true);
    }
}
