package io.djinn.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** One snippet of a cell, with the line of the cell it starts on (0-based), for error messages. */
public record SnippetSource(String code, int startLine) {

    /**
     * Splits source into JShell snippets. An incomplete or unparsable tail is kept as one last snippet,
     * so that evaluating it reports the compiler's error instead of silently dropping it.
     */
    public static List<SnippetSource> split(SourceCodeAnalysis analysis, String source) {
        List<SnippetSource> snippets = new ArrayList<>();
        String remaining = source;
        int line = 0;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (!completeness.isComplete() || info.source() == null) {
                snippets.add(new SnippetSource(remaining, line + leadingNewlines(remaining)));
                break;
            }
            int consumed = remaining.length() - info.remaining().length();
            String consumedText = remaining.substring(0, consumed);
            // Drop the blank lines before the snippet, counting them, so that positions inside the
            // snippet's code map to cell lines exactly once.
            String code = info.source();
            code = code.substring(code.lastIndexOf('\n', firstNonWhitespace(code)) + 1);
            snippets.add(new SnippetSource(code, line + leadingNewlines(consumedText)));
            line += count(consumedText, '\n');
            remaining = info.remaining();
        }
        return snippets;
    }

    private static int firstNonWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int leadingNewlines(String text) {
        int lines = 0;
        for (int i = 0; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
