package io.djinn.runtime.render;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * The first values of a large NDArray, taken from a corner slice so that only that slice is copied to
 * the JVM, whatever the array's size or device.
 */
public final class ArrayPreview {

    /** Up to this size a preview slice is formatted whole. */
    static final int MAX_ELEMENTS = 10_000;
    private static final int LEADING = 6;
    private static final int FLAT = 24;

    private ArrayPreview() {}

    /**
     * "first values, [0:6, 0:6, 0:12]:" and the slice's values. Arrays whose corner would itself be large
     * (high rank) show their first values in memory order instead.
     */
    public static String of(NDArray array, int maxDepth, int maxRows, int maxColumns) {
        // Every array made here is closed with the scope, also the contiguous copy DJL's formatting makes of
        // a slice and does not close (one per large array shown, kept until its manager closed).
        try (NDScope scope = new NDScope()) {
            int rank = array.getShape().dimension();
            if (rank > maxDepth || Math.pow(LEADING, rank - 1) * maxColumns > MAX_ELEMENTS) {
                NDArray head = array.flatten().get(":" + FLAT);
                return "first values, flattened [0:" + FLAT + "]:\n" + values(head, maxDepth, maxRows, maxColumns);
            }
            String corner = cornerIndex(rank, maxColumns);
            return "first values, [" + corner + "]:\n" + values(array.get(corner), maxDepth, maxRows, maxColumns);
        }
    }

    /** "0:6, 0:6, 0:12": the leading corner, wider along the last axis. */
    static String cornerIndex(int rank, int lastAxis) {
        StringBuilder index = new StringBuilder();
        for (int axis = 0; axis < rank; axis++) {
            index.append(axis == 0 ? "" : ", ").append("0:").append(axis == rank - 1 ? lastAxis : LEADING);
        }
        return index.toString();
    }

    /** The values as DJL formats them, without its "ND: shape device dtype" header line. */
    static String values(NDArray array, int maxDepth, int maxRows, int maxColumns) {
        String text = array.toDebugString(MAX_ELEMENTS, maxDepth, maxRows, maxColumns, true);
        int firstNewline = text.indexOf('\n');
        return firstNewline >= 0 ? text.substring(firstNewline + 1) : text;
    }
}
