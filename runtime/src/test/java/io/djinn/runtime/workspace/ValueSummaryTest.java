package io.djinn.runtime.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** %whos's Data/Info column. */
class ValueSummaryTest {

    @Test
    void arraysSayShapeDtypeDeviceAndBytesAndManagersWhatTheyHold() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray array = manager.ones(new Shape(2, 3));
            assertEquals("(2, 3) float32 cpu, 24 B", ValueSummary.describe(array));
            manager.zeros(new Shape(256, 1024));
            assertEquals("2 open NDArrays (1.0 MiB) on cpu", ValueSummary.describe(manager));
            assertEquals("1 NDArray: [(2, 3)]", ValueSummary.describe(new NDList(array)));
            array.close();
            assertEquals("closed", ValueSummary.describe(array));
        }
    }

    @Test
    void blocksSayWhetherTheyHaveParametersYet() {
        assertEquals("LambdaBlock, not initialized", ValueSummary.describe(Activation.reluBlock()));
    }

    @Test
    void plainValuesAreShortAndNeverThrow() {
        assertEquals("null", ValueSummary.describe(null));
        assertEquals("42", ValueSummary.describe(42));
        assertEquals("\"two\\nlines\"", ValueSummary.describe("two\nlines"));
        assertEquals(60, ValueSummary.describe("x".repeat(500)).length());
        assertEquals("float[784]", ValueSummary.describe(new float[784]));
        assertEquals("int[3][4]", ValueSummary.describe(new int[3][4]));
        assertEquals("2 elements", ValueSummary.describe(List.of(1, 2)));
        assertEquals("1 entry", ValueSummary.describe(Map.of("a", 1)));
        assertEquals("", ValueSummary.describe(new Object()));
        Object broken = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        assertEquals("(could not describe: IllegalStateException)", ValueSummary.describe(broken));
    }
}
