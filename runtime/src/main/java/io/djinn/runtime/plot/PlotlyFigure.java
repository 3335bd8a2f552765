package io.djinn.runtime.plot;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.djinn.api.MimeBundle;
import io.djinn.wire.DisplayMessages;
import java.util.UUID;

/**
 * A Plotly figure (data and layout, as JSON) and its mime bundle: {@code application/vnd.plotly.v1+json}
 * for clients with a Plotly renderer (JupyterLab with plotly's extension, VS Code), HTML drawn by the
 * offline plotly.js for every other client (the kernel adds the library to the notebook), and a line of text.
 */
public final class PlotlyFigure {

    public static final String MIME_TYPE = "application/vnd.plotly.v1+json";
    private static final Gson GSON = new Gson();

    private final JsonArray data;
    private final JsonObject layout;

    public PlotlyFigure(JsonArray data, JsonObject layout) {
        this.data = data;
        this.layout = layout;
    }

    public JsonArray data() {
        return data;
    }

    public JsonObject layout() {
        return layout;
    }

    public String title() {
        JsonElement title = layout.get("title");
        if (title != null && title.isJsonPrimitive()) {
            return title.getAsString();
        }
        if (title != null && title.isJsonObject() && title.getAsJsonObject().has("text")) {
            return title.getAsJsonObject().get("text").getAsString();
        }
        return "";
    }

    public MimeBundle toBundle() {
        JsonObject figure = new JsonObject();
        figure.add("data", data);
        figure.add("layout", layout);
        String id = "djinn-plot-" + UUID.randomUUID();
        int height = layout.has("height") ? layout.get("height").getAsInt() : 450;
        // plotly.js is not in this HTML: the kernel puts one copy in the notebook, in an output of its own,
        // and a chart drawn before it arrives waits in a queue. Until then the box says what it waits for.
        String html = "<div id=\"" + id + "\" class=\"djinn-plotly\" style=\"height:" + height + "px;width:100%\">"
                + "<div class=\"djinn-plotly-waiting\" style=\"font:12px sans-serif;color:#888;padding:8px\">"
                + "A chart, drawn by plotly.js where this notebook's outputs may run scripts (a trusted notebook)."
                + "</div></div>"
                + "<script type=\"text/javascript\">(function(){var draw=function(){var box=document.getElementById('"
                + id + "');if(!box){return;}box.innerHTML='';Plotly.newPlot(box," + safeJson(data) + ","
                + safeJson(layout) + ",{responsive:true});};"
                + "if(window.Plotly){draw();}else{(window.djinnPlotlyQueue=window.djinnPlotlyQueue||[]).push(draw);}"
                + "})();</script>";
        String text = "Figure" + (title().isEmpty() ? "" : " \"" + title() + "\"") + ": " + data.size() + " trace"
                + (data.size() == 1 ? "" : "s");
        return new MimeBundle().put(MimeBundle.TEXT, text).put(MimeBundle.HTML, html)
                .put(MIME_TYPE, GSON.fromJson(figure, Object.class))
                .putMetadata(DisplayMessages.NEEDS_PLOTLY_JS, true);
    }

    /** JSON that cannot close the script element it is embedded in. */
    private static String safeJson(JsonElement json) {
        return json.toString().replace("</", "<\\/");
    }
}
