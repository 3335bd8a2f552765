package io.djinn.runtime.agent;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Starts DJL's {@code LocalParameterServer.update(String, NDArray[], NDArray[])} with a call to
 * {@link SingleDeviceUpdate#update}, which updates a parameter on one device without DJL's copy of its gradient.
 * The inserted code is:
 * <pre>
 *   if (SingleDeviceUpdate.update(this.optimizer, parameterId, grads, params)) return;
 * </pre>
 */
final class ParameterServerTransformer extends MethodEntryTransformer {

    static final String TARGET = "ai/djl/training/LocalParameterServer";
    static final String METHOD = "update";
    static final String DESCRIPTOR = "(Ljava/lang/String;[Lai/djl/ndarray/NDArray;[Lai/djl/ndarray/NDArray;)V";
    private static final String OPTIMIZER = "Lai/djl/training/optimizer/Optimizer;";
    private static final String HOOK = Type.getInternalName(SingleDeviceUpdate.class);
    private static final String HOOK_DESCRIPTOR = "(" + OPTIMIZER + DESCRIPTOR.substring(1, DESCRIPTOR.indexOf(')'))
            + ")Z";

    ParameterServerTransformer() {
        // Without the hook, training copies each gradient once more per step; nothing else changes.
        super(TARGET, "the single-device parameter update", true);
    }

    @Override
    boolean rewrites(String name, String descriptor) {
        return name.equals(METHOD) && descriptor.equals(DESCRIPTOR);
    }

    @Override
    void insert(MethodVisitor method, String descriptor) {
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitFieldInsn(Opcodes.GETFIELD, TARGET, "optimizer", OPTIMIZER);
        for (int slot = 1; slot <= 3; slot++) {
            method.visitVarInsn(Opcodes.ALOAD, slot);
        }
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, METHOD, HOOK_DESCRIPTOR, false);
        returnIfHookDidIt(method);
    }
}
