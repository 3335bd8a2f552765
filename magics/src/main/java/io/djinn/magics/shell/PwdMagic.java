package io.djinn.magics.shell;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import picocli.CommandLine.Command;

@Command(name = "pwd", mixinStandardHelpOptions = true,
        description = {"Shows the working directory: the notebook's, where relative paths in code and magics start.",
            "A JVM cannot change its working directory, so there is no %%cd: give paths relative to this one, or "
                + "absolute."})
public final class PwdMagic implements LineMagic {

    @Override
    public void run(MagicContext context) {
        context.print(context.workingDirectory() + "\n");
    }
}
