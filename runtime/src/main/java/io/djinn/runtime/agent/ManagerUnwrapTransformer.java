package io.djinn.runtime.agent;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * As DJL's {@code PtNDArray} loads, starts each of its methods that takes an {@code NDManager} (attach,
 * tempAttach, returnResource, get, take) by replacing a notebook {@code manager} argument with the DJL
 * manager behind it. Those methods cast the manager to DJL's own class, and the notebook's
 * {@code manager} is a proxy that follows {@code %device}, so {@code array.attach(manager)} would
 * otherwise be a ClassCastException.
 */
final class ManagerUnwrapTransformer extends MethodEntryTransformer {

    static final String TARGET = "ai/djl/pytorch/engine/PtNDArray";
    private static final String MANAGER = "Lai/djl/ndarray/NDManager;";
    // By name: the agent must not load classes that use DJL before its transformers are registered.
    private static final String UNWRAP = "io/djinn/runtime/device/KernelManager";

    ManagerUnwrapTransformer() {
        // Without it, only attaching to the notebook's manager fails, as in plain DJL with any proxy.
        super(TARGET, "attaching to the notebook's manager", true);
    }

    @Override
    boolean rewrites(String name, String descriptor) {
        return !name.equals("<init>") && descriptor.substring(0, descriptor.indexOf(')')).contains(MANAGER);
    }

    @Override
    void insert(MethodVisitor method, String descriptor) {
        int slot = 1; // slot 0 is this
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            if (argument.getDescriptor().equals(MANAGER)) {
                method.visitVarInsn(Opcodes.ALOAD, slot);
                method.visitMethodInsn(Opcodes.INVOKESTATIC, UNWRAP, "unwrap", "(" + MANAGER + ")" + MANAGER, false);
                method.visitVarInsn(Opcodes.ASTORE, slot);
            }
            slot += argument.getSize();
        }
    }
}
