package io.djinn.runtime.agent;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Starts DJL's {@code Optimizer.withDefaultState(state, key, device, defaultFunction)} with
 * <pre>
 *   defaultFunction = OptimizerState.outsideScopes(defaultFunction);
 * </pre>
 * so that an optimizer's state outlives the {@code NDScope} of the step that made it.
 */
final class OptimizerStateTransformer extends MethodEntryTransformer {

    static final String TARGET = "ai/djl/training/optimizer/Optimizer";
    private static final String METHOD = "withDefaultState";
    private static final String FUNCTION = "Ljava/util/function/Function;";
    private static final String DESCRIPTOR = "(Ljava/util/Map;Ljava/lang/String;Lai/djl/Device;" + FUNCTION
            + ")Lai/djl/ndarray/NDArray;";
    private static final String HOOK = Type.getInternalName(OptimizerState.class);
    private static final int FUNCTION_SLOT = 4;

    OptimizerStateTransformer() {
        // Without it, a loop that wraps each step in an NDScope loses its optimizer's state after the first step.
        super(TARGET, "keeping optimizer state out of NDScopes", true, METHOD, DESCRIPTOR);
    }

    @Override
    void insert(MethodVisitor method, String descriptor) {
        method.visitVarInsn(Opcodes.ALOAD, FUNCTION_SLOT);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "outsideScopes", "(" + FUNCTION + ")" + FUNCTION, false);
        method.visitVarInsn(Opcodes.ASTORE, FUNCTION_SLOT);
    }
}
