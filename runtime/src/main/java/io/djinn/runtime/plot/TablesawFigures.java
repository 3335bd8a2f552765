package io.djinn.runtime.plot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * Turns a tablesaw-jsplot Figure into Plotly JSON. tablesaw-jsplot only writes JavaScript (object
 * literals with unquoted keys, single quotes and trailing commas); a lenient JSON reader takes those.
 */
public final class TablesawFigures {

    private static final Pattern LAYOUT = Pattern.compile("var layout = (\\{.*?\\n\\});", Pattern.DOTALL);
    private static final Pattern TRACE = Pattern.compile("var trace\\d+ =\\s*(\\{.*?\\n\\});", Pattern.DOTALL);
    private static final Pattern TRAILING_COMMA = Pattern.compile(",(\\s*[}\\]])");

    private TablesawFigures() {}

    /**
     * The figure as Plotly JSON (a figure without traces is an empty chart); throws IllegalArgumentException
     * when its JavaScript has traces this cannot read.
     */
    public static PlotlyFigure toPlotly(Figure figure) {
        String script = figure.asJavascript("djinn");
        Matcher layout = LAYOUT.matcher(script);
        JsonObject layoutJson = layout.find() ? parse(layout.group(1)).getAsJsonObject() : new JsonObject();
        JsonArray traces = new JsonArray();
        Matcher trace = TRACE.matcher(script);
        while (trace.find()) {
            traces.add(parse(trace.group(1)));
        }
        if (traces.isEmpty() && script.contains("var trace")) {
            throw new IllegalArgumentException("the figure's traces could not be read from its JavaScript");
        }
        // tablesaw fixes the width at 800 px; let the chart follow the notebook's width instead.
        layoutJson.remove("width");
        upgradeTitles(layoutJson);
        return new PlotlyFigure(traces, layoutJson);
    }

    /**
     * tablesaw writes titles as plain strings, which plotly.js 3 no longer reads (the chart and axes
     * lose their titles): wrap them as {"text": ...}, in the layout and in every axis.
     */
    static void upgradeTitles(JsonObject layout) {
        wrapTitle(layout);
        for (String key : layout.keySet()) {
            if (key.matches("[xyz]axis\\d*") && layout.get(key).isJsonObject()) {
                wrapTitle(layout.getAsJsonObject(key));
            }
        }
    }

    private static void wrapTitle(JsonObject owner) {
        JsonElement title = owner.get("title");
        if (title != null && title.isJsonPrimitive()) {
            JsonObject wrapped = new JsonObject();
            wrapped.add("text", title);
            owner.add("title", wrapped);
        }
    }

    static JsonElement parse(String javascriptObject) {
        JsonReader reader = new JsonReader(new StringReader(TRAILING_COMMA.matcher(javascriptObject).replaceAll("$1")));
        reader.setLenient(true);
        return JsonParser.parseReader(reader);
    }
}
