package io.djinn.api;

/**
 * Turns objects of some kind into a {@link MimeBundle}. Register one with
 * {@link Renderers#register(Renderer)} or list it in {@code META-INF/services/io.djinn.api.Renderer}
 * of a jar on the classpath; registered renderers are asked before the built-in ones.
 */
public interface Renderer {

    boolean canRender(Object value);

    MimeBundle render(Object value);
}
