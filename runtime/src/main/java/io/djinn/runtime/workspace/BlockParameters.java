package io.djinn.runtime.workspace;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Counting a block's parameters: only initialized ones have arrays, and so a size. */
public final class BlockParameters {

    private BlockParameters() {}

    /** The number of values in all of the block's parameters, its children's included. */
    public static long count(Block block) {
        long total = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            total += size(parameter.getValue());
        }
        return total;
    }

    /** The number of values in one parameter; 0 when it has no array yet. */
    public static long size(Parameter parameter) {
        if (!parameter.isInitialized()) {
            return 0;
        }
        NDArray array = parameter.getArray();
        return array.getShape().size();
    }

    /** Bytes of one parameter's values; 0 when it has no array yet. */
    public static long bytes(Parameter parameter) {
        if (!parameter.isInitialized()) {
            return 0;
        }
        NDArray array = parameter.getArray();
        return array.getShape().size() * array.getDataType().getNumOfBytes();
    }
}
