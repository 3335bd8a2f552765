package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.Test;

class TemporaryResultsTest {

    private static Snippet eval(JShell shell, TemporaryResults results, String code) {
        SnippetEvent event = shell.eval(code).get(0);
        results.noteNamesUsed(shell, event.snippet());
        results.evaluated(shell, event.snippet());
        return event.snippet();
    }

    @Test
    void onlyTheNewestResultVariablesStay() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            TemporaryResults results = new TemporaryResults();
            Snippet named = eval(shell, results, "int kept = 7;");
            List<Snippet> expressions = new ArrayList<>();
            for (int i = 0; i < TemporaryResults.KEPT + 5; i++) {
                expressions.add(eval(shell, results, i + " + 1"));
            }
            assertEquals(TemporaryResults.KEPT, results.size());
            for (int i = 0; i < 5; i++) {
                assertEquals(Snippet.Status.DROPPED, shell.status(expressions.get(i)), "$" + i);
            }
            assertEquals(Snippet.Status.VALID, shell.status(expressions.get(5)));
            assertEquals(Snippet.Status.VALID, shell.status(expressions.get(expressions.size() - 1)));
            assertEquals(Snippet.Status.VALID, shell.status(named));
            assertEquals("7", shell.eval("kept").get(0).value());
        }
    }

    @Test
    void aResultVariableThatLaterCodeNamesIsKept() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            TemporaryResults results = new TemporaryResults();
            Snippet answer = eval(shell, results, "40 + 2");
            String name = ((VarSnippet) answer).name();
            eval(shell, results, "var out = " + name + ";");
            eval(shell, results, "int doubled() { return 2 * " + name + "; }");
            for (int i = 0; i < TemporaryResults.KEPT + 5; i++) {
                eval(shell, results, i + " + 1");
            }
            // Dropping it would leave out and doubled() unusable "until $1 is declared".
            assertEquals(Snippet.Status.VALID, shell.status(answer));
            assertEquals("42", shell.eval("out").get(0).value());
            assertEquals("84", shell.eval("doubled()").get(0).value());
        }
    }

    @Test
    void aNewShellStartsAfresh() {
        TemporaryResults results = new TemporaryResults();
        try (JShell first = JShell.builder().executionEngine("local").build()) {
            eval(first, results, "1 + 1");
        }
        try (JShell second = JShell.builder().executionEngine("local").build()) {
            eval(second, results, "2 + 2");
            assertEquals(1, results.size());
        }
    }
}
