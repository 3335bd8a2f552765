package io.djinn.runtime.agent;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Starts DJL's {@code ProgressBar.update(long, String)}, which every other update of the bar calls, with a call
 * to {@link DjlProgressBars#update}, so that training and downloads show a progress display updated in place
 * rather than carriage-return lines. The inserted code is:
 * <pre>
 *   if (DjlProgressBars.update(this, progress, additionalMessage)) return;
 * </pre>
 */
final class ProgressBarTransformer extends MethodEntryTransformer {

    static final String TARGET = "ai/djl/training/util/ProgressBar";
    static final String UPDATE = "(JLjava/lang/String;)V";
    private static final String HOOK = Type.getInternalName(DjlProgressBars.class);

    ProgressBarTransformer() {
        // Without it, DJL prints its console bar into the cell, as in any JVM.
        super(TARGET, "DJL's progress bar as a notebook display", true, "update", UPDATE);
    }

    @Override
    void insert(MethodVisitor method, String descriptor) {
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitVarInsn(Opcodes.LLOAD, 1);
        method.visitVarInsn(Opcodes.ALOAD, 3);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "update", "(Ljava/lang/Object;JLjava/lang/String;)Z",
                false);
        returnIfHookDidIt(method);
    }
}
