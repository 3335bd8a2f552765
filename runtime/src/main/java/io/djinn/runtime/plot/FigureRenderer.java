package io.djinn.runtime.plot;

import io.djinn.api.MimeBundle;
import io.djinn.api.Renderer;
import tech.tablesaw.plotly.components.Figure;

/** Tablesaw figures and Plotly figures as charts, offline. */
public final class FigureRenderer implements Renderer {

    @Override
    public boolean canRender(Object value) {
        return value instanceof Figure || value instanceof PlotlyFigure;
    }

    @Override
    public MimeBundle render(Object value) {
        PlotlyFigure figure = value instanceof PlotlyFigure plotly ? plotly : TablesawFigures.toPlotly((Figure) value);
        return figure.toBundle();
    }
}
