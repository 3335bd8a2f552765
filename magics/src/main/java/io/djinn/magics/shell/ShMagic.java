package io.djinn.magics.shell;

import picocli.CommandLine.Command;

@Command(name = "sh", mixinStandardHelpOptions = true,
        description = {"Runs the cell with sh, as IPython's %%%%sh; otherwise as %%%%bash."})
public final class ShMagic extends ScriptMagic {

    public ShMagic(SessionEnvironment environment) {
        super(environment, "sh");
    }
}
