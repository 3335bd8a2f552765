package io.djinn.magics.ijava;

import io.djinn.magics.CodeMagic;
import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

@Command(name = "system", aliases = "exec", mixinStandardHelpOptions = true,
        description = {"Runs a shell command, as IJava's %system and %exec: %system nvidia-smi.",
            "Its output (stdout and stderr together) streams into the cell while it runs; the interrupt button "
                + "stops it. A command that exits with a status other than 0 fails the cell. The command runs in "
                + "the kernel's working directory (the notebook's), through /bin/sh, so pipes and globs work."})
public final class SystemMagic extends CodeMagic implements LineMagic {

    private static final long POLL_MS = 100;
    private static final long DRAIN_MS = 2000;

    @Override
    public void run(MagicContext context) throws Exception {
        if (code.isBlank()) {
            throw new MagicException("%system: give a command, as in %system nvidia-smi");
        }
        Process process;
        try {
            process = new ProcessBuilder(shell(code)).directory(context.workingDirectory().toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new MagicException("%system: could not start the command: " + e.getMessage());
        }
        process.getOutputStream().close(); // the command gets no input; one that waits for some ends at once
        Thread pump = new Thread(() -> pump(process.getInputStream(), context), "djinn-system-output");
        pump.setDaemon(true);
        pump.start();
        while (!process.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
            if (context.interrupted()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                pump.join(DRAIN_MS);
                throw new MagicException("%system: stopped: " + code);
            }
        }
        pump.join(DRAIN_MS);
        if (process.exitValue() != 0) {
            throw new MagicException("%system: '" + code + "' exited with status " + process.exitValue()
                    + (process.exitValue() == 127 ? " (the shell found no such command)." : "."));
        }
    }

    private static List<String> shell(String command) {
        return System.getProperty("os.name").startsWith("Windows") ? List.of("cmd", "/c", command)
                : List.of("/bin/sh", "-c", command);
    }

    /** Copies the command's output into the cell as it comes, in the chunks it is written in. */
    private static void pump(InputStream output, MagicContext context) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(output, StandardCharsets.UTF_8)) {
            int read;
            while ((read = reader.read(buffer)) > 0) {
                context.print(new String(buffer, 0, read));
            }
        } catch (IOException e) {
            // The process was stopped: what it printed so far was shown.
        }
    }
}
