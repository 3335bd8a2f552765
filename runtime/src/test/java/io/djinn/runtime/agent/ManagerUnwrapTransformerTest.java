package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ManagerUnwrapTransformerTest {

    private static byte[] ptNDArray() throws IOException {
        return OneClassLoader.classFile(ManagerUnwrapTransformer.TARGET);
    }

    /** The first three instructions of a method, as text. */
    private static List<String> start(byte[] classFile, String methodName) {
        List<String> instructions = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (!name.equals(methodName)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitVarInsn(int opcode, int slot) {
                        instructions.add((opcode == Opcodes.ALOAD ? "ALOAD " : opcode == Opcodes.ASTORE ? "ASTORE " : opcode + " ") + slot);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
                        instructions.add(owner + "." + name);
                    }
                };
            }
        }, 0);
        return instructions.subList(0, Math.min(3, instructions.size()));
    }

    @Test
    void attachAndTempAttachFirstUnwrapTheirManagerArgument() throws IOException {
        byte[] rewritten = new ManagerUnwrapTransformer().rewrite(ptNDArray());
        List<String> expected = List.of("ALOAD 1", "io/djinn/runtime/device/KernelManager.unwrap", "ASTORE 1");
        assertEquals(expected, start(rewritten, "attach"));
        assertEquals(expected, start(rewritten, "tempAttach"));
        assertEquals(expected, start(rewritten, "returnResource"));
        // The control: DJL's own attach does not start so.
        assertNotEquals(expected, start(ptNDArray(), "attach"));
    }

    @Test
    void theRewrittenClassLoadsAndVerifies() throws Exception {
        byte[] rewritten = new ManagerUnwrapTransformer().rewrite(ptNDArray());
        ClassLoader loader = new OneClassLoader(ManagerUnwrapTransformer.TARGET, rewritten);
        // Initialising links the class, and linking verifies every method's bytecode.
        Class<?> loaded = Class.forName(ManagerUnwrapTransformer.TARGET.replace('/', '.'), true, loader);
        assertSame(loader, loaded.getClassLoader());
    }
}
