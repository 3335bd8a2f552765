package io.djinn.runtime.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import io.djinn.api.MimeBundle;
import io.djinn.wire.DisplayMessages;
import io.djinn.api.Plots;
import io.djinn.api.UsageException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.api.ScatterPlot;

class ChartsTest {

    private final Table history = Table.create("history", IntColumn.create("epoch", 1, 2, 3),
            DoubleColumn.create("loss", 0.9, 0.5, 0.3), DoubleColumn.create("accuracy", 0.5, 0.7, 0.9));

    private static PlotlyFigure figure(Object chart) {
        return (PlotlyFigure) chart;
    }

    @Test
    void lineFromAnArrayWithTitleAndLogScale() {
        PlotlyFigure chart = figure(Charts.chart("line", new double[] {1, 10, 100},
                new Plots.Options(null, null, "Growth", null, null, false, true, null)));
        JsonObject trace = chart.data().get(0).getAsJsonObject();
        assertEquals("lines", trace.get("mode").getAsString());
        assertEquals("[1.0,10.0,100.0]", trace.get("y").toString());
        assertEquals("log", chart.layout().getAsJsonObject("yaxis").get("type").getAsString());
        assertEquals("Growth", chart.title());
    }

    @Test
    void tableColumnsGiveOneTracePerY() {
        PlotlyFigure chart = figure(Charts.chart("line", history,
                new Plots.Options("epoch", "loss, accuracy", null, null, null, false, false, null)));
        assertEquals(2, chart.data().size());
        assertEquals("accuracy", chart.data().get(1).getAsJsonObject().get("name").getAsString());
        assertEquals("[1.0,2.0,3.0]", chart.data().get(0).getAsJsonObject().get("x").toString());
        assertEquals("epoch", chart.layout().getAsJsonObject("xaxis").getAsJsonObject("title").get("text").getAsString());
    }

    @Test
    void ndarraysListsAndScatterPairs() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PlotlyFigure line = figure(Charts.chart("line", manager.arange(4f), Plots.Options.none()));
            assertEquals("[0.0,1.0,2.0,3.0]", line.data().get(0).getAsJsonObject().get("y").toString());
            PlotlyFigure points = figure(Charts.chart("scatter", manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2)),
                    Plots.Options.none()));
            assertEquals("[1.0,3.0]", points.data().get(0).getAsJsonObject().get("x").toString());
            assertEquals("[2.0,4.0]", points.data().get(0).getAsJsonObject().get("y").toString());
        }
        PlotlyFigure fromList = figure(Charts.chart("hist", List.of(1, 2, 2, 3),
                new Plots.Options(null, null, null, null, null, false, false, 3)));
        assertEquals(3, fromList.data().get(0).getAsJsonObject().get("nbinsx").getAsInt());
    }

    @Test
    void heatmapReadsTopDownLikeAMatrix() {
        PlotlyFigure chart = figure(Charts.chart("heatmap", new int[][] {{5, 1}, {2, 7}}, Plots.Options.none()));
        assertEquals("[[5.0,1.0],[2.0,7.0]]", chart.data().get(0).getAsJsonObject().get("z").toString());
        assertEquals("reversed", chart.layout().getAsJsonObject("yaxis").get("autorange").getAsString());
    }

    @Test
    void imagesBecomePngInEveryLayout() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (Shape shape : new Shape[] {new Shape(8, 6), new Shape(8, 6, 3), new Shape(3, 8, 6)}) {
                MimeBundle bundle = (MimeBundle) Charts.chart("image", manager.ones(shape), Plots.Options.none());
                byte[] png = Base64.getDecoder().decode((String) bundle.data().get(MimeBundle.PNG));
                var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
                assertEquals(6, image.getWidth(), shape.toString());
                assertEquals(8, image.getHeight(), shape.toString());
                assertEquals(0xFFFFFF, image.getRGB(0, 0) & 0xFFFFFF, "ones in [0,1] are white");
            }
        }
    }

    @Test
    void badInputSaysWhatIsWrongInOneLine() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            UsageException rank = assertThrows(UsageException.class,
                    () -> Charts.chart("line", manager.ones(new Shape(2, 2)), Plots.Options.none()));
            assertEquals("line needs 1-D data; got an NDArray of shape (2, 2)", rank.getMessage());
            assertThrows(UsageException.class, () -> Charts.chart("image", manager.ones(new Shape(2, 2, 7)),
                    Plots.Options.none()));
        }
        UsageException column = assertThrows(UsageException.class, () -> Charts.chart("line", history,
                new Plots.Options("epoch", "nope", null, null, null, false, false, null)));
        assertEquals("line: no column 'nope' in table history; its columns: epoch, loss, accuracy", column.getMessage());
        assertThrows(UsageException.class, () -> Charts.chart("pie", history, Plots.Options.none()));
        assertThrows(UsageException.class, () -> Charts.chart("line", "text", Plots.Options.none()));
        assertFalse(column.getMessage().contains("\n"));
    }

    @Test
    void tablesawFiguresConvertWithPlotly3Titles() {
        PlotlyFigure line = TablesawFigures.toPlotly(LinePlot.create("Loss", history, "epoch", "loss"));
        assertEquals("Loss", line.layout().getAsJsonObject("title").get("text").getAsString());
        assertEquals("epoch", line.layout().getAsJsonObject("xaxis").getAsJsonObject("title").get("text").getAsString());
        assertFalse(line.layout().has("width"), "follows the notebook's width");
        PlotlyFigure scatter = TablesawFigures.toPlotly(ScatterPlot.create("S", history, "epoch", "loss"));
        assertEquals("markers", scatter.data().get(0).getAsJsonObject().get("mode").getAsString());
    }

    @Test
    void aChartsHtmlDrawsWithTheLibraryTheKernelAddsAndCarriesNoneItself() {
        MimeBundle first = TablesawFigures.toPlotly(LinePlot.create("A", history, "epoch", "loss")).toBundle();
        MimeBundle second = TablesawFigures.toPlotly(LinePlot.create("B", history, "epoch", "loss")).toBundle();
        for (MimeBundle chart : List.of(first, second)) {
            String html = (String) chart.data().get(MimeBundle.HTML);
            assertTrue(html.length() < 5_000, "only the chart: " + html.length());
            assertTrue(html.contains("djinnPlotlyQueue"), "a chart waits for the library if it is not there yet");
            assertFalse(html.contains("<script src"), "nothing loaded from a URL");
            assertEquals(true, chart.metadata().get(DisplayMessages.NEEDS_PLOTLY_JS), "the kernel is asked for the library");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) first.data().get(PlotlyFigure.MIME_TYPE);
        assertEquals(List.of("data", "layout"), List.copyOf(json.keySet()));
    }
}
