package io.djinn.runtime.render;

import io.djinn.api.MimeBundle;
import io.djinn.api.Renderer;
import java.util.Arrays;

/** Java arrays by their contents, as JShell prints them, rather than as {@code [I@1b6d3586}. */
public final class ArrayRenderer implements Renderer {

    @Override
    public boolean canRender(Object value) {
        return value.getClass().isArray();
    }

    @Override
    public MimeBundle render(Object value) {
        String text = Arrays.deepToString(new Object[] {value});
        return MimeBundle.text(text.substring(1, text.length() - 1));
    }
}
