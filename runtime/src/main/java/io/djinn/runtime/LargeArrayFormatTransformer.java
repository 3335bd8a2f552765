package io.djinn.runtime;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Starts DJL's {@code NDFormat.format(NDArray, int, int, int, int, boolean)}, behind every
 * {@code NDArray.toString()}, with a call to {@link LargeArrayFormat#format}; when that returns a
 * string, it is the result, otherwise DJL's own code runs. The inserted code is:
 * <pre>
 *   String s = LargeArrayFormat.format(array, maxSize, maxDepth, maxRows, maxColumns, withContent);
 *   if (s != null) return s;
 * </pre>
 */
final class LargeArrayFormatTransformer implements ClassFileTransformer {

    static final String TARGET = "ai/djl/ndarray/internal/NDFormat";
    static final String METHOD = "format";
    static final String DESCRIPTOR = "(Lai/djl/ndarray/NDArray;IIIIZ)Ljava/lang/String;";
    private static final String HOOK = Type.getInternalName(LargeArrayFormat.class);

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        if (!TARGET.equals(className)) {
            return null;
        }
        try {
            return hook(classFile);
        } catch (RuntimeException e) {
            // Without the hook, large arrays print slowly; nothing else changes.
            System.err.println("djinn: the large-array format hook was not installed: " + e);
            return null;
        }
    }

    static byte[] hook(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & Opcodes.ACC_STATIC) == 0 || !name.equals(METHOD) || !descriptor.equals(DESCRIPTOR)) {
                    return method;
                }
                return new MethodVisitor(Opcodes.ASM9, method) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                        for (int slot = 1; slot <= 5; slot++) {
                            super.visitVarInsn(Opcodes.ILOAD, slot);
                        }
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, METHOD, DESCRIPTOR, false);
                        super.visitInsn(Opcodes.DUP);
                        Label djlsOwn = new Label();
                        super.visitJumpInsn(Opcodes.IFNULL, djlsOwn);
                        super.visitInsn(Opcodes.ARETURN);
                        super.visitLabel(djlsOwn);
                        // The method's own locals, and the null string still on the stack.
                        super.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {"java/lang/String"});
                        super.visitInsn(Opcodes.POP);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
