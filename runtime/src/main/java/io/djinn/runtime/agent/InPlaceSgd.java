package io.djinn.runtime.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * DJL's PyTorch SGD update (the native {@code sgdUpdate}) clones the gradient, adds the weight decay times the
 * weight to the clone even when the decay is 0, multiplies it by the learning rate (converting the rate to a
 * tensor each time), subtracts it from the weight and zeroes the gradient: an allocation and four passes over
 * each parameter on every step, where PyTorch's own SGD makes one. When the gradient is the parameter's own
 * ({@link SingleDeviceUpdate}), which the update zeroes anyway, this scales it in place and subtracts it: the
 * same arithmetic in the same order, without the copy and the pass that adds nothing.
 */
public final class InPlaceSgd {

    private static final UpdateFactors FACTORS = new UpdateFactors();

    private InPlaceSgd() {}

    /**
     * Called at the start of {@code PtNDArrayEx.sgdUpdate}, with its arguments.
     *
     * @param inputs the weight, its gradient and, with momentum, the momentum state
     * @return true when the update was done here, false to let DJL's own code do it
     */
    public static boolean update(NDList inputs, NDList weights, float learningRate, float weightDecay,
            float rescaleGrad, float clipGrad, float momentum) {
        // Decay and clipping are left to DJL: each would take more calls from here than the copy costs.
        if (weightDecay != 0f || clipGrad >= 0f || inputs.size() != (momentum == 0f ? 2 : 3) || weights.size() != 1
                || weights.get(0) != inputs.get(0) || !SingleDeviceUpdate.isParametersOwnGradient(inputs.get(1))) {
            return false;
        }
        for (NDArray input : inputs) {
            if (!(input instanceof PtNDArray) || input.getDataType() != DataType.FLOAT32
                    || input.getSparseFormat() != SparseFormat.DENSE) {
                return false;
            }
        }
        PtNDArray weight = (PtNDArray) inputs.get(0);
        PtNDArray gradient = (PtNDArray) inputs.get(1);
        // As the native update does, change the weight without recording it for autograd.
        boolean recording = JniUtils.isGradMode();
        if (recording) {
            JniUtils.setGradMode(false);
        }
        try {
            if (rescaleGrad != 1f) {
                JniUtils.muli(gradient, FACTORS.of(gradient, rescaleGrad));
            }
            JniUtils.muli(gradient, FACTORS.of(gradient, learningRate));
            if (momentum == 0f) {
                JniUtils.subi(weight, gradient);
            } else {
                PtNDArray state = (PtNDArray) inputs.get(2);
                JniUtils.muli(state, FACTORS.of(state, momentum));
                JniUtils.addi(state, gradient);
                JniUtils.subi(weight, state);
            }
            JniUtils.zeroGrad(weight);
        } finally {
            if (recording) {
                JniUtils.setGradMode(true);
            }
        }
        return true;
    }
}
