package io.djinn.api;

import io.djinn.runtime.profiling.TimeFormat;
import io.djinn.runtime.profiling.TraceSummary;
import io.djinn.runtime.render.ByteSize;
import io.djinn.runtime.render.Html;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What %%profile shows: the operator table, a bar chart of the top operators, the leak line, the trace path. */
public final class ProfileReport {

    private final List<TraceSummary.Operator> top;
    private final boolean showShapes;
    private final boolean showMemory;
    private final boolean showCuda;
    private final List<LiveArrays.Entry> leaked;
    private final long leakedBytes;
    private final Path trace;

    public ProfileReport(List<TraceSummary.Operator> operators, int topN, boolean shapes, boolean memory,
            List<LiveArrays.Entry> leaked, Path trace) {
        this.top = operators.subList(0, Math.min(topN, operators.size()));
        this.showShapes = shapes;
        this.showMemory = memory;
        this.showCuda = operators.stream().anyMatch(o -> o.cudaMicros() > 0);
        this.leaked = leaked;
        this.leakedBytes = leaked.stream().mapToLong(LiveArrays.Entry::bytes).sum();
        this.trace = trace;
    }

    public List<TraceSummary.Operator> top() {
        return top;
    }

    public MimeBundle table() {
        StringBuilder html = new StringBuilder("<div class=\"djinn-profile\"><table><thead><tr><th>operator</th>"
                + "<th>calls</th><th>self CPU</th><th>total CPU</th>");
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-32s %6s %12s %12s", "operator", "calls",
                "self CPU", "total CPU"));
        if (showCuda) {
            html.append("<th>CUDA</th>");
            text.append(String.format(Locale.ROOT, " %12s", "CUDA"));
        }
        if (showMemory) {
            html.append("<th>CPU memory</th><th>CUDA memory</th>");
            text.append(String.format(Locale.ROOT, " %12s %12s", "CPU memory", "CUDA memory"));
        }
        if (showShapes) {
            html.append("<th>input shapes</th>");
            text.append("  input shapes");
        }
        html.append("</tr></thead><tbody>");
        text.append('\n');
        for (TraceSummary.Operator op : top) {
            html.append("<tr><td><code>").append(Html.escape(op.name())).append("</code></td><td>").append(op.calls())
                    .append("</td><td>").append(micros(op.selfMicros())).append("</td><td>")
                    .append(micros(op.totalMicros())).append("</td>");
            text.append(String.format(Locale.ROOT, "%-32s %6d %12s %12s", op.name(), op.calls(), micros(op.selfMicros()),
                    micros(op.totalMicros())));
            if (showCuda) {
                html.append("<td>").append(micros(op.cudaMicros())).append("</td>");
                text.append(String.format(Locale.ROOT, " %12s", micros(op.cudaMicros())));
            }
            if (showMemory) {
                html.append("<td>").append(ByteSize.format(op.cpuMemoryBytes())).append("</td><td>")
                        .append(ByteSize.format(op.cudaMemoryBytes())).append("</td>");
                text.append(String.format(Locale.ROOT, " %12s %12s", ByteSize.format(op.cpuMemoryBytes()), ByteSize.format(op.cudaMemoryBytes())));
            }
            if (showShapes) {
                html.append("<td><code>").append(Html.escape(op.shapes())).append("</code></td>");
                text.append("  ").append(op.shapes());
            }
            html.append("</tr>");
            text.append('\n');
        }
        html.append("</tbody></table><p>").append(Html.escape(leakLine())).append("<br>Chrome trace (open in Perfetto or "
                + "chrome://tracing): <code>").append(Html.escape(trace.toString())).append("</code></p></div>");
        text.append(leakLine()).append("\nChrome trace: ").append(trace).append('\n');
        return MimeBundle.html(html.toString(), text.toString());
    }

    /** The live-array growth during the cell, with the largest arrays left open. */
    public String leakLine() {
        if (leaked.isEmpty()) {
            return "NDArrays: none created in this cell is still open.";
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "NDArrays: %d created in this cell still open (%s); close them or use a try-with-resources NDManager.",
                leaked.size(), ByteSize.format(leakedBytes)));
        line.append(" Largest:");
        for (LiveArrays.Entry entry : leaked.subList(0, Math.min(3, leaked.size()))) {
            line.append(' ').append(entry.shape()).append(' ').append(entry.dataType()).append(" on ")
                    .append(entry.device()).append(';');
        }
        line.setLength(line.length() - 1);
        return line.toString();
    }

    /** A Plotly bar chart of self time, with an HTML bar chart for clients without a Plotly renderer. */
    public MimeBundle chart() {
        List<String> names = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        for (int i = top.size() - 1; i >= 0; i--) { // Plotly draws horizontal bars bottom-up
            names.add(top.get(i).name());
            millis.add((top.get(i).selfMicros() + top.get(i).cudaMicros()) / 1000.0);
        }
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "bar");
        trace.put("orientation", "h");
        trace.put("x", millis);
        trace.put("y", names);
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("title", Map.of("text", "Top operators by self time (ms)"));
        layout.put("margin", Map.of("l", 220));
        layout.put("height", 120 + 24 * names.size());
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("data", List.of(trace));
        figure.put("layout", layout);

        double longest = millis.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        StringBuilder html = new StringBuilder("<div class=\"djinn-profile-chart\"><b>Top operators by self time</b>");
        StringBuilder text = new StringBuilder("Top operators by self time:\n");
        for (TraceSummary.Operator op : top) {
            double ms = (op.selfMicros() + op.cudaMicros()) / 1000.0;
            int width = (int) Math.round(300 * ms / (longest > 0 ? longest : 1));
            html.append("<div style=\"display:flex;align-items:center;font-family:monospace\"><span style=\"width:220px;"
                    + "overflow:hidden\">").append(Html.escape(op.name())).append("</span><span style=\"background:#4b2a86;"
                    + "height:12px;width:").append(width).append("px\"></span><span>&nbsp;")
                    .append(String.format(Locale.ROOT, "%.3f ms", ms)).append("</span></div>");
            text.append(String.format(Locale.ROOT, "  %-32s %10.3f ms%n", op.name(), ms));
        }
        html.append("</div>");
        return new MimeBundle().put(MimeBundle.TEXT, text.toString()).put(MimeBundle.HTML, html.toString())
                .put("application/vnd.plotly.v1+json", figure);
    }

    static String micros(double micros) {
        return TimeFormat.seconds(micros / 1e6);
    }

}
