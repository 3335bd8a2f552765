package io.djinn.api;

import ai.djl.ndarray.types.Shape;
import io.djinn.runtime.workspace.BlockSummary;

/** Models and blocks at a glance: behind {@code %summary}. */
public final class Models {

    private Models() {}

    /**
     * A model's or block's layers with their output shapes and parameter counts, and the totals.
     *
     * <p>Output shapes follow from the input shapes given, or else from the shapes the block was initialized with. A
     * block that is not initialized has parameters without shapes: given input shapes, it is initialized for them
     * (float32, on the model's manager, or on one of its own for a bare block), as training would; without, this
     * says what is missing.
     *
     * @param blockOrModel a {@link ai.djl.nn.Block} or a {@link ai.djl.Model}
     * @param inputShapes one shape per input, batch dimension included: {@code new Shape(1, 784)}
     * @throws UsageException when it is neither, or when it is not initialized and no input shape is given
     */
    public static ModelSummary summary(Object blockOrModel, Shape... inputShapes) {
        return BlockSummary.of(blockOrModel, inputShapes);
    }
}
