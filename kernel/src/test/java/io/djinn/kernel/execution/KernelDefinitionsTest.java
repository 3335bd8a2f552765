package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.kernel.runtime.SnippetSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default imports with a real JShell (in this JVM), through cells a user writes. */
class KernelDefinitionsTest {

    private JShell shell;
    private KernelDefinitions definitions;
    private final List<String> notes = new ArrayList<>();

    @BeforeEach
    void runTheDefaultImports() throws IOException {
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        String source;
        try (InputStream in = io.djinn.kernel.Main.class.getResourceAsStream("default-imports.jsh")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Snippet> kernelSnippets = new ArrayList<>();
        for (SnippetSource snippet : SnippetSource.split(shell.sourceCodeAnalysis(), source)) {
            for (SnippetEvent event : shell.eval(snippet.code())) {
                assertEquals(Snippet.Status.VALID, event.status(), snippet.code() + ": "
                        + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                if (event.snippet() instanceof PersistentSnippet) {
                    kernelSnippets.add(event.snippet());
                }
            }
        }
        definitions = new KernelDefinitions(kernelSnippets);
    }

    @AfterEach
    void close() {
        shell.close();
    }

    /** Runs a cell's source as the kernel does; returns the value of its last snippet, or the compile error. */
    private String cell(String source) {
        String value = null;
        for (SnippetSource snippet : SnippetSource.split(shell.sourceCodeAnalysis(), source)) {
            List<SnippetEvent> events = shell.eval(snippet.code());
            // A plain JShell in this JVM: every recompiled variable starts over (the runtime keeps what fits).
            KernelDefinitions.Outcome outcome = definitions.afterSnippet(shell, events, name -> true);
            List<SnippetEvent> all = new ArrayList<>(events);
            all.addAll(outcome.events());
            notes.addAll(UpdateNotes.describe(shell, all, definitions::isKernelVariable, name -> true));
            notes.addAll(outcome.notes());
            SnippetEvent own = events.get(0);
            value = own.status() == Snippet.Status.REJECTED
                    ? "rejected: " + shell.diagnostics(own.snippet()).map(d -> d.getMessage(null)).toList()
                    : own.value();
        }
        return value;
    }

    @Test
    void theDefaultsAreUnambiguousAfterAnAwtImportAndTheUsersPackageWinsWhereTheyShareANonPinnedName() {
        cell("var names = new ArrayList<String>(List.of(\"a\"));");
        cell("import java.awt.*;");
        assertEquals("1", cell("names.size()"));
        assertEquals("\"java.util.List\"", cell("List.class.getName()"));
        assertEquals("\"ai.djl.ndarray.types.Shape\"", cell("Shape.class.getName()"));
        assertEquals("\"java.awt.Font\"", cell("Font.class.getName()"));
        assertTrue(notes.contains("Font means java.awt.Font now: your import java.awt.* comes before Djinn's default "
                + "import tech.tablesaw.plotly.components.*."), notes.toString());
    }

    @Test
    void djlUtilAndTablesawsDocsImportsLeaveNoAmbiguity() {
        cell("import ai.djl.util.*;");
        assertEquals("\"ai.djl.util.Utils\"", cell("Utils.class.getName()"));
        cell("import tech.tablesaw.plotly.Plot;");
        assertEquals("\"tech.tablesaw.plotly.Plot\"", cell("Plot.class.getName()"));
        assertEquals("false", cell("manager == null"));
    }

    @Test
    void aTypeNamedLikeADefaultImportReplacesItAndLaterCellsStillCompile() {
        cell("class Devices { static String where() { return \"mine\"; } }");
        assertEquals("\"mine\"", cell("Devices.where()"));
        assertEquals("2", cell("1 + 1"));
        assertTrue(notes.contains("class Devices replaces import io.djinn.api.Devices."), notes.toString());
        cell("record Shape(int w, int h) {}");
        assertEquals("\"Shape[w=2, h=3]\"", cell("new Shape(2, 3).toString()"));
        assertEquals("false", cell("manager == null"));
    }

    @Test
    void theNotebooksManagerIsRestoredWhenAUserDeclarationResetsIt() {
        cell("class NDManager {}");
        cell("int io = 3;");
        assertEquals("false", cell("manager == null"));
        assertEquals("\"ai.djl.ndarray.NDManager\"", cell("manager.getClass().getInterfaces()[0].getName()"));
    }

    @Test
    void aUsersOwnManagerIsTheirs() {
        cell("String manager = \"mine\";");
        assertEquals("\"mine\"", cell("manager"));
    }

    @Test
    void resetAndUnusableDeclarationsAreReportedWithTheirCause() {
        cell("class Box { int v = 1; }");
        cell("Box box = new Box();");
        cell("class Box { int v = 2; }");
        assertTrue(notes.contains("variable box was reset to null because class Box changed; run its cell again to set it."),
                notes.toString());
        notes.clear();
        cell("List<String> items = new ArrayList<>();");
        cell("import java.awt.List;");
        assertEquals(List.of("List means java.awt.List now (it meant java.util.List)."), notes);
        assertEquals("0", cell("items.size()"), "JShell keeps what was compiled against the old List");
        notes.clear();
        cell("class Gadget { static int make() { return 1; } }");
        cell("int useGadget() { return Gadget.make(); }");
        cell("class Gadget { }");
        assertEquals(List.of("method useGadget() can only be used once method make() is declared.",
                "class Gadget replaces its earlier declaration."), notes);
        notes.clear();
        cell("class Gadget { static int make() { return 2; } }");
        assertTrue(notes.contains("method useGadget() can be used again."), notes.toString());
        assertEquals("2", cell("useGadget()"));
        notes.clear();
        cell("int twice(int x) { return 2 * x; }");
        cell("int twice(int x) { return x + x; }");
        assertTrue(notes.contains("method twice(int) replaces its earlier declaration."), notes.toString());
        notes.clear();
        cell("int twice(int x) { return x + x; }");
        assertEquals(List.of(), notes, "re-running the same declaration is not news");
    }
}
