package io.djinn.kernel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.djinn.kernel.protocol.FakeMessages;
import io.djinn.kernel.protocol.Message;
import io.djinn.wire.DisplayMessages;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a cell's output publishes around charts: plotly.js as an output of its own, the runtime's mark removed. */
class CellOutputChartsTest {

    private final FakeMessages.RecordingResponder iopub = new FakeMessages.RecordingResponder();
    private final CellOutput output = new CellOutput(iopub, null, 0, true);
    private final Consumer<JsonObject> runtimeDisplay = output.runtimeIo().display();

    @AfterEach
    void close() {
        output.close();
    }

    private static Message cell(String cellId) {
        JsonObject content = new JsonObject();
        content.addProperty("code", "chart()");
        Message request = FakeMessages.request("execute_request", content);
        request.metadata().addProperty("cellId", cellId);
        return request;
    }

    private static JsonObject chart(String kind, String displayId) {
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", "Figure: 1 trace");
        data.addProperty("text/html", "<div class=\"djinn-plotly\"></div>");
        JsonObject metadata = new JsonObject();
        metadata.addProperty(DisplayMessages.NEEDS_PLOTLY_JS, true);
        JsonObject message = new JsonObject();
        message.addProperty(DisplayMessages.TYPE, kind);
        message.add("data", data);
        message.add("metadata", metadata);
        if (displayId != null) {
            message.addProperty("display_id", displayId);
        }
        return message;
    }

    /** The kinds published for a request, the library shown as "library". */
    private List<String> published(Message request) {
        return iopub.sent.stream().filter(s -> s.requestId().equals(request.id()))
                .map(s -> s.type().equals("display_data") && isLibrary(s.content()) ? "library" : s.type()).toList();
    }

    private static boolean isLibrary(JsonObject content) {
        return content.getAsJsonObject("data").get("text/html").getAsString().contains("djinn-plotly-library");
    }

    @Test
    void theLibraryPrecedesTheFirstChartAndTheMarkIsRemoved() {
        Message first = cell("a");
        output.begin(first, false);
        runtimeDisplay.accept(chart(DisplayMessages.DISPLAY, "live"));
        runtimeDisplay.accept(chart(DisplayMessages.UPDATE, "live"));
        output.end();
        assertEquals(List.of("library", "display_data", "update_display_data"), published(first));
        for (FakeMessages.Sent sent : iopub.sent) {
            assertFalse(sent.content().getAsJsonObject("metadata").has(DisplayMessages.NEEDS_PLOTLY_JS), sent.toString());
        }
        JsonObject library = iopub.sent.get(0).content();
        String html = library.getAsJsonObject("data").get("text/html").getAsString();
        assertTrue(html.length() > 2_000_000 && html.length() < 3_000_000, "gzipped plotly.js in base64: " + html.length());
        assertTrue(html.contains("DecompressionStream") && html.contains("djinnPlotlyQueue"), "unpacks, then draws the queue");
        assertFalse(html.contains("<script src"), "nothing from the network");
        assertEquals(0, library.getAsJsonObject("transient").size(), "no display id: nothing can update it away");
    }

    @Test
    void aCellsValueThatIsAChartGetsTheLibraryBeforeIt() {
        Message request = cell("a");
        output.begin(request, false);
        JsonObject result = chart(DisplayMessages.RESULT, null);
        output.executeResult(1, result);
        output.end();
        assertEquals(List.of("library", "execute_result"), published(request));
    }

    @Test
    void reRunningTheCarryingCellPutsTheLibraryAtItsEnd() {
        Message first = cell("a");
        output.begin(first, false);
        runtimeDisplay.accept(chart(DisplayMessages.DISPLAY, null));
        output.end();
        Message second = cell("b");
        output.begin(second, false);
        runtimeDisplay.accept(chart(DisplayMessages.DISPLAY, null));
        output.end();
        Message again = cell("a");
        output.begin(again, false);
        output.print("no chart this time\n");
        output.end();
        assertEquals(List.of("display_data"), published(second));
        assertEquals(List.of("stream", "library"), published(again));
    }

    @Test
    void withoutTheLibraryChartsComeAlone() {
        CellOutput off = new CellOutput(iopub, null, 0, false);
        try {
            Message request = cell("a");
            off.begin(request, false);
            off.runtimeIo().display().accept(chart(DisplayMessages.DISPLAY, null));
            off.end();
            assertEquals(List.of("display_data"), published(request));
        } finally {
            off.close();
        }
    }
}
