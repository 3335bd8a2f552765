package io.djinn.runtime.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.internal.NDFormat;
import io.djinn.runtime.render.ArrayPreview;

/**
 * The text of an NDArray too large to print whole. DJL 0.35 prints the first values of such an array
 * after copying all of them to the JVM as boxed numbers (NDFormat.dumpFlat formats the whole array
 * instead of its head): seconds and gigabytes for a 1 GiB array, and JShell asks for this text for
 * every variable a cell declares. Here only a small corner is copied.
 */
public final class LargeArrayFormat {

    private LargeArrayFormat() {}

    /** DJL's text for arrays it prints in full; for larger ones, the header and a corner. Null: DJL's own. */
    public static String format(NDArray array, int maxSize, int maxDepth, int maxRows, int maxColumns,
            boolean withContent) {
        if (!withContent || array.isReleased()) {
            return null;
        }
        long size = array.size();
        int rank = array.getShape().dimension();
        if (size == 0 || rank == 0 || (size <= maxSize && rank <= maxDepth)) {
            return null;
        }
        // With withContent false, DJL writes its header line only (and a hint after it).
        String header = NDFormat.format(array, maxSize, maxDepth, maxRows, maxColumns, false).lines().findFirst()
                .orElse("");
        return header + "\n" + ArrayPreview.of(array, maxDepth, maxRows, maxColumns);
    }
}
