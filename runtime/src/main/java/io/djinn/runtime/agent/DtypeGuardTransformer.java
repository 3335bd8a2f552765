package io.djinn.runtime.agent;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * As DJL's {@code ai.djl.pytorch.jni.JniUtils} loads, starts each of its static methods that takes a
 * {@code DataType} with a call to {@link DtypeGuard#check}. Those wrappers are the only way DJL hands
 * a data type to native code, so checking there covers toType, create, zeros, arange and the rest.
 */
final class DtypeGuardTransformer extends MethodEntryTransformer {

    static final String TARGET = "ai/djl/pytorch/jni/JniUtils";
    private static final String DATA_TYPE = "Lai/djl/ndarray/types/DataType;";
    private static final String GUARD = Type.getInternalName(DtypeGuard.class);

    DtypeGuardTransformer() {
        // Without the guard, only unsupported dtypes misbehave.
        super(TARGET, "the dtype guard");
    }

    @Override
    boolean rewrites(String name, String descriptor) {
        return descriptor.contains(DATA_TYPE);
    }

    @Override
    void insert(MethodVisitor method, String descriptor) {
        int slot = 0;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            if (argument.getDescriptor().equals(DATA_TYPE)) {
                method.visitVarInsn(Opcodes.ALOAD, slot);
                method.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "check", "(" + DATA_TYPE + ")V", false);
            }
            slot += argument.getSize();
        }
    }
}
