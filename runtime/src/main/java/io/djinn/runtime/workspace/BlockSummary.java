package io.djinn.runtime.workspace;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import io.djinn.api.Devices;
import io.djinn.api.ModelSummary;
import io.djinn.api.UsageException;
import io.djinn.runtime.device.DeviceNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Walks a block depth first for {@link ModelSummary}: shapes flow through a SequentialBlock child by child, every
 * child of a ParallelBlock gets the parallel block's input, and inside other blocks (whose wiring their code
 * decides) children are listed without shapes.
 */
public final class BlockSummary {

    private final List<ModelSummary.Row> rows = new ArrayList<>();

    private BlockSummary() {}

    public static ModelSummary of(Object blockOrModel, Shape... inputShapes) {
        Block block;
        String title;
        NDManager manager;
        DataType dataType;
        if (blockOrModel instanceof Model model) {
            block = model.getBlock();
            if (block == null) {
                throw new UsageException("%summary: model \"" + model.getName() + "\" has no block yet (setBlock)");
            }
            title = "Model \"" + model.getName() + "\"";
            manager = model.getNDManager();
            dataType = model.getDataType();
        } else if (blockOrModel instanceof Block bare) {
            block = bare;
            title = bare.getClass().getSimpleName();
            manager = null;
            dataType = DataType.FLOAT32;
        } else {
            throw new UsageException("%summary: " + (blockOrModel == null ? "null" : "a "
                    + blockOrModel.getClass().getSimpleName()) + " is not a Block or a Model");
        }
        Shape[] inputs = inputShapes == null || inputShapes.length == 0 ? null : inputShapes;
        String note = null;
        if (!block.isInitialized()) {
            if (inputs == null) {
                throw new UsageException("%summary: " + title + " is not initialized, so its parameters have no shape "
                        + "yet: give the input shape with the batch dimension, as in %summary net --input 1,784 "
                        + "(Models.summary(net, new Shape(1, 784)))");
            }
            NDManager owner = manager != null ? manager : NDManager.newBaseManager(Devices.device());
            block.initialize(owner, dataType, inputs);
            note = "Its parameters were initialized for " + shapes(inputs) + " on " + DeviceNames.of(owner.getDevice())
                    + ", as training would; training initializes them again.";
        } else if (inputs == null) {
            inputs = block.getInputShapes();
        }
        BlockSummary walker = new BlockSummary();
        walker.walk(block, title.startsWith("Model") ? block.getClass().getSimpleName() : "", inputs, 0);
        long total = 0;
        long trainable = 0;
        long bytes = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            long size = BlockParameters.size(parameter.getValue());
            total += size;
            trainable += parameter.getValue().requiresGradient() ? size : 0;
            bytes += BlockParameters.bytes(parameter.getValue());
        }
        List<String> inputNames = inputs == null ? List.of() : Arrays.stream(inputs).map(Shape::toString).toList();
        return new ModelSummary(title, inputNames, walker.rows, total, trainable, bytes, note);
    }

    private Shape[] walk(Block block, String name, Shape[] inputs, int depth) {
        Shape[] outputs = outputShapes(block, inputs);
        long own = 0;
        for (Pair<String, Parameter> parameter : block.getDirectParameters()) {
            own += BlockParameters.size(parameter.getValue());
        }
        boolean hasChildren = !block.getChildren().isEmpty();
        String type = block.getClass().getSimpleName();
        rows.add(new ModelSummary.Row(name.isEmpty() ? type : name, type, depth,
                outputs == null ? "?" : shapes(outputs), own, hasChildren));
        Shape[] flowing = inputs;
        for (Pair<String, Block> child : block.getChildren()) {
            if (block instanceof SequentialBlock) {
                flowing = walk(child.getValue(), child.getKey(), flowing, depth + 1);
            } else {
                walk(child.getValue(), child.getKey(), block instanceof ParallelBlock ? inputs : null, depth + 1);
            }
        }
        return outputs;
    }

    /** The block's output shapes for these inputs; null when unknown or when the block cannot say. */
    private static Shape[] outputShapes(Block block, Shape[] inputs) {
        if (inputs == null) {
            return null;
        }
        try {
            return block.getOutputShapes(inputs);
        } catch (RuntimeException e) {
            return null; // a block that cannot work out its shapes this way: the table shows "?"
        }
    }

    private static String shapes(Shape[] shapes) {
        return shapes.length == 1 ? shapes[0].toString()
                : Arrays.stream(shapes).map(Shape::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
