package io.djinn.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.maven.ProvidedArtifacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class MagicRegistryTest {

    @Command(name = "greet", mixinStandardHelpOptions = true, description = "Says hello.")
    static final class Greet implements LineMagic {
        @Parameters(index = "0") String who;
        @Option(names = "--times", defaultValue = "1") int times;

        @Override
        public void run(MagicContext context) {
            context.print(("hello " + who + "\n").repeat(times));
        }
    }

    @Command(name = "shout", description = "Upper-cases the cell.")
    static final class Shout implements CellMagic {
        @Override
        public void run(MagicContext context, String body) {
            context.print(body.toUpperCase());
        }
    }

    static final class RecordingContext implements MagicContext {
        final List<String> printed = new ArrayList<>();

        @Override public boolean runCell(String source, boolean showValue) { return true; }
        @Override public String expressionType(String code) { return null; }
        @Override public List<CodePiece> pieces(String code) { return List.of(); }
        @Override public List<Variable> variables() { return List.of(); }
        @Override public boolean interrupted() { return false; }
        @Override public void addToClasspath(List<Path> entries) {}
        @Override public void print(String text) { printed.add(text); }
        @Override public void display(Map<String, String> bundle) {}
        @Override public Path workingDirectory() { return Path.of("."); }
    }

    private final MagicRegistry registry = new MagicRegistry().register(Greet::new).register(Shout::new);
    private final RecordingContext context = new RecordingContext();

    @Test
    void parsesArgumentsIntoAFreshInstance() throws Exception {
        registry.runLine("greet", "world --times 2", context);
        registry.runLine("greet", "again", context);
        assertEquals(List.of("hello world\nhello world\n", "hello again\n"), context.printed);
    }

    @Test
    void cellMagicGetsTheBody() throws Exception {
        registry.runCell("shout", "", "quiet words", context);
        assertEquals(List.of("QUIET WORDS"), context.printed);
    }

    @Test
    void helpOptionPrintsUsageInsteadOfRunning() throws Exception {
        registry.runLine("greet", "--help", context);
        assertTrue(context.printed.get(0).contains("Says hello."), context.printed.toString());
        assertTrue(context.printed.get(0).contains("--times"));
    }

    @Test
    void badArgumentsExplainAndShowUsage() {
        MagicException error = assertThrows(MagicException.class, () -> registry.runLine("greet", "", context));
        assertTrue(error.getMessage().startsWith("%greet: Missing required parameter"), error.getMessage());
        assertTrue(error.getMessage().contains("Usage: greet"), error.getMessage());
        MagicException notANumber = assertThrows(MagicException.class,
                () -> registry.runLine("greet", "x --times many", context));
        assertTrue(notANumber.getMessage().contains("'many' is not an int"), notANumber.getMessage());
    }

    @Test
    void unknownMagicSuggestsTheClosestName() {
        MagicException error = assertThrows(MagicException.class, () -> registry.runLine("gret", "x", context));
        assertEquals("Unknown magic %gret. Did you mean %greet? %lsmagic lists the magics.", error.getMessage());
        MagicException far = assertThrows(MagicException.class, () -> registry.runLine("zzzzzz", "", context));
        assertEquals("Unknown magic %zzzzzz. %lsmagic lists the magics.", far.getMessage());
    }

    @Test
    void lineAndCellNamespacesAreSeparate() {
        assertThrows(MagicException.class, () -> registry.runCell("greet", "x", "", context));
        assertEquals(List.of("greet"), registry.namesStartingWith("gr", false));
        assertEquals(List.of("shout"), registry.namesStartingWith("", true));
    }

    @Test
    void ijavaMagicsAllRegisterWithHelp() throws MagicException {
        MagicRegistry ijava = new MagicRegistry();
        io.djinn.magics.ijava.IJavaMagics.registerAll(ijava, new ProvidedArtifacts(Map.of()), null);
        List<String> names = new ArrayList<>();
        ijava.lineMagics().forEach(entry -> names.add(entry.name()));
        // IJava's %system and %exec are in the shell family (ShellMagicsTest).
        assertEquals(List.of("classpath", "jars", "load", "lsmagic", "maven", "mavenRepo"), names);
        assertEquals("loadFromPOM", ijava.cellMagics().get(0).name());
        for (MagicRegistry.Entry entry : ijava.lineMagics()) {
            assertTrue(ijava.help(entry.name(), false).contains("Usage: " + entry.name()), entry.name());
            assertTrue(!entry.summary().isEmpty(), entry.name());
        }
    }
}
