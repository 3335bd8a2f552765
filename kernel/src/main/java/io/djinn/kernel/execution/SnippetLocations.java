package io.djinn.kernel.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which cell and line each JShell snippet came from, to show stack frames as cell lines. */
final class SnippetLocations {

    record Location(int executionCount, int firstLine) {}

    private final Map<String, Location> bySnippetId = new ConcurrentHashMap<>();

    void record(String snippetId, int executionCount, int firstLineInCell) {
        bySnippetId.put(snippetId, new Location(executionCount, firstLineInCell));
    }

    /** "cell [3], line 5" for a frame of snippet #id at line n of its source; null if unknown. */
    String describe(String snippetId, int lineInSnippet) {
        Location location = bySnippetId.get(snippetId);
        if (location == null) {
            return null;
        }
        String cell = location.executionCount() > 0 ? "cell [" + location.executionCount() + "]" : "startup";
        return lineInSnippet > 0 ? cell + ", line " + (location.firstLine() + lineInSnippet) : cell;
    }
}
