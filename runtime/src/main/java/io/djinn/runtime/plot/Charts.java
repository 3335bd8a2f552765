package io.djinn.runtime.plot;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.djinn.api.MimeBundle;
import io.djinn.api.Plots;
import io.djinn.api.UsageException;
import io.djinn.runtime.render.Html;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Quick charts from data at hand, behind {@code %plot} (and {@code io.djinn.api.Charts.plot} in code):
 * line, scatter, hist, heatmap and image.
 */
public final class Charts {


    private Charts() {}

    /** The chart (a PlotlyFigure, or a PNG bundle for images) for the data. */
    public static Object chart(String kind, Object data, Plots.Options options) {
        switch (kind) {
            case "line":
                return xy("lines", data, options, "line");
            case "scatter":
                return xy("markers", data, options, "scatter");
            case "hist":
                return histogram(data, options);
            case "heatmap":
                return heatmap(data, options);
            case "image":
                return image(data, options);
            default:
                throw new UsageException("unknown chart kind '" + kind + "': choose one of " + String.join(", ", Plots.KINDS));
        }
    }

    private static PlotlyFigure xy(String mode, Object data, Plots.Options options, String kind) {
        JsonArray traces = new JsonArray();
        String xTitle = options.xLabel();
        String yTitle = options.yLabel();
        if (data instanceof Table table) {
            requireColumn(table, options.y(), kind, "--y");
            double[] x = options.x() == null ? null : Series.of(column(table, options.x(), kind), kind + " --x");
            for (String name : options.y().split(",")) {
                traces.add(trace(mode, x, Series.of(column(table, name.strip(), kind), kind + " --y"), name.strip()));
            }
            xTitle = xTitle != null ? xTitle : options.x();
            yTitle = yTitle != null ? yTitle : (options.y().contains(",") ? null : options.y());
        } else if (kind.equals("scatter") && data instanceof NDArray array && array.getShape().dimension() == 2
                && array.getShape().get(1) == 2) {
            double[][] points = Series.matrix(array, kind);
            double[] x = Arrays.stream(points).mapToDouble(p -> p[0]).toArray();
            double[] y = Arrays.stream(points).mapToDouble(p -> p[1]).toArray();
            traces.add(trace(mode, x, y, null));
        } else {
            if (options.x() != null || options.y() != null) {
                throw new UsageException(kind + ": --x and --y name columns of a Tablesaw Table; the data is "
                        + Series.describe(data));
            }
            traces.add(trace(mode, null, Series.of(data, kind), null));
        }
        return new PlotlyFigure(traces, layout(options, xTitle, yTitle));
    }

    private static JsonObject trace(String mode, double[] x, double[] y, String name) {
        JsonObject trace = new JsonObject();
        trace.addProperty("type", "scatter");
        trace.addProperty("mode", mode);
        if (x != null) {
            if (x.length != y.length) {
                throw new UsageException("x has " + x.length + " values and y " + y.length);
            }
            trace.add("x", numbers(x));
        }
        trace.add("y", numbers(y));
        if (name != null) {
            trace.addProperty("name", name);
        }
        return trace;
    }

    private static PlotlyFigure histogram(Object data, Plots.Options options) {
        Object values = data instanceof Table table ? column(table, requireColumn(table, options.x(), "hist", "--x"), "hist")
                : data;
        JsonObject trace = new JsonObject();
        trace.addProperty("type", "histogram");
        trace.add("x", numbers(Series.of(values, "hist")));
        if (options.bins() != null) {
            if (options.bins() < 1) {
                throw new UsageException("hist: --bins must be at least 1");
            }
            trace.addProperty("nbinsx", options.bins());
        }
        JsonArray traces = new JsonArray();
        traces.add(trace);
        return new PlotlyFigure(traces, layout(options, options.xLabel(), options.yLabel() != null ? options.yLabel() : "count"));
    }

    private static PlotlyFigure heatmap(Object data, Plots.Options options) {
        double[][] matrix = Series.matrix(data, "heatmap");
        JsonArray rows = new JsonArray();
        for (double[] row : matrix) {
            rows.add(numbers(row));
        }
        JsonObject trace = new JsonObject();
        trace.addProperty("type", "heatmap");
        trace.add("z", rows);
        trace.addProperty("colorscale", "Viridis");
        JsonArray traces = new JsonArray();
        traces.add(trace);
        JsonObject layout = layout(options, options.xLabel(), options.yLabel());
        // Row 0 at the top, as a matrix (a confusion matrix) is read.
        JsonObject yAxis = layout.has("yaxis") ? layout.getAsJsonObject("yaxis") : new JsonObject();
        yAxis.addProperty("autorange", "reversed");
        layout.add("yaxis", yAxis);
        return new PlotlyFigure(traces, layout);
    }

    private static MimeBundle image(Object data, Plots.Options options) {
        if (!(data instanceof NDArray array)) {
            throw new UsageException("image needs an NDArray; got " + Series.describe(data));
        }
        String png = ImagePng.base64(array);
        String title = options.title() == null ? "" : "<div><b>" + Html.escape(options.title()) + "</b></div>";
        return new MimeBundle().put(MimeBundle.TEXT, "image " + array.getShape())
                .put(MimeBundle.PNG, png)
                .put(MimeBundle.HTML, title + "<img src=\"data:image/png;base64," + png + "\" style=\"image-rendering:"
                        + "pixelated;min-width:128px\">");
    }

    private static JsonObject layout(Plots.Options options, String xTitle, String yTitle) {
        JsonObject layout = new JsonObject();
        if (options.title() != null) {
            layout.add("title", text(options.title()));
        }
        layout.add("xaxis", axis(xTitle, options.logX()));
        layout.add("yaxis", axis(yTitle, options.logY()));
        return layout;
    }

    private static JsonObject axis(String title, boolean log) {
        JsonObject axis = new JsonObject();
        if (title != null) {
            axis.add("title", text(title));
        }
        if (log) {
            axis.addProperty("type", "log");
        }
        return axis;
    }

    private static JsonObject text(String value) {
        JsonObject text = new JsonObject();
        text.addProperty("text", value);
        return text;
    }

    private static JsonArray numbers(double[] values) {
        JsonArray array = new JsonArray(values.length);
        for (double value : values) {
            array.add(Double.isFinite(value) ? value : null);
        }
        return array;
    }

    private static String requireColumn(Table table, String name, String kind, String option) {
        if (name == null) {
            throw new UsageException(kind + " of a Table needs " + option + " COLUMN; its columns: "
                    + String.join(", ", table.columnNames()));
        }
        return name;
    }

    private static Column<?> column(Table table, String name, String kind) {
        if (!table.containsColumn(name)) {
            throw new UsageException(kind + ": no column '" + name + "' in table " + table.name() + "; its columns: "
                    + String.join(", ", table.columnNames()));
        }
        return table.column(name);
    }
}
