package io.djinn.runtime.agent;

import io.djinn.runtime.DisplayChannel;
import io.djinn.api.Display;
import tech.tablesaw.plotly.components.Figure;

/**
 * Where Tablesaw's {@code Plot.show(figure, ...)} goes in a notebook (see {@link InlinePlotTransformer}):
 * the figure is shown inline, in the cell, instead of in a browser tab that a kernel cannot open.
 */
public final class InlinePlots {

    private InlinePlots() {}

    /** Shows the figure in the running cell; false outside a Djinn kernel, where Tablesaw's own code runs. */
    public static boolean show(Figure figure) {
        if (!DisplayChannel.installed()) {
            return false;
        }
        Display.display(figure);
        return true;
    }
}
