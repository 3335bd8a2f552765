package io.djinn.api;

import io.djinn.runtime.plot.Charts;
import java.util.List;

/**
 * Quick charts of data at hand, as {@code %plot} draws them: {@code Plots.plot("line", losses,
 * Plots.Options.none().withTitle("Loss"))}. The data: an NDArray, a Java array or List of numbers, a numeric
 * Tablesaw column, or a Table with {@code x} and {@code y} naming its columns ({@code y} may list several,
 * comma-separated).
 */
public final class Plots {

    /** The kinds of chart. */
    public static final List<String> KINDS = List.of("line", "scatter", "hist", "heatmap", "image");

    /** What a chart takes besides the data; null fields are left to Plotly. */
    public record Options(String x, String y, String title, String xLabel, String yLabel, boolean logX,
            boolean logY, Integer bins) {

        public static Options none() {
            return new Options(null, null, null, null, null, false, false, null);
        }

        public Options withColumns(String xColumn, String yColumns) {
            return new Options(xColumn, yColumns, title, xLabel, yLabel, logX, logY, bins);
        }

        public Options withTitle(String text) {
            return new Options(x, y, text, xLabel, yLabel, logX, logY, bins);
        }

        public Options withLabels(String xAxis, String yAxis) {
            return new Options(x, y, title, xAxis, yAxis, logX, logY, bins);
        }

        public Options withLogAxes(boolean logXAxis, boolean logYAxis) {
            return new Options(x, y, title, xLabel, yLabel, logXAxis, logYAxis, bins);
        }

        public Options withBins(Integer count) {
            return new Options(x, y, title, xLabel, yLabel, logX, logY, count);
        }
    }

    private Plots() {}

    /** Shows the chart in the cell: kind one of {@link #KINDS}. */
    public static void plot(String kind, Object data, Options options) {
        Display.display(chart(kind, data, options));
    }

    /** The chart as a value (a figure, or a PNG bundle for an image), to show or update later. */
    public static Object chart(String kind, Object data, Options options) {
        return Charts.chart(kind, data, options);
    }
}
