package io.djinn.kernel.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * Keeps the most recent {@value #KEPT} of JShell's result variables ($1, $2, ... one per expression a
 * cell ends with) and drops older ones. JShell imports every live declaration into each new snippet,
 * so without a bound each expression cell makes every later cell slower to compile: a trivial cell
 * went from 33 ms to 89 ms after 600 expression cells here (45 ms with 200 kept). Named variables are never dropped,
 * and neither is a result variable that any later code names ({@code var out = $12;}): JShell would turn
 * every declaration that uses it into one that cannot be used until {@code $12} is declared again.
 */
final class TemporaryResults {

    static final int KEPT = 100;

    // JShell names its result variables $1, $2, ...; any such word in code may refer to one.
    private static final Pattern RESULT_NAME = Pattern.compile("\\$\\d+");

    private final Deque<VarSnippet> results = new ArrayDeque<>();
    private final Set<String> named = new HashSet<>();
    private JShell shell;

    /** Call for each snippet a cell evaluated, failed ones included, holding the analysis gate. */
    void noteNamesUsed(JShell current, Snippet snippet) {
        follow(current);
        Matcher names = RESULT_NAME.matcher(snippet.source());
        while (names.find()) {
            named.add(names.group());
        }
    }

    /**
     * Call for each snippet that ran without error, after {@link #noteNamesUsed}, holding the analysis
     * gate; returns the result variables this dropped.
     */
    List<VarSnippet> evaluated(JShell current, Snippet snippet) {
        follow(current);
        List<VarSnippet> dropped = new ArrayList<>();
        if (snippet instanceof VarSnippet result && result.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && current.status(result).isActive()) {
            results.addLast(result);
            while (results.size() > KEPT) {
                VarSnippet oldest = results.removeFirst();
                if (current.status(oldest).isActive() && !named.contains(oldest.name())) {
                    current.drop(oldest);
                    dropped.add(oldest);
                }
            }
        }
        return dropped;
    }

    private void follow(JShell current) {
        if (current != shell) {
            // A fresh runtime has a fresh JShell: the old results went with it.
            results.clear();
            named.clear();
            shell = current;
        }
    }

    int size() {
        return results.size();
    }
}
