package io.djinn.runtime.agent;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Starts DJL's {@code BaseNDManager.attachUncappedInternal(String, AutoCloseable)}, through which every
 * array is attached to a manager, with a call to {@link NotebookAttachments#attached}.
 */
final class ManagerAttachTransformer extends MethodEntryTransformer {

    static final String TARGET = "ai/djl/ndarray/BaseNDManager";
    static final String METHOD = "attachUncappedInternal";
    private static final String DESCRIPTOR = "(Ljava/lang/String;Ljava/lang/AutoCloseable;)V";
    private static final String HOOK = Type.getInternalName(NotebookAttachments.class);

    ManagerAttachTransformer() {
        // Without it, the arrays a snippet made on the notebook's manager are found by listing the manager.
        super(TARGET, "the record of arrays attached to the notebook's manager", true, METHOD, DESCRIPTOR);
    }

    @Override
    void insert(MethodVisitor method, String descriptor) {
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitVarInsn(Opcodes.ALOAD, 2);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "attached", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
    }

    @Override
    void rewritten() {
        NotebookAttachments.markHooked();
    }
}
