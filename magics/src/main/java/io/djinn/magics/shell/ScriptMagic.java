package io.djinn.magics.shell;

import io.djinn.magics.CellMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import java.util.List;

/** A cell run as a script by a shell ({@code %%bash}, {@code %%sh}): the lines after the magic are the script. */
abstract class ScriptMagic implements CellMagic {

    private final SessionEnvironment environment;
    private final String shell;

    ScriptMagic(SessionEnvironment environment, String shell) {
        this.environment = environment;
        this.shell = shell;
    }

    @Override
    public void run(MagicContext context, String body) throws Exception {
        if (body.isBlank()) {
            throw new MagicException("%%" + shell + ": the cell has no script: write it on the lines after %%" + shell);
        }
        ShellCommand.run(List.of(shell, "-c", body), context, environment, "%%" + shell, "the script", false);
    }
}
