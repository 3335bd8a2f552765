package io.djinn.runtime;

import ai.djl.ndarray.NDArray;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Closes the NDArrays a cell let go of. When a snippet re-declares or re-assigns a variable, the arrays
 * its old value reached stay open in their NDManager, which keeps every array until closed (re-running
 * {@code var big = manager.ones(new Shape(1024, 1024));} kept 4 MiB per run; on a GPU that ends in an
 * out-of-memory). PyTorch frees a tensor nothing refers to; so does this, for the old values: each of
 * their arrays that nothing in the notebook still reaches is closed. The notebook reaches its variables,
 * what classes declared in cells hold, and the old fields that live code of old classes reads (a lambda
 * kept in a list reads the variable as it was when the lambda was made). When the walk cannot see
 * everything (too much to walk, an object it cannot read inside), nothing is closed. After a complete walk
 * the old fields nothing reads are cleared, so a re-declared variable's old value is garbage too.
 */
public final class ReplacedArrays {

    /** Budget of one check, generous for notebooks; past it nothing is closed. */
    static final int MAX_OBJECTS = 2_000_000;
    static final long MAX_MILLIS = 2_000;
    private static final long SLOW_CHECK_MILLIS = 200;

    private static volatile boolean enabled = !"false".equalsIgnoreCase(System.getProperty("djinn.freeReplaced", "true"));
    private static long releasedArrays;
    private static long releasedBytes;
    private static String lastSkip;

    private ReplacedArrays() {}

    /** Turns the closing on or off (the kernel's DJINN_FREE_REPLACED, {@code Devices.freeReplaced}). */
    public static void enable(boolean on) {
        enabled = on;
    }

    public static boolean enabled() {
        return enabled;
    }

    /** Closes the arrays the released values reach that the notebook no longer reaches; returns how many. */
    static int release(List<Object> releasedValues, NotebookVariables variables, PrintStream log) {
        if (!enabled || releasedValues.isEmpty()) {
            return 0;
        }
        try {
            return closeUnreachable(releasedValues, variables);
        } catch (RuntimeException | LinkageError e) {
            skipped("the check failed: " + e);
            log.println("djinn: closing replaced NDArrays failed: " + e);
            return 0;
        }
    }

    private static int closeUnreachable(List<Object> releasedValues, NotebookVariables variables) {
        long started = System.nanoTime();
        Set<NDArray> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        ObjectGraph released = new ObjectGraph(MAX_OBJECTS, MAX_MILLIS);
        ObjectGraph.Outcome found = released.walk(releasedValues, array -> {
            if (!array.isReleased()) {
                candidates.add(array);
            }
            return false;
        });
        if (found != ObjectGraph.Outcome.COMPLETE) {
            // Closing part of what was released is still right: every candidate is checked below.
            skipped("the replaced values were too large to walk whole");
        }
        // Everything the notebook reaches, also through the old fields that live code of old classes reads.
        Set<NDArray> unreached = Collections.newSetFromMap(new IdentityHashMap<>());
        unreached.addAll(candidates);
        Set<Field> oldFieldsRead = new HashSet<>();
        ObjectGraph notebook = new ObjectGraph(MAX_OBJECTS, MAX_MILLIS);
        ObjectGraph.Outcome reach = notebook.walk(variables.roots(), object -> {
            List<Object> values = new ArrayList<>();
            for (Field field : variables.oldFieldsReadBy(object)) {
                if (oldFieldsRead.add(field)) {
                    values.add(NotebookVariables.read(field));
                }
            }
            return values;
        }, array -> {
            unreached.remove(array);
            return false;
        });
        if (reach != ObjectGraph.Outcome.COMPLETE) {
            skipped(reach == ObjectGraph.Outcome.OPAQUE
                    ? "a variable holds a " + notebook.opaqueClass() + ", which the check cannot look inside"
                    : "the notebook's variables reach more than " + MAX_OBJECTS + " objects");
            return 0;
        }
        variables.clearUnread(oldFieldsRead);
        int closed = 0;
        for (NDArray array : unreached) {
            long bytes = array.getShape().size() * array.getDataType().getNumOfBytes();
            array.close();
            closed++;
            synchronized (ReplacedArrays.class) {
                releasedArrays++;
                releasedBytes += bytes;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > SLOW_CHECK_MILLIS) {
            RuntimeMain.log().println("djinn: the check for replaced NDArrays took " + millis + " ms, walking "
                    + notebook.objectsSeen() + " objects");
        }
        return closed;
    }

    private static synchronized void skipped(String why) {
        lastSkip = why;
    }

    /** Arrays closed so far, their bytes, and why a check last closed nothing (null if none did). */
    public record Totals(long arrays, long bytes, String lastSkip, boolean enabled) {}

    public static synchronized Totals totals() {
        return new Totals(releasedArrays, releasedBytes, lastSkip, enabled);
    }
}
