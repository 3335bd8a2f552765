package io.djinn.runtime.execution;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The display ids that {@code display(...)} returned during the running snippet. A cell ending in
 * {@code display(figure);} has that id as its value; it is the id of what was just shown, not a result,
 * so the cell does not echo it.
 */
public final class DisplayIds {

    private static final Set<String> MADE_NOW = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private DisplayIds() {}

    /** Called by display() for the id it returns. */
    public static void made(String id) {
        MADE_NOW.add(id);
    }

    /** Whether this very object is an id that display() returned during the running snippet. */
    static boolean madeNow(Object value) {
        return value instanceof String && MADE_NOW.contains(value);
    }

    static void clear() {
        MADE_NOW.clear();
    }
}
