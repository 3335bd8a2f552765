package io.djinn.runtime.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The arrays attached to the notebook's own managers while a snippet runs, as DJL attaches them: the
 * runtime agent calls {@link #attached} from {@code BaseNDManager.attachUncappedInternal}
 * ({@link ManagerAttachTransformer}). Listing the managers' arrays before and after each snippet cost
 * time in proportion to all the arrays a notebook keeps (+11 ms a cell with 10,000 kept); this costs in
 * proportion to what the snippet makes.
 */
public final class NotebookAttachments {

    /** Past this many, arrays already closed are dropped from the record (a long loop closing as it goes). */
    private static final int COMPACT_EVERY = 10_000;

    private static final Set<Object> WATCHED = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private static volatile boolean hooked;
    private static volatile List<NDArray> recording;

    private NotebookAttachments() {}

    /** Called by DJL's managers (through the runtime agent) for every resource attached to one. */
    public static void attached(Object manager, Object resource) {
        List<NDArray> into = recording;
        if (into != null && resource instanceof NDArray array && WATCHED.contains(manager)) {
            synchronized (into) {
                into.add(array);
                if (into.size() % COMPACT_EVERY == 0) {
                    into.removeIf(NDArray::isReleased);
                }
            }
        }
    }

    /** A manager behind the notebook's {@code manager}, whose attachments are recorded. */
    public static void watch(NDManager manager) {
        WATCHED.add(manager);
    }

    /** Whether the agent installed the hook; without it the caller lists the managers' arrays instead. */
    public static boolean hooked() {
        return hooked;
    }

    static void markHooked() {
        hooked = true;
    }

    public static void startRecording() {
        recording = new ArrayList<>();
    }

    /** What was attached since {@link #startRecording}, still open; stops recording. */
    public static List<NDArray> stopRecording() {
        List<NDArray> recorded = recording;
        recording = null;
        if (recorded == null) {
            return List.of();
        }
        synchronized (recorded) {
            recorded.removeIf(NDArray::isReleased);
            return recorded;
        }
    }
}
