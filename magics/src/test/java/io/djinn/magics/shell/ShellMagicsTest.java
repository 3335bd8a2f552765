package io.djinn.magics.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.MagicException;
import io.djinn.magics.MagicRegistry;
import io.djinn.magics.RecordingMagicContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %env, %%bash, %%sh, %system, %%writefile and %pwd with real processes and files, in a scratch directory. */
class ShellMagicsTest {

    @TempDir
    Path directory;

    private final SessionEnvironment environment = new SessionEnvironment(Map.of("HOME", "/home/djinn",
            "JUPYTERHUB_API_TOKEN", "s3cr3t", "PATH", System.getenv("PATH")));
    private final MagicRegistry registry = new MagicRegistry();
    private final RecordingMagicContext context = new RecordingMagicContext();

    ShellMagicsTest() {
        ShellMagics.registerAll(registry, environment);
    }

    private RecordingMagicContext inDirectory() {
        context.directory = directory;
        return context;
    }

    @Test
    void envListsHidingSecretsShowsOneAndSets() throws Exception {
        registry.runLine("env", "", context);
        assertTrue(context.out.toString().contains("HOME=/home/djinn\n"), context.out.toString());
        assertTrue(context.out.toString().contains("JUPYTERHUB_API_TOKEN=<hidden>\n"), "a token is not listed");
        registry.runLine("env", "JUPYTERHUB_API_TOKEN", context);
        assertTrue(context.out.toString().endsWith("s3cr3t\n"), "asked for by name, it is shown");

        registry.runLine("env", "DJL_CACHE_DIR=/tmp/djl cache", context);
        registry.runLine("env", "MODE 'fast mode'", context);
        registry.runLine("env", "QUOTED=\"a b\"", context);
        assertEquals(Map.of("DJL_CACHE_DIR", "/tmp/djl cache", "MODE", "fast mode", "QUOTED", "a b"),
                environment.overrides());
        assertTrue(context.out.toString().contains("env: MODE=fast mode\n"));
        assertTrue(context.out.toString().contains("System.getenv() in the running runtime keeps its old value"));
    }

    @Test
    void envRefusesWhatItCannotRead() {
        MagicException unset = assertThrows(MagicException.class, () -> registry.runLine("env", "NOPE_NOT_SET", context));
        assertEquals("%env: NOPE_NOT_SET is not set", unset.getMessage());
        MagicException badName = assertThrows(MagicException.class, () -> registry.runLine("env", "1X=2", context));
        assertTrue(badName.getMessage().startsWith("%env: '1X=2' is not a variable name"), badName.getMessage());
        assertThrows(MagicException.class, () -> registry.runLine("env", "A B C", context));
        assertEquals(Map.of(), environment.overrides());
    }

    @Test
    void bashRunsTheCellWithTheSessionsVariablesInTheNotebooksDirectory() throws Exception {
        environment.set("GREETING", "hello from %env");
        registry.runCell("bash", "", "echo \"$GREETING\"\npwd\necho oops >&2\nfor i in 1 2; do echo line $i; done",
                inDirectory());
        assertEquals("hello from %env\n" + directory.toRealPath() + "\nline 1\nline 2\n", context.out.toString());
        assertEquals("oops\n", context.err.toString(), "stderr apart");
    }

    @Test
    void aScriptThatFailsFailsTheCellWithItsStatus() {
        MagicException failed = assertThrows(MagicException.class,
                () -> registry.runCell("sh", "", "echo before\nexit 3", inDirectory()));
        assertEquals("%%sh: the script exited with status 3.", failed.getMessage());
        assertEquals("CalledProcessError", failed.errorName());
        assertEquals("before\n", context.out.toString(), "what it printed first is shown");
        MagicException missing = assertThrows(MagicException.class,
                () -> registry.runCell("bash", "", "no-such-command-djinn", inDirectory()));
        assertTrue(missing.getMessage().endsWith("status 127 (the shell found no such command)."), missing.getMessage());
        MagicException empty = assertThrows(MagicException.class, () -> registry.runCell("bash", "", "  \n", context));
        assertTrue(empty.getMessage().startsWith("%%bash: the cell has no script"), empty.getMessage());
    }

