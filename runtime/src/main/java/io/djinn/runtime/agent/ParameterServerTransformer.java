package io.djinn.runtime.agent;

import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Gives DJL's {@code LocalParameterServer} its own {@code update(String parameterId, NDArray[] params)}, the
 * method a trainer's step calls for each parameter and which the server otherwise inherits from
 * {@code ParameterServer}. The added method is:
 * <pre>
 *   public void update(String parameterId, NDArray[] params) {
 *       if (SingleDeviceUpdate.update(this.optimizer, parameterId, params)) return;
 *       ParameterServer.super.update(parameterId, params);
 *   }
 * </pre>
 * so that a one-device parameter is updated from its own gradient, without DJL's copy of it.
 */
final class ParameterServerTransformer extends MethodEntryTransformer {

    static final String TARGET = "ai/djl/training/LocalParameterServer";
    private static final String SERVER = "ai/djl/training/ParameterServer";
    static final String METHOD = "update";
    static final String DESCRIPTOR = "(Ljava/lang/String;[Lai/djl/ndarray/NDArray;)V";
    private static final String OPTIMIZER = "Lai/djl/training/optimizer/Optimizer;";
    private static final String HOOK = Type.getInternalName(SingleDeviceUpdate.class);
    private static final String HOOK_DESCRIPTOR = "(" + OPTIMIZER + DESCRIPTOR.substring(1, DESCRIPTOR.indexOf(')'))
            + ")Z";

    ParameterServerTransformer() {
        // Without the method, training copies each gradient once more per step; nothing else changes.
        super(TARGET, "the single-device parameter update", true);
    }

    @Override
    void addMethods(ClassVisitor visitor, Set<String> declared) {
        if (declared.contains(METHOD + DESCRIPTOR)) {
            throw new IllegalStateException("LocalParameterServer already has its own update(String, NDArray[])");
        }
        MethodVisitor method = visitor.visitMethod(Opcodes.ACC_PUBLIC, METHOD, DESCRIPTOR, null, null);
        method.visitCode();
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitFieldInsn(Opcodes.GETFIELD, TARGET, "optimizer", OPTIMIZER);
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitVarInsn(Opcodes.ALOAD, 2);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, METHOD, HOOK_DESCRIPTOR, false);
        returnIfHookDidIt(method);
        for (int slot = 0; slot <= 2; slot++) {
            method.visitVarInsn(Opcodes.ALOAD, slot);
        }
        method.visitMethodInsn(Opcodes.INVOKESPECIAL, SERVER, METHOD, DESCRIPTOR, true);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }
}
