package io.djinn.api.render;

import ai.djl.ndarray.NDArray;
import io.djinn.api.MimeBundle;
import io.djinn.api.Renderer;

/** An NDArray as its shape, dtype, device and abbreviated values. */
public final class NDArrayRenderer implements Renderer {

    /** Up to this size the whole array is formatted (NDFormat abbreviates rows and columns itself). */
    private static final int MAX_ELEMENTS = 10_000;
    /** A larger array is previewed from a corner slice, so it is never copied whole to the host. */
    private static final int PREVIEW_LEADING = 6;
    private static final int MAX_DEPTH = 10;
    private static final int MAX_ROWS = 10;
    private static final int MAX_COLUMNS = 12;

    /** toDebugString starts with its own "ND: shape device dtype" line: keep only the values. */
    private static String withoutHeader(String debugString) {
        int firstNewline = debugString.indexOf('\n');
        return firstNewline >= 0 ? debugString.substring(firstNewline + 1) : debugString;
    }

    /** "0:6, 0:6, 0:12": the leading corner, wider along the last axis. */
    private static String cornerIndex(NDArray array) {
        StringBuilder index = new StringBuilder();
        int rank = array.getShape().dimension();
        for (int axis = 0; axis < rank; axis++) {
            index.append(axis == 0 ? "" : ", ").append("0:").append(axis == rank - 1 ? MAX_COLUMNS : PREVIEW_LEADING);
        }
        return index.toString();
    }

    @Override
    public boolean canRender(Object value) {
        return value instanceof NDArray;
    }

    @Override
    public MimeBundle render(Object value) {
        NDArray array = (NDArray) value;
        if (array.isReleased()) {
            return MimeBundle.text("NDArray (closed)");
        }
        String header = "NDArray " + array.getShape() + " " + array.getDataType() + " on " + array.getDevice();
        String body;
        if (array.size() <= MAX_ELEMENTS) {
            body = withoutHeader(array.toDebugString(MAX_ELEMENTS, MAX_DEPTH, MAX_ROWS, MAX_COLUMNS, true));
        } else {
            String corner = cornerIndex(array);
            try (NDArray preview = array.get(corner)) {
                body = "first values, [" + corner + "]:\n"
                        + withoutHeader(preview.toDebugString(MAX_ELEMENTS, MAX_DEPTH, MAX_ROWS, MAX_COLUMNS, true));
            }
        }
        String html = "<div class=\"djinn-ndarray\"><div><b>NDArray</b> shape <code>" + array.getShape()
                + "</code> &middot; dtype <code>" + array.getDataType() + "</code> &middot; device <code>"
                + array.getDevice() + "</code>" + (array.getName() != null ? " &middot; name <code>"
                + Html.escape(array.getName()) + "</code>" : "") + "</div><pre>" + Html.escape(body) + "</pre></div>";
        return MimeBundle.html(html, header + "\n" + body);
    }
}
