package io.djinn.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.device.DeviceMagics;
import io.djinn.magics.ijava.IJavaMagics;
import io.djinn.magics.maven.ProvidedArtifacts;
import io.djinn.magics.plotting.PlottingMagics;
import io.djinn.magics.profiling.ProfilingMagics;
import io.djinn.magics.shell.SessionEnvironment;
import io.djinn.magics.shell.ShellMagics;
import io.djinn.magics.workspace.WorkspaceMagics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every magic the kernel registers prints its help as written, with no warning in the kernel's log. */
class MagicHelpTest {

    static MagicRegistry everyMagic() {
        MagicRegistry registry = new MagicRegistry();
        IJavaMagics.registerAll(registry, new ProvidedArtifacts(Map.of()), null);
        ProfilingMagics.registerAll(registry);
        PlottingMagics.registerAll(registry);
        DeviceMagics.registerAll(registry);
        ShellMagics.registerAll(registry, new SessionEnvironment(Map.of()));
        WorkspaceMagics.registerAll(registry);
        return registry;
    }

    @Test
    void helpTextsFormatWithoutPicocliWarningsAndShowSingleSigils() throws Exception {
        MagicRegistry registry = everyMagic();
        List<MagicRegistry.Entry> entries = new ArrayList<>(registry.lineMagics());
        entries.addAll(registry.cellMagics());
        assertTrue(entries.size() > 20, "registered: " + entries.size());
        List<String> unlike = new ArrayList<>();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            for (MagicRegistry.Entry entry : entries) {
                String help = registry.help(entry.name(), entry.cell());
                // %lsmagic shows the summary: it must read as the help does.
                if (!squeezed(help).contains(squeezed(entry.summary()))) {
                    unlike.add(entry.name() + ": summary '" + entry.summary() + "' is not in its help:\n" + help);
                }
            }
        } finally {
            System.setErr(originalErr);
        }
        assertEquals(List.of(), unlike);
        // picocli formats descriptions with String.format: an unescaped %e or %s fails and logs a warning.
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    /** Without white space, as picocli wraps lines where it likes. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
