package io.djinn.magics.shell;

import io.djinn.magics.CodeMagic;
import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "system", aliases = "exec", mixinStandardHelpOptions = true,
        description = {"Runs a shell command, as IJava's %%system and %%exec: %%system nvidia-smi.",
            "Its output (stdout and stderr together) streams into the cell while it runs; the interrupt button "
                + "stops it. A command that exits with a status other than 0 fails the cell. The command runs in "
                + "the kernel's working directory (the notebook's), through /bin/sh, so pipes and globs work, with "
                + "the variables %%env set."})
public final class SystemMagic extends CodeMagic implements LineMagic {

    private final SessionEnvironment environment;

    public SystemMagic(SessionEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run(MagicContext context) throws Exception {
        if (code.isBlank()) {
            throw new MagicException("%system: give a command, as in %system nvidia-smi");
        }
        ShellCommand.run(shell(code), context, environment, "%system", "'" + code + "'", true);
    }

    private static List<String> shell(String command) {
        return System.getProperty("os.name").startsWith("Windows") ? List.of("cmd", "/c", command)
                : List.of("/bin/sh", "-c", command);
    }
}
