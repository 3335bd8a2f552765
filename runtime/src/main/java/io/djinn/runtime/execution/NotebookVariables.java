package io.djinn.runtime.execution;

import io.djinn.wire.JShellNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The notebook's variables as the runtime sees them. JShell keeps each in a static field of the class its
 * snippet compiled to; a re-declaration, or a recompile, makes a new class with a new field of the same
 * name, and the old class stays loaded with the old value. This keeps the current field of each name,
 * hands over the values that stopped being a variable's (replaced, re-assigned, dropped), and tells which
 * old fields live code can still read.
 *
 * <p>JShell recompiles a variable's class when a declaration its initializer names is declared again
 * ({@code var kept = List.of(a);} after {@code a} is re-declared), and the new class starts at null: the
 * value is lost although nothing about it changed. Here the new field starts with the old value when that
 * still fits the field's type, as a Python user expects (a re-declaration assigns its own value right after).
 * A value whose type no longer fits (its class was redefined), or a lambda or anonymous class of the old
 * snippet (whose code reads the old fields), is lost as in JShell, and its name is reported.
 *
 * <p>Old fields are not cleared while something could read them: code compiled against an old class (a
 * lambda kept in a list, a listener) reads the old field. Which old fields a live object's code reads is
 * known from the bytecode of each class JShell loads.
 *
 * <p>Snippets run one at a time, on JShell's command thread; so do these methods.
 */
final class NotebookVariables {

    private final Map<String, Field> current = new LinkedHashMap<>();
    /** Fields of older classes that may still hold a value, by "class.field". */
    private final Map<String, Field> superseded = new LinkedHashMap<>();
    /** For each JShell class, the wrapper fields its code reads or writes ("REPL.$JShell$5.big"). */
    private final Map<String, Set<String>> codeReads = new HashMap<>();
    private final List<Class<?>> declaredClasses = new ArrayList<>();
    private final List<Object> released = new ArrayList<>();

    /**
     * Call for each class JShell loads, with its bytecode; returns the variables that lost their value
     * because it no longer fits.
     */
    List<String> loaded(Class<?> loaded, byte[] bytecode) {
        String name = loaded.getName();
        if (JShellNames.wrapperOf(name) == null) {
            return List.of();
        }
        codeReads.put(name, wrapperFieldsUsed(bytecode));
        if (!JShellNames.isWrapper(name)) {
            declaredClasses.add(loaded); // a class a cell declares: its static fields hold notebook data too
            return List.of();
        }
        List<String> lost = new ArrayList<>();
        for (Field field : loaded.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                continue;
            }
            field.setAccessible(true);
            Field old = current.put(field.getName(), field);
            if (old != null && old != field) {
                supersede(old);
                if (!carryOver(old, field)) {
                    lost.add(field.getName());
                }
            }
        }
        return lost;
    }

    /** Moves the old field's value into its successor where it fits; false when a value was lost. */
    private boolean carryOver(Field old, Field successor) {
        Object value = read(old);
        if (value == null) {
            return true;
        }
        boolean fits = old.getType().isPrimitive() ? old.getType() == successor.getType()
                : successor.getType().isInstance(value) && !madeBy(value, old.getDeclaringClass());
        if (fits) {
            try {
                successor.set(null, value);
                return true;
            } catch (IllegalAccessException | RuntimeException e) {
                // not carried: lost
            }
        }
        if (!old.getType().isPrimitive()) {
            released.add(value);
        }
        return false;
    }

    /** Whether the value is a lambda or class of that snippet class, whose code reads its old fields. */
    private static boolean madeBy(Object value, Class<?> snippetClass) {
        return snippetClass.getName().equals(JShellNames.wrapperOf(value.getClass().getName()));
    }

    private void supersede(Field old) {
        if (!old.getType().isPrimitive()) {
            superseded.put(key(old), old);
        }
    }

    /** The variables JShell dropped (the kernel's old result variables): their values are no longer the notebook's. */
    void forget(Collection<String> names) {
        for (String name : names) {
            Field field = current.remove(name);
            if (field != null) {
                supersede(field);
                Object value = read(field);
                if (value != null && !field.getType().isPrimitive()) {
                    released.add(value);
                }
            }
        }
    }

    /** Each variable's value now (of reference types), to compare after a snippet ran. */
    Map<Field, Object> values() {
        Map<Field, Object> values = new LinkedHashMap<>();
        for (Field field : current.values()) {
            if (!field.getType().isPrimitive()) {
                values.put(field, read(field));
            }
        }
        return values;
    }

    /** The earlier values of variables a snippet assigned, with those that stopped being a variable's; once. */
    List<Object> takeReleased(Map<Field, Object> before) {
        before.forEach((field, value) -> {
            if (value != null && current.get(field.getName()) == field && read(field) != value) {
                released.add(value);
            }
        });
        List<Object> taken = new ArrayList<>(released);
        released.clear();
        return taken;
    }

    /**
     * What the notebook can reach without running code of old classes: every variable's value and what
     * classes declared in cells hold.
     *
     * @throws IllegalStateException when a static field of a declared class cannot be read
     */
    List<Object> roots() {
        List<Object> roots = new ArrayList<>();
        for (Field field : current.values()) {
            if (!field.getType().isPrimitive()) {
                roots.add(read(field));
            }
        }
        for (Class<?> declared : declaredClasses) {
            for (Field field : declared.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    try {
                        field.setAccessible(true);
                        roots.add(field.get(null));
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                        throw new IllegalStateException("cannot read " + declared.getName() + "." + field.getName(), e);
                    }
                }
            }
        }
        return roots;
    }

    /**
     * The old fields the code of this object's class can read, for an object of a class JShell compiled
     * (a lambda's code is in the snippet class that defines it); empty for other objects.
     */
    List<Field> oldFieldsReadBy(Object object) {
        String className = object.getClass().getName();
        String wrapper = JShellNames.wrapperOf(className);
        if (wrapper == null || superseded.isEmpty()) {
            return List.of();
        }
        Set<String> reads = codeReads.get(className);
        if (reads == null) {
            reads = codeReads.getOrDefault(wrapper, Set.of()); // a lambda: its body is a method of the wrapper
        }
        List<Field> fields = new ArrayList<>();
        for (String read : reads) {
            Field old = superseded.get(read);
            if (old != null) {
                fields.add(old);
            }
        }
        return fields;
    }

    static Object read(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Clears the old fields no live code reads, so their classes stop keeping their values (a re-declared
     * table, say); call only after a walk of everything the notebook reaches found which old fields are read.
     */
    void clearUnread(Set<Field> read) {
        superseded.values().removeIf(field -> {
            if (read.contains(field)) {
                return false;
            }
            try {
                field.set(null, null);
            } catch (IllegalAccessException | RuntimeException e) {
                return false;
            }
            return true;
        });
    }

    private static String key(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName();
    }

    /** The static fields of snippet classes that the class's code reads or writes, as "class.field". */
    private static Set<String> wrapperFieldsUsed(byte[] bytecode) {
        Set<String> used = new HashSet<>();
        if (bytecode == null) {
            return used;
        }
        new ClassReader(bytecode).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                        String ownerName = owner.replace('/', '.');
                        if ((opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) && JShellNames.isWrapper(ownerName)) {
                            used.add(ownerName + "." + field);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return used;
    }
}
