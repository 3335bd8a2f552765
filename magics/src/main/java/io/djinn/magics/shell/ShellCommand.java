package io.djinn.magics.shell;

import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a command for a magic: in the notebook's directory, with the session's environment, no input; its output
 * streams into the cell while it runs (stdout and stderr apart, or together), the interrupt button stops it and
 * everything it started, and a status other than 0 fails the cell.
 */
final class ShellCommand {

    private static final long POLL_MS = 100;
    private static final long DRAIN_MS = 2000;

    private ShellCommand() {}

    /**
     * @param magic the magic's name as the user typed it ("%system", "%%bash"), for messages
     * @param what what ran, for the message when it fails ("'ls /nope'", "the script")
     * @param mergeErrors whether stderr goes with stdout into the cell's stdout (as IJava's %system did)
     */
    static void run(List<String> command, MagicContext context, SessionEnvironment environment, String magic,
            String what, boolean mergeErrors) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(context.workingDirectory().toFile())
                .redirectErrorStream(mergeErrors);
        builder.environment().putAll(environment.overrides());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new MagicException(magic + ": could not start " + command.get(0) + ": " + e.getMessage());
        }
        process.getOutputStream().close(); // no input: a command that waits for some ends at once
        Thread out = pump(process.getInputStream(), context::print, "djinn-shell-stdout");
        Thread err = mergeErrors ? null : pump(process.getErrorStream(), context::printError, "djinn-shell-stderr");
        while (!process.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
            if (context.interrupted()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                drain(out, err);
                throw new MagicException(magic + ": stopped: " + what, "Interrupted");
            }
        }
        drain(out, err);
        int status = process.exitValue();
        if (status != 0) {
            throw new MagicException(magic + ": " + what + " exited with status " + status
                    + (status == 127 ? " (the shell found no such command)." : "."), "CalledProcessError");
        }
    }

    private static void drain(Thread out, Thread err) throws InterruptedException {
        out.join(DRAIN_MS);
        if (err != null) {
            err.join(DRAIN_MS);
        }
    }

    /** Copies a stream into the cell as it comes, in the chunks it is written in. */
    private static Thread pump(InputStream stream, Consumer<String> cell, String name) {
        Thread thread = new Thread(() -> {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                int read;
                while ((read = reader.read(buffer)) > 0) {
                    cell.accept(new String(buffer, 0, read));
                }
            } catch (IOException e) {
                // The process was stopped: what it printed so far was shown.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
