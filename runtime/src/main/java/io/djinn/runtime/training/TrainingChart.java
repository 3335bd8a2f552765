package io.djinn.runtime.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.djinn.runtime.plot.PlotlyFigure;
import java.util.List;
import java.util.Locale;

/** A training history as one chart: losses on the left axis, other scores (accuracy...) on the right. */
public final class TrainingChart {

    private TrainingChart() {}

    public static PlotlyFigure of(TrainingHistory history) {
        JsonArray traces = new JsonArray();
        history.epochs().forEach((label, values) -> {
            JsonArray x = new JsonArray();
            for (int i = 0; i < values.size(); i++) {
                x.add(i + 1);
            }
            JsonObject trace = trace(label, "lines+markers", x, values);
            if (!label.toLowerCase(Locale.ROOT).contains("loss")) {
                trace.addProperty("yaxis", "y2");
            }
            traces.add(trace);
        });
        if (!history.batchLoss().isEmpty()) {
            JsonArray x = new JsonArray();
            history.batchLossAt().forEach(x::add);
            JsonObject trace = trace("train loss (batches)", "lines", x, history.batchLoss());
            trace.add("line", object("width", 1));
            traces.add(trace);
        }
        JsonObject layout = new JsonObject();
        layout.add("title", object("text", "Training"));
        layout.add("xaxis", object("title", object("text", "epoch")));
        layout.add("yaxis", object("title", object("text", "loss")));
        JsonObject scores = object("title", object("text", "score"));
        scores.addProperty("overlaying", "y");
        scores.addProperty("side", "right");
        layout.add("yaxis2", scores);
        layout.addProperty("height", 400);
        return new PlotlyFigure(traces, layout);
    }

    private static JsonObject trace(String name, String mode, JsonArray x, List<Double> values) {
        JsonObject trace = new JsonObject();
        trace.addProperty("type", "scatter");
        trace.addProperty("mode", mode);
        trace.addProperty("name", name);
        JsonArray y = new JsonArray();
        for (Double value : values) {
            y.add(value == null || !Double.isFinite(value) ? null : value); // a diverged run has NaN
        }
        trace.add("x", x);
        trace.add("y", y);
        return trace;
    }

    private static JsonObject object(String key, Object value) {
        JsonObject object = new JsonObject();
        if (value instanceof JsonObject json) {
            object.add(key, json);
        } else if (value instanceof Number number) {
            object.addProperty(key, number);
        } else {
            object.addProperty(key, String.valueOf(value));
        }
        return object;
    }
}
