package io.djinn.runtime.render;

import io.djinn.api.MimeBundle;
import io.djinn.api.Renderer;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as HTML with its first and last rows, its column types and its size. */
public final class TableRenderer implements Renderer {

    static final int HEAD_ROWS = 5;
    static final int TAIL_ROWS = 5;

    @Override
    public boolean canRender(Object value) {
        return value instanceof Table;
    }

    @Override
    public MimeBundle render(Object value) {
        Table table = (Table) value;
        return MimeBundle.html(html(table), table.print(HEAD_ROWS + TAIL_ROWS) + "\n" + size(table));
    }

    private static String size(Table table) {
        return table.rowCount() + " rows × " + table.columnCount() + " columns";
    }

    static String html(Table table) {
        StringBuilder html = new StringBuilder("<div class=\"djinn-table\">");
        if (table.name() != null && !table.name().isEmpty()) {
            html.append("<div><b>").append(Html.escape(table.name())).append("</b></div>");
        }
        html.append("<table><thead><tr><th></th>");
        for (Column<?> column : table.columns()) {
            html.append("<th title=\"").append(column.type().name()).append("\">")
                    .append(Html.escape(column.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        boolean elide = rows > HEAD_ROWS + TAIL_ROWS;
        for (int row = 0; row < rows; row++) {
            if (elide && row == HEAD_ROWS) {
                html.append("<tr><td>…</td>");
                for (int c = 0; c < table.columnCount(); c++) {
                    html.append("<td>…</td>");
                }
                html.append("</tr>");
                row = rows - TAIL_ROWS;
            }
            html.append("<tr><th>").append(row).append("</th>");
            for (Column<?> column : table.columns()) {
                html.append("<td>").append(Html.escape(column.getString(row))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table><div>").append(size(table)).append("</div></div>");
        return html.toString();
    }
}
