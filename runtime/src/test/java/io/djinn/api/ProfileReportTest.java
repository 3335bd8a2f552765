package io.djinn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.runtime.profiling.TraceSummary;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileReportTest {

    private static final List<TraceSummary.Operator> OPS = List.of(
            new TraceSummary.Operator("aten::mm", 3, 17100, 17100, 0, "[[256,256],[256,256]]", 786432, 0),
            new TraceSummary.Operator("aten::add<x>", 3, 1400, 1300, 0, "[[256,256],[],[]]", 0, 0),
            new TraceSummary.Operator("aten::copy_", 3, 19, 19, 0, "", 0, 0));

    @Test
    void tableListsTheTopOperatorsEscaped() {
        ProfileReport report = new ProfileReport(OPS, 2, true, true, List.of(), Path.of("/tmp/t.json"));
        MimeBundle table = report.table();
        String html = (String) table.data().get(MimeBundle.HTML);
        assertTrue(html.contains("<code>aten::mm</code>") && html.contains("aten::add&lt;x&gt;"), html);
        assertTrue(!html.contains("aten::copy_"), "only the top 2");
        assertTrue(html.contains("17.1 ms") && html.contains("768.0 KiB") && html.contains("[[256,256],[256,256]]"), html);
        assertTrue(html.contains("/tmp/t.json"));
        assertTrue(table.toString().contains("NDArrays: none created in this cell is still open."), table.toString());
    }

    @Test
    void chartHasPlotlyDataAndAnHtmlFallback() {
        MimeBundle chart = new ProfileReport(OPS, 3, false, false, List.of(), Path.of("t.json")).chart();
        @SuppressWarnings("unchecked")
        Map<String, Object> figure = (Map<String, Object>) chart.data().get("application/vnd.plotly.v1+json");
        @SuppressWarnings("unchecked")
        Map<String, Object> bars = ((List<Map<String, Object>>) figure.get("data")).get(0);
        assertEquals(List.of("aten::copy_", "aten::add<x>", "aten::mm"), bars.get("y"));
        assertEquals(List.of(0.019, 1.3, 17.1), bars.get("x"));
        assertTrue(((String) chart.data().get(MimeBundle.HTML)).contains("width:300px"), "longest bar is full width");
    }

    @Test
    void openArraysAreReportedWithTheLargestFirst() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray kept = manager.zeros(new Shape(2));
            LiveArrays before = LiveArrays.snapshot();
            NDArray small = manager.zeros(new Shape(10));
            NDArray large = manager.zeros(new Shape(100, 100));
            NDArray closed = manager.ones(new Shape(5));
            closed.close();
            List<LiveArrays.Entry> open = LiveArrays.snapshot().newSince(before);
            assertEquals(2, open.size());
            assertEquals("(100, 100)", open.get(0).shape());
            assertEquals(40000, open.get(0).bytes());
            String line = new ProfileReport(OPS, 1, false, false, open, Path.of("t.json")).leakLine();
            assertTrue(line.startsWith("NDArrays: 2 created in this cell still open (39.1 KiB)"), line);
            assertTrue(line.contains("(100, 100) float32 on cpu()"), line);
            small.close();
            large.close();
            kept.close();
        }
    }
}
