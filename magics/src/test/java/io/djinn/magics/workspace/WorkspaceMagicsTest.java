package io.djinn.magics.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.MagicRegistry;
import io.djinn.magics.RecordingMagicContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What %whos, %who and %summary run in the runtime, and how they refuse bad arguments. */
class WorkspaceMagicsTest {

    private final MagicRegistry registry = new MagicRegistry();
    private final RecordingMagicContext context = new RecordingMagicContext();

    WorkspaceMagicsTest() {
        WorkspaceMagics.registerAll(registry);
        context.variables.add(new MagicContext.Variable("x", "NDArray"));
        context.variables.add(new MagicContext.Variable("names", "List<String>"));
    }

    @Test
    void whosPassesTheSessionsVariablesAndTheTypesAsked() throws Exception {
        registry.runLine("whos", "NDArray Model", context);
        assertEquals(List.of("io.djinn.api.Workspace.whos(new String[] {\"x\", \"names\"}, "
                + "new String[] {\"NDArray\", \"List<String>\"}, new Object[] {x, names}, \"NDArray\", \"Model\")"),
                context.ran);
        assertEquals(List.of(true), context.shown);
        registry.runLine("who", "", context);
        assertTrue(context.ran.get(1).startsWith("io.djinn.api.Workspace.who(new String[] {\"x\", \"names\"}"),
                context.ran.get(1));
    }

    @Test
    void summaryTakesTheExpressionAndInputShapesInEitherOrderAndSpelling() throws Exception {
        registry.runLine("summary", "nets.get(0) --input 1,784", context);
        registry.runLine("summary", "--input \"(2, 3)\" --input 4x5 model", context);
        registry.runLine("summary", "model", context);
        registry.runLine("summary", "model --input (1, 3, 28, 28)", context);
        assertEquals(List.of(
                "io.djinn.api.Models.summary((Object) (nets.get(0)), new ai.djl.ndarray.types.Shape(1, 784))",
                "io.djinn.api.Models.summary((Object) (model), new ai.djl.ndarray.types.Shape(2, 3), "
                        + "new ai.djl.ndarray.types.Shape(4, 5))",
                "io.djinn.api.Models.summary((Object) (model))",
                "io.djinn.api.Models.summary((Object) (model), new ai.djl.ndarray.types.Shape(1, 3, 28, 28))"),
                context.ran);
    }

    @Test
    void shapesAreReadAsPeopleWriteThem() throws Exception {
        assertArrayEquals(new long[] {1, 784}, SummaryMagic.shape("1,784"));
        assertArrayEquals(new long[] {1, 784}, SummaryMagic.shape("(1, 784)"));
        assertArrayEquals(new long[] {1, 3, 28, 28}, SummaryMagic.shape("[1 3 28 28]"));
        assertArrayEquals(new long[] {8}, SummaryMagic.shape("8"));
    }

    @Test
    void badArgumentsAreRefusedWithWhatToWrite() {
        MagicException noExpression = assertThrows(MagicException.class,
                () -> registry.runLine("summary", "", context));
        assertTrue(noExpression.getMessage().contains("as in %summary model --input 1,784"), noExpression.getMessage());
        MagicException badShape = assertThrows(MagicException.class,
                () -> registry.runLine("summary", "net --input 1,-3", context));
        assertTrue(badShape.getMessage().startsWith("%summary: '1,-3' is not a shape"), badShape.getMessage());
        for (String notAShape : List.of("1,x", "0,3", "1,,3", "(1, 3", "", "99999999999999999999")) {
            assertThrows(MagicException.class, () -> SummaryMagic.shape(notAShape), notAShape);
        }
        MagicException unknownOption = assertThrows(MagicException.class,
                () -> registry.runLine("summary", "net --inputs 1,3", context));
        assertTrue(unknownOption.getMessage().startsWith("%summary: Unknown option"),
                unknownOption.getMessage());
        assertEquals(List.of(), context.ran);
    }
}
