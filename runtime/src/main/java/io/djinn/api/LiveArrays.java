package io.djinn.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NDArrays alive under the engine's root manager, by id: comparing two snapshots shows the arrays
 * a cell created and did not close, the usual leak in DJL code.
 */
public final class LiveArrays {

    /** An open array as the report lists it. */
    public record Entry(String uid, String shape, String dataType, String device, long bytes) {}

    private final Map<String, Entry> arrays;

    private LiveArrays(Map<String, Entry> arrays) {
        this.arrays = arrays;
    }

    public static LiveArrays snapshot() {
        Map<String, Entry> arrays = new LinkedHashMap<>();
        try (NDManager probe = NDManager.newBaseManager()) {
            NDManager root = probe.getParentManager();
            for (NDArray array : root.getManagedArrays()) {
                if (!array.isReleased()) {
                    arrays.put(array.getUid(), new Entry(array.getUid(), array.getShape().toString(),
                            array.getDataType().toString(), array.getDevice().toString(),
                            array.getShape().size() * array.getDataType().getNumOfBytes()));
                }
            }
        }
        return new LiveArrays(arrays);
    }

    public List<Entry> entries() {
        return List.copyOf(arrays.values());
    }

    public int count() {
        return arrays.size();
    }

    public long bytes() {
        return arrays.values().stream().mapToLong(Entry::bytes).sum();
    }

    /** The arrays alive now that were not in the earlier snapshot, largest first. */
    public List<Entry> newSince(LiveArrays earlier) {
        return arrays.values().stream().filter(entry -> !earlier.arrays.containsKey(entry.uid()))
                .sorted((a, b) -> Long.compare(b.bytes(), a.bytes())).toList();
    }
}
