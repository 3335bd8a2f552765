package io.djinn.api;

import tech.tablesaw.plotly.components.Figure;

/**
 * tablesaw-jsplot's {@code Plot.show(...)} for notebooks: shows the figure inline instead of opening a
 * browser tab. Djinn's default imports name this class, so existing {@code Plot.show(fig)} calls use it.
 */
public final class Plot {

    private Plot() {}

    public static void show(Figure figure) {
        Display.display(figure);
    }

    /** The div name is ignored: the notebook places the chart. */
    public static void show(Figure figure, String divName) {
        Display.display(figure);
    }
}
