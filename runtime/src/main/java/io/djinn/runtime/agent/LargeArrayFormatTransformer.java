package io.djinn.runtime.agent;

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
final class LargeArrayFormatTransformer extends MethodEntryTransformer {

    static final String TARGET = "ai/djl/ndarray/internal/NDFormat";
    static final String METHOD = "format";
    static final String DESCRIPTOR = "(Lai/djl/ndarray/NDArray;IIIIZ)Ljava/lang/String;";
    private static final String HOOK = Type.getInternalName(LargeArrayFormat.class);

    LargeArrayFormatTransformer() {
        // Without the hook, large arrays print slowly; nothing else changes.
        super(TARGET, "the large-array format hook", false, METHOD, DESCRIPTOR);
    }

    @Override
    void insert(MethodVisitor method, String descriptor) {
        method.visitVarInsn(Opcodes.ALOAD, 0);
        for (int slot = 1; slot <= 5; slot++) {
            method.visitVarInsn(Opcodes.ILOAD, slot);
        }
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, METHOD, DESCRIPTOR, false);
        method.visitInsn(Opcodes.DUP);
        Label djlsOwn = new Label();
        method.visitJumpInsn(Opcodes.IFNULL, djlsOwn);
        method.visitInsn(Opcodes.ARETURN);
        method.visitLabel(djlsOwn);
        // The method's own locals, and the null string still on the stack.
        method.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {"java/lang/String"});
        method.visitInsn(Opcodes.POP);
    }
}
