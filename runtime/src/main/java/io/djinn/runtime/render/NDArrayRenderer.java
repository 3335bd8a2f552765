package io.djinn.runtime.render;

import ai.djl.ndarray.NDArray;
import io.djinn.api.MimeBundle;
import io.djinn.api.Renderer;

/** An NDArray as its shape, dtype, device and abbreviated values. */
public final class NDArrayRenderer implements Renderer {

    /** Up to this size the whole array is formatted (NDFormat abbreviates rows and columns itself). */
    private static final int MAX_ELEMENTS = ArrayPreview.MAX_ELEMENTS;
    private static final int MAX_DEPTH = 10;
    private static final int MAX_ROWS = 10;
    private static final int MAX_COLUMNS = 12;

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
        if (array.size() <= MAX_ELEMENTS && array.getShape().dimension() <= MAX_DEPTH) {
            body = ArrayPreview.values(array, MAX_DEPTH, MAX_ROWS, MAX_COLUMNS);
        } else {
            body = ArrayPreview.of(array, MAX_DEPTH, MAX_ROWS, MAX_COLUMNS);
        }
        String html = "<div class=\"djinn-ndarray\"><div><b>NDArray</b> shape <code>" + array.getShape()
                + "</code> &middot; dtype <code>" + array.getDataType() + "</code> &middot; device <code>"
                + array.getDevice() + "</code>" + (array.getName() != null ? " &middot; name <code>"
                + Html.escape(array.getName()) + "</code>" : "") + "</div><pre>" + Html.escape(body) + "</pre></div>";
        return MimeBundle.html(html, header + "\n" + body);
    }
}
