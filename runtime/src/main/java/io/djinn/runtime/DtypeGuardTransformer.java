package io.djinn.runtime;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * As DJL's {@code ai.djl.pytorch.jni.JniUtils} loads, starts each of its static methods that takes a
 * {@code DataType} with a call to {@link DtypeGuard#check}. Those wrappers are the only way DJL hands
 * a data type to native code, so checking there covers toType, create, zeros, arange and the rest.
 */
final class DtypeGuardTransformer implements ClassFileTransformer {

    static final String TARGET = "ai/djl/pytorch/jni/JniUtils";
    private static final String DATA_TYPE = "Lai/djl/ndarray/types/DataType;";
    private static final String GUARD = Type.getInternalName(DtypeGuard.class);

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        if (!TARGET.equals(className)) {
            return null;
        }
        try {
            return guard(classFile);
        } catch (RuntimeException e) {
            // Never break DJL over the guard: without it, only unsupported dtypes misbehave.
            System.err.println("djinn: the dtype guard was not installed: " + e);
            return null;
        }
    }

    /** The class with the check inserted; exposed for the tests. */
    static byte[] guard(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & Opcodes.ACC_STATIC) == 0 || !descriptor.contains(DATA_TYPE)) {
                    return method;
                }
                return new MethodVisitor(Opcodes.ASM9, method) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        int slot = 0;
                        for (Type argument : Type.getArgumentTypes(descriptor)) {
                            if (argument.getDescriptor().equals(DATA_TYPE)) {
                                super.visitVarInsn(Opcodes.ALOAD, slot);
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "check", "(" + DATA_TYPE + ")V",
                                        false);
                            }
                            slot += argument.getSize();
                        }
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
