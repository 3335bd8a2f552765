package io.djinn.runtime.render;

import io.djinn.api.Displayable;
import io.djinn.api.MimeBundle;
import java.util.ArrayList;
import java.util.List;

/**
 * A small report: a heading, a table, and notes under it, drawn as HTML for notebooks and as aligned
 * text for consoles and nbconvert's plain output. Cells are plain text; escaping is done here.
 */
public final class ReportTable implements Displayable {

    private final String heading;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ReportTable(String heading, String... header) {
        this.heading = heading;
        this.header = List.of(header);
    }

    public ReportTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(cell == null ? "" : cell);
        }
        rows.add(row);
        return this;
    }

    public ReportTable note(String note) {
        notes.add(note);
        return this;
    }

    @Override
    public MimeBundle toMimeBundle() {
        return MimeBundle.html(html(), text());
    }

    @Override
    public String toString() {
        return text();
    }

    public String text() {
        StringBuilder out = new StringBuilder(heading).append('\n');
        if (!rows.isEmpty()) {
            int[] widths = new int[header.size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = header.get(c).length();
                for (List<String> row : rows) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            appendLine(out, header, widths);
            for (List<String> row : rows) {
                appendLine(out, row, widths);
            }
        }
        for (String note : notes) {
            out.append(note).append('\n');
        }
        return out.toString().stripTrailing();
    }

    public String html() {
        StringBuilder out = new StringBuilder("<div class=\"djinn-report\"><p><strong>")
                .append(Html.escape(heading)).append("</strong></p>");
        if (!rows.isEmpty()) {
            out.append("<table><thead><tr>");
            header.forEach(cell -> out.append("<th>").append(Html.escape(cell)).append("</th>"));
            out.append("</tr></thead><tbody>");
            for (List<String> row : rows) {
                out.append("<tr>");
                row.forEach(cell -> out.append("<td>").append(Html.escape(cell)).append("</td>"));
                out.append("</tr>");
            }
            out.append("</tbody></table>");
        }
        for (String note : notes) {
            out.append("<p>").append(Html.escape(note)).append("</p>");
        }
        return out.append("</div>").toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(String.format("%-" + widths[c] + "s", cells.get(c)));
            if (c < cells.size() - 1) {
                line.append("  ");
            }
        }
        out.append("  ").append(line.toString().stripTrailing()).append('\n');
    }
}
