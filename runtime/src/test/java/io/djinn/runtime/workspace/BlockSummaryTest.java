package io.djinn.runtime.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.djinn.api.ModelSummary;
import io.djinn.api.UsageException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** %summary's table on real DJL blocks: shapes flowing through, parameter counts, and what it refuses. */
class BlockSummaryTest {

    /** The network: 784 -> 256 -> 10, which has 784*256+256 + 256*10+10 = 203,530 parameters. */
    private static SequentialBlock mlp() {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock(784))
                .add(Linear.builder().setUnits(256).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(10).build());
    }

    private static String rows(ModelSummary summary) {
        return summary.rows().stream().map(row -> "  ".repeat(row.depth()) + row.name() + " " + row.outputShape()
                + " " + row.parameters()).collect(Collectors.joining("\n"));
    }

    @Test
    void anUninitializedBlockIsInitializedForTheInputAndCountedLayerByLayer() {
        SequentialBlock net = mlp();
        ModelSummary summary = BlockSummary.of(net, new Shape(1, 784));
        assertEquals("""
                SequentialBlock (1, 10) 0
                  01LambdaBlock (1, 784) 0
                  02Linear (1, 256) 200960
                  03LambdaBlock (1, 256) 0
                  04Linear (1, 10) 2570""", rows(summary));
        assertEquals(203_530, summary.totalParameters());
        assertEquals(203_530, summary.trainableParameters());
        assertEquals(203_530L * 4, summary.parameterBytes());
        assertTrue(summary.note().startsWith("Its parameters were initialized for (1, 784) on cpu"), summary.note());
        String text = (String) summary.toMimeBundle().data().get("text/plain");
        assertTrue(text.contains("Total params: 203,530"), text);
        assertTrue(text.contains("SequentialBlock, input (1, 784)"), text);
        String html = (String) summary.toMimeBundle().data().get("text/html");
        assertTrue(html.contains("<td>\u00a0\u00a002Linear (Linear)</td>"), html);
    }

    @Test
    void anInitializedBlockUsesTheShapesItWasInitializedWith() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = mlp();
            net.initialize(manager, DataType.FLOAT32, new Shape(32, 1, 28, 28));
            ModelSummary summary = BlockSummary.of(net);
            assertEquals(List.of("(32, 1, 28, 28)"), summary.inputShapes());
            assertEquals("(32, 10)", summary.rows().get(0).outputShape());
            assertEquals(203_530, summary.totalParameters());
            assertNull(summary.note());
        }
    }

    @Test
    void aModelIsSummarisedWithItsNameAndItsManager() {
        try (Model model = Model.newInstance("mlp")) {
            model.setBlock(mlp());
            ModelSummary summary = BlockSummary.of(model, new Shape(2, 784));
            assertEquals("Model \"mlp\"", summary.title());
            assertEquals("SequentialBlock", summary.rows().get(0).name());
            assertEquals("(2, 10)", summary.rows().get(0).outputShape());
            assertEquals(203_530, summary.totalParameters());
        }
    }

    @Test
    void childrenOfAParallelBlockEachGetItsInput() {
        ParallelBlock branches = new ParallelBlock(
                outputs -> new NDList(outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow()),
                List.of(Linear.builder().setUnits(3).build(), Linear.builder().setUnits(5).build()));
        ModelSummary summary = BlockSummary.of(branches, new Shape(1, 4));
        assertEquals("[(1, 3), (1, 5)]", summary.rows().get(0).outputShape());
        assertEquals("(1, 3)", summary.rows().get(1).outputShape());
        assertEquals("(1, 5)", summary.rows().get(2).outputShape());
        assertEquals(4 * 3 + 3 + 4 * 5 + 5, summary.totalParameters());
    }

    @Test
    void whatItCannotSummariseIsRefusedInOneLineThatSaysWhatToDo() {
        UsageException noShape = assertThrows(UsageException.class, () -> BlockSummary.of(mlp()));
        assertTrue(noShape.getMessage().contains("--input 1,784"), noShape.getMessage());
        assertFalse(noShape.getMessage().contains("\n"));
        UsageException notABlock = assertThrows(UsageException.class, () -> BlockSummary.of("net"));
        assertEquals("%summary: a String is not a Block or a Model", notABlock.getMessage());
        assertThrows(UsageException.class, () -> BlockSummary.of(null));
        try (Model empty = Model.newInstance("empty")) {
            UsageException noBlock = assertThrows(UsageException.class, () -> BlockSummary.of(empty));
            assertTrue(noBlock.getMessage().contains("has no block yet"), noBlock.getMessage());
        }
    }
}
