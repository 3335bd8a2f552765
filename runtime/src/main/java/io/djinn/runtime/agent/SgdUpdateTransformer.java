package io.djinn.runtime.agent;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Starts the PyTorch engine's {@code PtNDArrayEx.sgdUpdate(inputs, weights, learningRate, weightDecay,
 * rescaleGrad, clipGrad, momentum, lazyUpdate)} with a call to {@link InPlaceSgd#update}. The inserted code is:
 * <pre>
 *   if (InPlaceSgd.update(inputs, weights, learningRate, weightDecay, rescaleGrad, clipGrad, momentum)) return;
 * </pre>
 */
final class SgdUpdateTransformer extends MethodEntryTransformer {

    static final String TARGET = "ai/djl/pytorch/engine/PtNDArrayEx";
    private static final String METHOD = "sgdUpdate";
    private static final String DESCRIPTOR = "(Lai/djl/ndarray/NDList;Lai/djl/ndarray/NDList;FFFFFZ)V";
    private static final String HOOK = Type.getInternalName(InPlaceSgd.class);
    private static final String HOOK_DESCRIPTOR = "(Lai/djl/ndarray/NDList;Lai/djl/ndarray/NDList;FFFFF)Z";

    SgdUpdateTransformer() {
        // Without the hook, SGD copies each gradient once more per step; nothing else changes.
        super(TARGET, "the in-place SGD update", true, METHOD, DESCRIPTOR);
    }

    @Override
    void insert(MethodVisitor method, String descriptor) {
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitVarInsn(Opcodes.ALOAD, 2);
        for (int slot = 3; slot <= 7; slot++) {
            method.visitVarInsn(Opcodes.FLOAD, slot);
        }
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "update", HOOK_DESCRIPTOR, false);
        returnIfHookDidIt(method);
    }
}
