package io.djinn.api;

import io.djinn.runtime.plot.FigureRenderer;
import io.djinn.runtime.render.ArrayRenderer;
import io.djinn.runtime.render.ImageRenderer;
import io.djinn.runtime.render.NDArrayRenderer;
import io.djinn.runtime.render.TableRenderer;
import io.djinn.runtime.render.IJavaRenderer;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Chooses the renderer for an object: user-registered first, then services, then Djinn's built-ins, then
 * renderers registered through IJava's API ({@code IJava.getKernelInstance().getRenderer()}), then text.
 */
public final class Renderers {

    private static final List<Renderer> REGISTERED = new CopyOnWriteArrayList<>();
    private static final List<Renderer> BUILT_IN = List.of(
            new DisplayableRenderer(), new NDArrayRenderer(), new TableRenderer(), new FigureRenderer(), new ImageRenderer(),
            new ArrayRenderer());
    /** The types the built-in renderers above draw. */
    private static final List<Class<?>> BUILT_IN_TYPES = List.of(Displayable.class, ai.djl.ndarray.NDArray.class,
            tech.tablesaw.api.Table.class, tech.tablesaw.plotly.components.Figure.class,
            io.djinn.runtime.plot.PlotlyFigure.class, java.awt.image.RenderedImage.class, ai.djl.modality.cv.Image.class);
    private static final List<Renderer> IJAVA = List.of(new IJavaRegistrations());
    private static volatile List<Renderer> services;

    private Renderers() {}

    public static void register(Renderer renderer) {
        REGISTERED.add(0, renderer);
    }

    /**
     * The bundle for a value, limited to the given mime types (all of them when none are given). A string
     * asked for as given mime types is taken to be in those formats already, as IJava's
     * {@code display("<b>bold</b>", "text/html")} is.
     */
    public static MimeBundle render(Object value, Collection<String> mimeTypes) {
        if (value instanceof CharSequence text && !mimeTypes.isEmpty()) {
            MimeBundle bundle = new MimeBundle();
            mimeTypes.forEach(type -> bundle.put(type, text.toString()));
            return bundle;
        }
        MimeBundle all = find(value);
        MimeBundle kept = all.only(mimeTypes);
        if (kept.data().isEmpty()) {
            throw new UsageException("cannot show " + (value == null ? "null" : value.getClass().getName()) + " as "
                    + String.join(", ", mimeTypes) + "; it can be shown as " + String.join(", ", all.data().keySet()));
        }
        return kept;
    }

    private static MimeBundle find(Object value) {
        if (value == null) {
            return MimeBundle.text("null");
        }
        for (List<Renderer> group : List.of(REGISTERED, services(), BUILT_IN, IJAVA)) {
            for (Renderer renderer : group) {
                MimeBundle bundle = tryRender(renderer, value);
                if (bundle != null) {
                    return bundle;
                }
            }
        }
        return MimeBundle.text(String.valueOf(value));
    }

    private static MimeBundle tryRender(Renderer renderer, Object value) {
        try {
            return renderer.canRender(value) ? renderer.render(value) : null;
        } catch (RuntimeException | LinkageError e) {
            // A broken renderer must not hide the value: say so in the cell, and fall through to the next one.
            System.err.println("djinn: renderer " + renderer.getClass().getName() + " failed on a "
                    + value.getClass().getName() + " (" + e + "); showing it another way");
            return null;
        }
    }

    private static List<Renderer> services() {
        List<Renderer> found = services;
        if (found == null) {
            found = new CopyOnWriteArrayList<>();
            for (Renderer renderer : ServiceLoader.load(Renderer.class)) {
                found.add(renderer);
            }
            services = found;
        }
        return found;
    }

    /** Whether a built-in renderer draws values of this type (an IJava registration for it is then not used). */
    public static boolean hasBuiltInFor(Class<?> type) {
        return BUILT_IN_TYPES.stream().anyMatch(builtIn -> builtIn.isAssignableFrom(type));
    }

    /** What notebooks registered through IJava's API. */
    private static final class IJavaRegistrations implements Renderer {
        @Override
        public boolean canRender(Object value) {
            return IJavaRenderer.instance().renders(value);
        }

        @Override
        public MimeBundle render(Object value) {
            return IJavaRenderer.instance().bundle(value);
        }
    }

    /** Djinn's reports, and a MimeBundle itself, know their own bundle. */
    private static final class DisplayableRenderer implements Renderer {
        @Override
        public boolean canRender(Object value) {
            return value instanceof Displayable;
        }

        @Override
        public MimeBundle render(Object value) {
            return ((Displayable) value).toMimeBundle();
        }
    }
}
