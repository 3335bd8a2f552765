package io.djinn.runtime.execution;

import io.djinn.runtime.RuntimeMain;
import io.djinn.runtime.agent.NotebookAttachments;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.djinn.runtime.device.DeviceSwitch;
import io.djinn.runtime.device.KernelManager;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closes the NDArrays a snippet let go of, as PyTorch frees a tensor nothing refers to. An NDManager keeps
 * every array attached to it until it is closed, so in plain DJL re-running
 * {@code var big = manager.ones(new Shape(1024, 1024));} kept 4 MiB per run (on a GPU, an out-of-memory
 * after a few), and {@code manager.ones(shape).add(1)} kept the array of ones. Two kinds of arrays are
 * candidates after each snippet:
 * <ul>
 *   <li>those the old values of variables the snippet re-declared, re-assigned or dropped reached;</li>
 *   <li>those the snippet made on the notebook's {@code manager} (Djinn's, so nothing outside the notebook
 *       keeps them; a manager of your own keeps DJL's rule: its arrays live until it closes).</li>
 * </ul>
 * Each candidate that nothing in the notebook reaches is closed, and so is a manager the old values reached
 * (a replaced model's) when nothing reaches it or anything under it. The notebook reaches its variables, what
 * classes declared in cells hold, and the old fields that live code of old classes still reads (a lambda
 * kept in a list reads the variable as it was when the lambda was made). When the walk cannot see
 * everything (too much to walk, an object it cannot read inside), nothing is closed. After a complete walk
 * the old fields nothing reads are cleared, so a re-declared variable's old value is garbage too.
 */
public final class UnreachableArrays {

    /** Budget of one check, generous for notebooks; past it nothing is closed. */
    static final int MAX_OBJECTS = 2_000_000;
    static final long MAX_MILLIS = 2_000;
    private static final long SLOW_CHECK_MILLIS = 200;

    private static volatile boolean enabled = !"false".equalsIgnoreCase(System.getProperty("djinn.freeArrays", "true"));
    private static long closedArrays;
    private static long closedBytes;
    private static String lastSkip;

    private UnreachableArrays() {}

    /** Turns the closing on or off (the kernel's DJINN_FREE_ARRAYS, {@code Devices.freeUnreachable}). */
    public static void enable(boolean on) {
        enabled = on;
    }

    /**
     * What a snippet starts from: its variables' values, and the arrays on the notebook's managers where
     * the agent does not record attachments ({@link NotebookAttachments}).
     */
    record Before(Map<Field, Object> values, Set<NDArray> onNotebookManagers) {}

    /** Call as a snippet starts. */
    static Before before(NotebookVariables variables) {
        if (enabled && NotebookAttachments.hooked()) {
            NotebookAttachments.startRecording();
        }
        return new Before(variables.values(), enabled && !NotebookAttachments.hooked() ? notebookArrays() : Set.of());
    }

    /** The arrays the snippet made on (or moved to) the notebook's managers, still open. */
    private static List<NDArray> madeOnNotebookManagers(Before before) {
        if (NotebookAttachments.hooked()) {
            return NotebookAttachments.stopRecording();
        }
        List<NDArray> made = new ArrayList<>();
        for (NDArray array : notebookArrays()) {
            if (!before.onNotebookManagers().contains(array)) {
                made.add(array);
            }
        }
        return made;
    }

    /** Call as a snippet ends: closes what it let go of that nothing reaches; returns how many arrays. */
    static int release(Before before, NotebookVariables variables, PrintStream log) {
        List<Object> releasedValues = variables.takeReleased(before.values());
        List<NDArray> made = madeOnNotebookManagers(before);
        if (!enabled) {
            return 0;
        }
        try {
            List<NDManager> notebookManagers = DeviceSwitch.instance().openManagers();
            ObjectGraph.Reached candidates = new ObjectGraph.Reached();
            for (NDArray array : made) {
                if (notebookManagers.contains(array.getManager())) { // not moved to another manager since
                    candidates.arrays.add(array);
                }
            }
            if (!releasedValues.isEmpty()) {
                ObjectGraph released = new ObjectGraph(MAX_OBJECTS, MAX_MILLIS);
                ObjectGraph.Outcome walked = released.walk(releasedValues, candidates);
                if (walked != ObjectGraph.Outcome.COMPLETE) {
                    // What was found is still checked; what was not stays open.
                    skipped(walked == ObjectGraph.Outcome.OPAQUE
                            ? "a replaced value holds a " + released.opaqueClass() + ", which the check cannot look inside"
                            : "the replaced values were too large to walk whole");
                }
            }
            candidates.arrays.removeIf(NDArray::isReleased);
            candidates.managers.removeIf(manager -> !manager.isOpen() || isRoot(manager)
                    || notebookManagers.contains(manager) || KernelManager.unwrap(manager) != manager);
            if (candidates.arrays.isEmpty() && candidates.managers.isEmpty() && releasedValues.isEmpty()) {
                return 0;
            }
            return closeUnreachable(candidates, variables);
        } catch (RuntimeException | LinkageError e) {
            skipped("the check failed: " + e);
            log.println("djinn: closing unreachable NDArrays failed: " + e);
            return 0;
        }
    }

    /**
     * Closes the candidate arrays nothing reaches, and the candidate managers (a replaced model's, a trainer's)
     * that nothing reaches, nor any array or manager under them: a model's manager also holds arrays no
     * object refers to (the gradients DJL fetched for the optimizer), which only closing it frees.
     */
    private static int closeUnreachable(ObjectGraph.Reached candidates, NotebookVariables variables) {
        long started = System.nanoTime();
        // Everything the notebook reaches, also through the old fields that live code of old classes reads.
        ObjectGraph.Reached reached = new ObjectGraph.Reached();
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
        }, reached);
        if (reach != ObjectGraph.Outcome.COMPLETE) {
            skipped(reach == ObjectGraph.Outcome.OPAQUE
                    ? "a variable holds a " + notebook.opaqueClass() + ", which the check cannot look inside"
                    : "the notebook's variables reach more than " + MAX_OBJECTS + " objects");
            return 0;
        }
        variables.clearUnread(oldFieldsRead);
        Set<NDManager> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
        reached.arrays.forEach(array -> withParents(array.getManager(), inUse));
        reached.managers.forEach(manager -> withParents(KernelManager.unwrap(manager), inUse));
        int closed = 0;
        for (NDManager manager : candidates.managers) {
            if (!inUse.contains(manager) && manager.isOpen()) {
                List<NDArray> arrays = manager.getManagedArrays();
                arrays.forEach(UnreachableArrays::count); // before closing: a closed array has no shape
                closed += arrays.size();
                manager.close();
            }
        }
        for (NDArray array : candidates.arrays) {
            if (!reached.arrays.contains(array) && !array.isReleased()) {
                count(array);
                array.close();
                closed++;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > SLOW_CHECK_MILLIS) {
            RuntimeMain.log().println("djinn: the check for unreachable NDArrays took " + millis + " ms, walking "
                    + notebook.objectsSeen() + " objects");
        }
        return closed;
    }

    private static void withParents(NDManager manager, Set<NDManager> into) {
        for (NDManager m = manager; m != null && into.add(m); m = m.getParentManager()) {
            // up to the engine's root
        }
    }

    /** The engine's root manager (its own parent, or none), which every base manager hangs from. */
    private static boolean isRoot(NDManager manager) {
        NDManager parent = manager.getParentManager();
        return parent == null || parent == manager;
    }

    private static synchronized void count(NDArray array) {
        closedArrays++;
        closedBytes += array.getShape().size() * array.getDataType().getNumOfBytes();
    }

    /** The open arrays attached to the notebook's own managers (not to managers made from them). */
    private static Set<NDArray> notebookArrays() {
        Set<NDArray> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NDManager manager : DeviceSwitch.instance().openManagers()) {
            for (NDArray array : manager.getManagedArrays()) {
                if (array.getManager() == manager && !array.isReleased()) {
                    arrays.add(array);
                }
            }
        }
        return arrays;
    }

    private static synchronized void skipped(String why) {
        if (!why.equals(lastSkip)) {
            RuntimeMain.log().println("djinn: unreachable NDArrays: " + why);
        }
        lastSkip = why;
    }

    /** Arrays closed so far, their bytes, why a check last closed nothing (null if none did), and whether it is on. */
    public record Totals(long arrays, long bytes, String lastSkip, boolean enabled) {}

    public static synchronized Totals totals() {
        return new Totals(closedArrays, closedBytes, lastSkip, enabled);
    }
}
