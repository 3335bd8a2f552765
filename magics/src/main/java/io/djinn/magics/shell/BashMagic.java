package io.djinn.magics.shell;

import picocli.CommandLine.Command;

@Command(name = "bash", mixinStandardHelpOptions = true,
        description = {"Runs the cell with bash, as IPython's %%%%bash.",
            "Output streams into the cell while the script runs (stderr as stderr); the interrupt button stops it and "
                + "what it started; a status other than 0 fails the cell and says which. It runs in the notebook's "
                + "directory with the variables %%env set, and reads no input."})
public final class BashMagic extends ScriptMagic {

    public BashMagic(SessionEnvironment environment) {
        super(environment, "bash");
    }
}
