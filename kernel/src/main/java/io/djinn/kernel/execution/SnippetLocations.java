package io.djinn.kernel.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each JShell snippet came from, to show stack frames and compile errors at the user's lines: a cell
 * ("cell [3]") or a file that {@code %load} ran ("Functions.java", "plot-utils.ipynb, cell 2").
 */
final class SnippetLocations {

    record Location(String source, int firstLine) {}

    private final Map<String, Location> bySnippetId = new ConcurrentHashMap<>();

    /** How a notebook cell is named in errors: "cell [3]", or "startup" before the first. */
    static String cell(int executionCount) {
        return executionCount > 0 ? "cell [" + executionCount + "]" : "startup";
    }

    void record(String snippetId, String source, int firstLineInSource) {
        bySnippetId.put(snippetId, new Location(source, firstLineInSource));
    }

    /** "cell [3], line 5" for a frame of snippet #id at line n of its source; null if unknown. */
    String describe(String snippetId, int lineInSnippet) {
        Location location = bySnippetId.get(snippetId);
        if (location == null) {
            return null;
        }
        return lineInSnippet > 0 ? location.source() + ", line " + (location.firstLine() + lineInSnippet) : location.source();
    }
}
