package io.djinn.magics.workspace;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.NotebookApi;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "whos", mixinStandardHelpOptions = true,
        description = {"Lists the notebook's variables with their type and what they hold, as IPython's %%whos.",
            "An NDArray shows its shape, dtype, device and bytes; an NDManager its open arrays; a Model or Block its "
                + "parameter count; a Table its rows and columns. %%whos NDArray Model keeps those types (a simple "
                + "name of the declared type, or of any supertype of the value).",
            "The same from Java: io.djinn.api.Workspace.whos(names, types, values)."})
public final class WhosMagic implements LineMagic {

    @Parameters(paramLabel = "TYPE", arity = "0..*", description = "keep only variables of these types")
    List<String> types = new ArrayList<>();

    @Override
    public void run(MagicContext context) {
        context.runCell(NotebookApi.workspace(true, context.variables(), types), true);
    }
}
