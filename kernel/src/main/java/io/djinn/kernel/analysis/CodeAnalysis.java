package io.djinn.kernel.analysis;

import io.djinn.kernel.execution.CellSplitter;
import io.djinn.kernel.runtime.RuntimeHost;
import io.djinn.kernel.runtime.SnippetSource;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion, inspection and completeness through JShell's source analysis, answered while a cell
 * runs (they wait for the analysis gate, which is open while user code runs). Positions are in
 * UTF-16 chars here; the protocol's code-point positions are converted by the caller.
 */
public final class CodeAnalysis implements EditorSupport, SnippetAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(CodeAnalysis.class);

    /** Completion matches replacing code[start, end). */
    public record Completion(List<String> matches, int start, int end) {}

    /** Whether code can run as is: "complete", "incomplete" (with an indent) or "invalid". */
    public record Completeness(String status, String indent) {}

    private static final long GATE_WAIT_MS = 2000;
    private static final long STARTUP_WAIT_MS = 15_000;
    // A magic's name being typed at the cursor: % or %% and the start of a name.
    private static final Pattern MAGIC_PREFIX = Pattern.compile("^(\\s*)(%{1,2})((?:" + CellSplitter.NAME + ")?)$");

    private final RuntimeHost host;
    private final MagicRegistry magics;
    private final List<Path> sourceJars;
    // The JShell that was last given the libraries' sources: a restarted runtime brings a new one.
    private JShell shellWithSources;

    /** @param sourceJars sources of the provided libraries, for their javadoc on Shift+Tab */
    public CodeAnalysis(RuntimeHost host, MagicRegistry magics, List<Path> sourceJars) {
        this.host = host;
        this.magics = magics;
        this.sourceJars = List.copyOf(sourceJars);
    }

    @Override
    public Completion complete(String code, int cursor) {
        String line = code.substring(code.lastIndexOf('\n', cursor - 1) + 1, cursor);
        Matcher magic = MAGIC_PREFIX.matcher(line);
        if (magic.matches()) {
            boolean cell = magic.group(2).length() == 2;
            List<String> names = new ArrayList<>();
            magics.namesStartingWith(magic.group(3), cell).forEach(name -> names.add(magic.group(2) + name));
            return new Completion(names, cursor - magic.group(2).length() - magic.group(3).length(), cursor);
        }
        return withAnalysis(new Completion(List.of(), cursor, cursor), (shell, analysis) -> {
            Snippet snippet = Snippet.around(analysis, blankMagics(code), cursor);
            int[] anchor = new int[1];
            Set<String> matches = new LinkedHashSet<>();
            for (SourceCodeAnalysis.Suggestion suggestion
                    : analysis.completionSuggestions(snippet.code(), snippet.cursor(), anchor)) {
                matches.add(suggestion.continuation());
            }
            return new Completion(new ArrayList<>(matches), snippet.offset() + anchor[0], cursor);
        });
    }

    /**
     * Signature and javadoc of what is at the cursor. JShell documents a name only with the cursor at
     * its end or just inside the parentheses of a call, so the cursor is moved there: inside a name,
     * at the end of a method name without parentheses (as JupyterLab sends it), or on a variable.
     */
    @Override
    public String inspect(String code, int cursor) {
        return withAnalysis("", (shell, analysis) -> {
            Snippet snippet = Snippet.around(analysis, blankMagics(code), cursor);
            String text = snippet.code();
            int end = snippet.cursor();
            while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                end++;
            }
            String found = documentation(analysis, text, end);
            if (found.isEmpty() && end < text.length() && text.charAt(end) == '(') {
                found = documentation(analysis, text, end + 1);
            }
            if (found.isEmpty() && end > 0 && Character.isJavaIdentifierPart(text.charAt(end - 1))) {
                found = documentation(analysis, text.substring(0, end) + "(", end + 1);
            }
            if (found.isEmpty()) {
                found = typeOfExpressionAt(analysis, text, end);
            }
            return found;
        });
    }

    private static String documentation(SourceCodeAnalysis analysis, String code, int cursor) {
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : analysis.documentation(code, cursor, true)) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(doc.signature());
            String javadoc = JavadocText.format(doc.javadoc());
            if (!javadoc.isEmpty()) {
                text.append("\n\n").append(javadoc);
            }
        }
        return text.toString();
    }

    /** For a variable or expression (no javadoc of its own): its type, as JShell infers it. */
    private static String typeOfExpressionAt(SourceCodeAnalysis analysis, String code, int cursor) {
        int start = cursor;
        while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) {
            start--;
        }
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        String expression = code.substring(start, end);
        if (expression.isEmpty() || expression.endsWith(".")) {
            return "";
        }
        String type = analysis.analyzeType(expression, expression.length());
        return type == null ? "" : expression + " : " + type;
    }

    /** The static type of an expression ("int", "NDArray", "void"), or null when the code is not one. */
    @Override
    public String expressionType(String code) {
        return withAnalysis(null, (shell, analysis) -> {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
            if (!info.completeness().isComplete() || !info.remaining().isBlank()) {
                return null; // several statements, or not even one
            }
            return analysis.analyzeType(code, code.length());
        });
    }

    /** The code as JShell's snippets, each with its kind, without running any; empty when JShell is not up. */
    @Override
    public List<MagicContext.CodePiece> pieces(String code) {
        return withAnalysis(List.of(), (shell, analysis) -> {
            List<MagicContext.CodePiece> pieces = new ArrayList<>();
            for (SnippetSource snippet : SnippetSource.split(analysis, code)) {
                List<jdk.jshell.Snippet> parsed = analysis.sourceToSnippets(snippet.code());
                pieces.add(new MagicContext.CodePiece(snippet.code().strip(),
                        parsed.isEmpty() ? MagicContext.CodePiece.Kind.ERRONEOUS : kind(parsed.get(0))));
            }
            return pieces;
        });
    }

    @Override
    public List<MagicContext.Variable> variables() {
        return withAnalysis(List.of(), (shell, analysis) -> shell.variables()
                .filter(variable -> shell.status(variable) == jdk.jshell.Snippet.Status.VALID)
                .filter(variable -> !variable.name().startsWith("$"))
                .map(variable -> new MagicContext.Variable(variable.name(), variable.typeName()))
                .toList());
    }

    private static MagicContext.CodePiece.Kind kind(jdk.jshell.Snippet snippet) {
        return switch (snippet.kind()) {
            case IMPORT -> MagicContext.CodePiece.Kind.IMPORT;
            case TYPE_DECL -> MagicContext.CodePiece.Kind.TYPE;
            case METHOD -> MagicContext.CodePiece.Kind.METHOD;
            case VAR -> snippet.subKind() == jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    ? MagicContext.CodePiece.Kind.EXPRESSION : MagicContext.CodePiece.Kind.VARIABLE;
            case EXPRESSION -> MagicContext.CodePiece.Kind.EXPRESSION;
            case STATEMENT -> MagicContext.CodePiece.Kind.STATEMENT;
            default -> MagicContext.CodePiece.Kind.ERRONEOUS;
        };
    }

    @Override
    public Completeness isComplete(String code) {
        return withAnalysis(new Completeness("unknown", ""), (shell, analysis) -> {
            String remaining = blankMagics(code);
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                jdk.jshell.SourceCodeAnalysis.Completeness completeness = info.completeness();
                if (completeness == jdk.jshell.SourceCodeAnalysis.Completeness.UNKNOWN) {
                    return new Completeness("invalid", "");
                }
                if (!completeness.isComplete()) {
                    return new Completeness("incomplete", indentAfter(code));
                }
                remaining = info.remaining();
            }
            return new Completeness("complete", "");
        });
    }

    static String indentAfter(String code) {
        String lastLine = code.substring(code.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        String trimmed = code.stripTrailing();
        return trimmed.endsWith("{") || trimmed.endsWith("(") ? indent + "    " : indent;
    }

    /**
     * Magic lines become spaces, as the cell splitter tells them (a % line inside a text block, or a modulo
     * operator starting a line, is Java): JShell sees only Java, and positions stay where they were.
     */
    static String blankMagics(String code) {
        Set<Integer> magics = CellSplitter.magicLines(code);
        if (magics.isEmpty()) {
            return code;
        }
        String[] lines = code.split("\n", -1);
        for (int line : magics) {
            lines[line] = " ".repeat(lines[line].length());
        }
        return String.join("\n", lines);
    }

    private interface AnalysisTask<T> {
        T run(JShell shell, SourceCodeAnalysis analysis);
    }

    private <T> T withAnalysis(T fallback, AnalysisTask<T> task) {
        // Right after the kernel starts, the runtime is still starting: wait for it rather than answer
        // "no matches" to the first Tab of a session.
        JShell shell = host.shell() != null || host.readyWithin(STARTUP_WAIT_MS) ? host.shell() : null;
        if (shell == null) {
            return fallback;
        }
        host.releaseClassIndexing(); // package completion reads JShell's class index
        try {
            if (!host.analysisGate().tryAcquire(GATE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return fallback;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
        try {
            if (shell != shellWithSources) {
                LibrarySources.attach(shell.sourceCodeAnalysis(), sourceJars);
                shellWithSources = shell;
            }
            return task.run(shell, shell.sourceCodeAnalysis());
        } catch (RuntimeException e) {
            // A closed or restarting JShell, or an analysis bug: the editor gets nothing this time, the log says why.
            LOG.warn("code analysis failed; answering without it", e);
            return fallback;
        } finally {
            host.analysisGate().release();
        }
    }

    /** The snippet of a multi-snippet cell that holds the cursor, with the cursor relative to it. */
    private record Snippet(String code, int cursor, int offset) {

        static Snippet around(SourceCodeAnalysis analysis, String code, int cursor) {
            int offset = 0;
            int end = code.length();
            String remaining = code;
            while (true) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                    break;
                }
                int consumed = remaining.length() - info.remaining().length();
                if (offset + consumed >= cursor) {
                    end = offset + consumed;
                    break;
                }
                offset += consumed;
                remaining = info.remaining();
            }
            return new Snippet(code.substring(offset, end), Math.max(0, cursor - offset), offset);
        }
    }
}
