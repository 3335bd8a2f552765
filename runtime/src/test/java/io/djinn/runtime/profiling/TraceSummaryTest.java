package io.djinn.runtime.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSummaryTest {

    private static JsonArray events(String json) {
        return JsonParser.parseString(json).getAsJsonArray();
    }

    @Test
    void selfTimeSubtractsNestedOperators() {
        // matmul [0, 100) contains mm [10, 90), which contains resolve_conj [20, 25); add [200, 230) stands alone.
        List<TraceSummary.Operator> ops = TraceSummary.operators(events("["
                + "{\"name\":\"aten::matmul\",\"ph\":\"X\",\"ts\":0,\"dur\":100,\"tid\":1,\"pid\":\"CPU Functions\"},"
                + "{\"name\":\"aten::mm\",\"ph\":\"X\",\"ts\":10,\"dur\":80,\"tid\":1,\"pid\":\"CPU Functions\","
                + "\"shape\":[[2,2],[2,2]],\"cpu mem\":\"16 b\"},"
                + "{\"name\":\"aten::resolve_conj\",\"ph\":\"X\",\"ts\":20,\"dur\":5,\"tid\":1,\"pid\":\"CPU Functions\"},"
                + "{\"name\":\"aten::add\",\"ph\":\"X\",\"ts\":200,\"dur\":30,\"tid\":1,\"pid\":\"CPU Functions\","
                + "\"cpu mem\":\"1.50 Kb\"},"
                + "{\"name\":\"aten::add\",\"ph\":\"X\",\"ts\":300,\"dur\":10,\"tid\":2,\"pid\":\"CPU Functions\"}]"));
        TraceSummary.Operator mm = ops.get(0);
        assertEquals("aten::mm", mm.name());
        assertEquals(75, mm.selfMicros(), 1e-9);
        assertEquals(80, mm.totalMicros(), 1e-9);
        assertEquals("[[2,2],[2,2]]", mm.shapes());
        assertEquals(16, mm.cpuMemoryBytes());
        TraceSummary.Operator add = ops.get(1);
        assertEquals("aten::add", add.name());
        assertEquals(2, add.calls());
        assertEquals(40, add.selfMicros(), 1e-9);
        assertEquals(1536, add.cpuMemoryBytes());
        TraceSummary.Operator matmul = ops.stream().filter(o -> o.name().equals("aten::matmul")).findFirst().orElseThrow();
        assertEquals(20, matmul.selfMicros(), 1e-9);
        assertEquals(100, matmul.totalMicros(), 1e-9);
    }

    @Test
    void cudaEventsCountAsDeviceTime() {
        List<TraceSummary.Operator> ops = TraceSummary.operators(events("["
                + "{\"name\":\"aten::mm\",\"ph\":\"X\",\"ts\":0,\"dur\":10,\"tid\":1,\"pid\":\"CPU Functions\"},"
                + "{\"name\":\"aten::mm\",\"ph\":\"X\",\"ts\":5,\"dur\":400,\"tid\":0,\"pid\":\"CUDA functions\"}]"));
        assertEquals(1, ops.get(0).calls());
        assertEquals(400, ops.get(0).cudaMicros(), 1e-9);
        assertEquals(10, ops.get(0).selfMicros(), 1e-9);
    }

    @Test
    void memoryStrings() {
        assertEquals(0, TraceSummary.bytes("0 b"));
        assertEquals(262144, TraceSummary.bytes("256.00 Kb"));
        assertEquals(-262144, TraceSummary.bytes("-256.00 Kb"));
        assertEquals(3 * 1024 * 1024, TraceSummary.bytes("3.00 Mb"));
        assertEquals(0, TraceSummary.bytes("n/a"));
    }
}
