package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JShellCompactorTest {

    private JShell shell;
    private JShellCompactor compactor;
    private TemporaryResults results;

    @BeforeEach
    void startShell() {
        shell = JShell.builder().executionEngine("local").build();
        compactor = JShellCompactor.of(shell);
        results = new TemporaryResults();
        assertTrue(compactor.complete(), "surefire opens jdk.jshell and jdk.compiler as the kernel jar's manifest does");
    }

    @AfterEach
    void closeShell() {
        shell.close();
    }

    /** Evaluates one snippet as JavaEvaluator does; returns its value and fails on any error. */
    private String run(String code) {
        String value = null;
        List<SnippetEvent> events = shell.eval(code);
        events.forEach(compactor::observed);
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            results.noteNamesUsed(shell, event.snippet());
            assertEquals(Snippet.Status.VALID, event.status(),
                    () -> code + ": " + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
            assertNull(event.exception(), code);
            results.evaluated(shell, event.snippet()).forEach(compactor::dropped);
            value = event.value();
        }
        compactor.afterCell();
        return value;
    }

    @Test
    void jshellsRecordsStayBoundedOverALongSession() {
        run("int total = 0;");
        for (int i = 0; i < 300; i++) {
            run("total += " + i + ";");          // a statement
            run("total");                        // an expression
            run(i + " * 2");                     // a result variable
        }
        assertEquals(String.valueOf(299 * 300 / 2), run("total"));
        compactor.sweepSymbolTables();
        // total and the newest result variables (and the expression just run) are all JShell still lists.
        long listed = shell.snippets().count();
        int classes = compactor.compiledClassCount();
        int symbols = compactor.symbolTableEntries();
        assertTrue(listed <= TemporaryResults.KEPT + 2, "snippets JShell lists: " + listed);
        assertTrue(classes <= TemporaryResults.KEPT + 2, "classes shown to the compiler: " + classes);

        for (int i = 0; i < 300; i++) {
            run("total += " + i + ";");
            run(i + " * 2");
        }
        compactor.sweepSymbolTables();
        assertTrue(shell.snippets().count() <= listed, "snippets listed grew to " + shell.snippets().count());
        assertEquals(classes, compactor.compiledClassCount(), "classes shown to the compiler");
        // javac enters the symbols of the classes it reads; JShell's own come and go without a trace.
        assertTrue(compactor.symbolTableEntries() < symbols + 50,
                "symbol table entries grew from " + symbols + " to " + compactor.symbolTableEntries());
    }

    @Test
    void aDeclarationRunAgainLeavesNothingOfItsOldSelf() {
        run("int seed = 1;");
        run("int next() { return seed * 2; }");
        for (int i = 0; i < 300; i++) {
            run("int seed = " + i + ";");        // the same cell run again and again
            run("var table = java.util.List.of(seed, next());");
        }
        assertEquals("[299, 598]", run("table"));
        assertTrue(shell.snippets().count() <= TemporaryResults.KEPT + 5, "snippets JShell lists: " + shell.snippets().count());
        assertTrue(compactor.compiledClassCount() <= TemporaryResults.KEPT + 5,
                "classes shown to the compiler: " + compactor.compiledClassCount());
    }

    @Test
    void plainJShellKeepsEverythingWhichIsWhatThisFixes() {
        try (JShell plain = JShell.builder().executionEngine("local").build()) {
            plain.eval("int total = 0;");
            for (int i = 0; i < 300; i++) {
                plain.eval("total += " + i + ";");
            }
            JShellCompactor counter = JShellCompactor.of(plain);
            assertTrue(counter.compiledClassCount() > 300, "classes: " + counter.compiledClassCount());
            assertTrue(plain.snippets().count() > 300, "snippets: " + plain.snippets().count());
            int before = counter.symbolTableEntries();
            counter.sweepSymbolTables();
            assertTrue(counter.symbolTableEntries() < before - 300,
                    "empty symbol entries: " + before + " before a sweep, " + counter.symbolTableEntries() + " after");
        }
    }

    @Test
    void declarationsRedefinitionsAndNestedTypesStillCompileAfterCompaction() {
        run("class Point { int x = 1; }");
        run("interface Shape { double area(); }");
        run("record Square(double side) implements Shape { public double area() { return side * side; } }");
        run("enum Colour { RED, GREEN }");
        run("int twice(int n) { return 2 * n; }");
        run("double twice(double d) { return 2 * d; }");
        run("Object holder = null;");
        // A statement with an anonymous and a local class: their classes go, the values stay usable.
        run("holder = new Object() { public String toString() { return \"anonymous\"; } };");
        run("{ class Local { int v = 5; } holder = new Local().v + \"\" + holder; }");
        assertEquals("\"5anonymous\"", run("holder.toString()"));
        // A result variable with an anonymous class, named by a declaration, then pushed out.
        run("new Object() { int field = 42; }");
        String anonymous = newestResultName();
        run("var named = " + anonymous + ";");
        for (int i = 0; i < TemporaryResults.KEPT + 5; i++) {
            run(i + " + 1");
        }
        assertEquals("42", run("named.field"), anonymous + " and its class stay: named uses them");
        // Redefinitions after compaction: JShell replaces them and recompiles what uses them.
        run("Point make() { return new Point(); }");
        run("class Point { int x = 7; int y = 8; }");
        assertEquals("15", run("make().x + make().y"));
        run("int counter = 0;");
        run("counter += 5;");
        run("int counter = 100;");
        run("counter += 1;");
        assertEquals("101", run("counter"));
        assertEquals("9.0", run("new Square(3).area()"));
        assertEquals("GREEN", run("Colour.values()[1]"));
        assertEquals("8", run("twice(4)"));
        assertEquals("5.0", run("twice(2.5)"));
        // Completion still knows what was declared.
        List<String> completions = shell.sourceCodeAnalysis().completionSuggestions("hol", 3, new int[1]).stream()
                .map(suggestion -> suggestion.continuation()).toList();
        assertTrue(completions.contains("holder"), completions.toString());
        // An exception from code declared long ago still comes through.
        run("void boom() { throw new IllegalStateException(\"boom\"); }");
        for (int i = 0; i < 50; i++) {
            run("Math.abs(-" + i + ");");
        }
        List<SnippetEvent> failed = shell.eval("boom();");
        assertEquals("boom", failed.get(0).exception().getMessage());
    }

    private String newestResultName() {
        return shell.snippets().filter(s -> s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)
                .map(s -> ((VarSnippet) s).name()).reduce((first, second) -> second).orElseThrow();
    }
}
