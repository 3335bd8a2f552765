package io.djinn.runtime.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites one class as it loads by inserting code at the start of some of its static methods (or, for
 * a transformer made for them, its instance methods), and by adding methods where a transformer needs them.
 * If anything goes wrong the class loads unchanged: a missing workaround must never break DJL itself.
 */
abstract class MethodEntryTransformer implements ClassFileTransformer {

    private final String target;
    private final String purpose;
    private final boolean instanceMethods;
    /** The one method this rewrites, by name and descriptor, for a transformer made for one method; else null. */
    private final String method;
    private final String methodDescriptor;

    /**
     * @param target the class's internal name, e.g. ai/djl/pytorch/jni/JniUtils
     * @param purpose what the insertion is, for the one log line when it fails
     */
    MethodEntryTransformer(String target, String purpose) {
        this(target, purpose, false);
    }

    /** @param instanceMethods whether this rewrites instance methods (slot 0 is then {@code this}) rather than static ones */
    MethodEntryTransformer(String target, String purpose, boolean instanceMethods) {
        this(target, purpose, instanceMethods, null, null);
    }

    /** For a transformer that rewrites exactly one method, named with its descriptor. */
    MethodEntryTransformer(String target, String purpose, boolean instanceMethods, String method,
            String methodDescriptor) {
        this.target = target;
        this.purpose = purpose;
        this.instanceMethods = instanceMethods;
        this.method = method;
        this.methodDescriptor = methodDescriptor;
    }

    /**
     * Whether to insert code at the start of this method (static, or instance for an instance transformer): by
     * default, whether it is the one method this transformer was made for.
     */
    boolean rewrites(String name, String descriptor) {
        return name.equals(method) && descriptor.equals(methodDescriptor);
    }

    /** Emits the inserted code; the method's own code follows it. */
    void insert(MethodVisitor method, String descriptor) {
        throw new UnsupportedOperationException(purpose + " inserts no code");
    }

    /**
     * Adds methods to the class after its own.
     *
     * @param declared the class's own methods, each as its name followed by its descriptor
     * @throws IllegalStateException when the class already has what was to be added (it then loads unchanged)
     */
    void addMethods(ClassVisitor visitor, Set<String> declared) {}

    /**
     * For a void method whose inserted code ends with a hook's boolean on the stack: returns when the hook did the
     * method's work (true), else goes on into the method's own code.
     */
    static void returnIfHookDidIt(MethodVisitor method) {
        Label ownCode = new Label();
        method.visitJumpInsn(Opcodes.IFEQ, ownCode);
        method.visitInsn(Opcodes.RETURN);
        method.visitLabel(ownCode);
        // The method's first frame: nothing of the inserted code is left on the stack or in the locals.
        method.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
    }

    @Override
    public final byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        if (!target.equals(className)) {
            return null;
        }
        try {
            byte[] rewritten = rewrite(classFile);
            rewritten();
            return rewritten;
        } catch (RuntimeException e) {
            System.err.println("djinn: " + purpose + " was not installed: " + e);
            return null;
        }
    }

    /** Called once the class is rewritten, before it loads. */
    void rewritten() {}

    /** The class with the code inserted; the tests load it. */
    final byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        Set<String> declared = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                declared.add(name + descriptor);
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
                if (isStatic == instanceMethods || (access & Opcodes.ACC_ABSTRACT) != 0 || !rewrites(name, descriptor)) {
                    return method;
                }
                return new MethodVisitor(Opcodes.ASM9, method) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        insert(method, descriptor);
                    }
                };
            }

            @Override
            public void visitEnd() {
                addMethods(cv, declared);
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }
}