    @Test
    void anInterruptStopsTheScriptAndWhatItStarted() throws Exception {
        Path marker = directory.resolve("still-running");
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            context.interrupt = true;
        });
        interrupter.start();
        long started = System.nanoTime();
        MagicException stopped = assertThrows(MagicException.class, () -> registry.runCell("bash", "",
                "echo started\n(sleep 30; touch still-running) &\nsleep 30", inDirectory()));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertEquals("%%bash: stopped: the script", stopped.getMessage());
        assertEquals("Interrupted", stopped.errorName());
        // Interrupted after 0.5 s; 20 s is far from 30 s of sleep and leaves room for a slow machine.
        assertTrue(seconds < 20, "stopped after " + seconds + " s");
        assertEquals("started\n", context.out.toString());
        assertFalse(Files.exists(marker), "the background job was stopped too");
    }

    @Test
    void systemStillMergesItsStreamsAsIJavasDid() throws Exception {
        registry.runLine("system", "echo out; echo err >&2", inDirectory());
        assertEquals("out\nerr\n", context.out.toString());
    }

    @Test
    void writefileWritesAppendsAndSaysWhichLikeIPython() throws Exception {
        registry.runCell("writefile", "notes.txt", "first line", inDirectory());
        registry.runCell("writefile", "-a notes.txt", "second line\n", context);
        assertEquals("first line\nsecond line\n", Files.readString(directory.resolve("notes.txt")));
        registry.runCell("writefile", "notes.txt", "replaced", context);
        assertEquals("replaced\n", Files.readString(directory.resolve("notes.txt")));
        registry.runCell("writefile", "-a 'with space.txt'", "new", context);
        assertEquals("new\n", Files.readString(directory.resolve("with space.txt")));
        assertEquals("Writing notes.txt\nAppending to notes.txt\nOverwriting notes.txt\nWriting with space.txt\n",
                context.out.toString());
    }

    @Test
    void writefileRefusesAMissingNameOrDirectory() {
        MagicException noFile = assertThrows(MagicException.class,
                () -> registry.runCell("writefile", "-a", "text", inDirectory()));
        assertTrue(noFile.getMessage().contains("Missing required parameter: 'FILE'"), noFile.getMessage());
        MagicException noDirectory = assertThrows(MagicException.class,
                () -> registry.runCell("writefile", "missing/notes.txt", "text", context));
        assertTrue(noDirectory.getMessage().startsWith("%%writefile: there is no directory"), noDirectory.getMessage());
        assertFalse(Files.exists(directory.resolve("missing")));
    }

    @Test
    void everyShellMagicIsRegisteredWithHelp() throws Exception {
        assertEquals(List.of("env", "exec", "pwd", "system"), registry.lineMagics().stream().map(MagicRegistry.Entry::name).toList());
        assertEquals(List.of("bash", "sh", "writefile"), registry.cellMagics().stream().map(MagicRegistry.Entry::name).toList());
        for (MagicRegistry.Entry entry : registry.lineMagics()) {
            String command = entry.name().equals("exec") ? "system" : entry.name(); // IJava's alias of %system
            assertTrue(registry.help(entry.name(), false).contains("Usage: " + command), entry.name());
        }
        for (MagicRegistry.Entry entry : registry.cellMagics()) {
            assertTrue(registry.help(entry.name(), true).contains("Usage: " + entry.name()), entry.name());
        }
    }

    @Test
    void pwdShowsTheNotebooksDirectory() throws Exception {
        registry.runLine("pwd", "", inDirectory());
        assertEquals(directory + "\n", context.out.toString());
    }
}
