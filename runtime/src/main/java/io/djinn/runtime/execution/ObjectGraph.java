package io.djinn.runtime.execution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.ref.Reference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Follows the references of objects, as the garbage collector would, to find the NDArrays and NDManagers
 * they reach. It does not go into NDManagers (a manager keeps every array attached to it, reached or not)
 * or NDArrays, class objects, class loaders or threads, nor follow what weak and soft references point to.
 * It stops after a budget of objects or time; an object it cannot see inside makes the walk incomplete.
 */
final class ObjectGraph {

    /** How a walk ended. */
    enum Outcome {
        /** Every reachable object was seen (or the caller's condition was met early). */
        COMPLETE,
        /** Over the budget of objects or time: what was found is not all there is. */
        OVER_BUDGET,
        /** An object held references the walk could not read: what was found is not all there is. */
        OPAQUE
    }

    private static final ClassValue<Field[]> REFERENCE_FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()
                            || c == Reference.class) {
                        continue; // a Reference's referent is not a strong reference
                    }
                    try {
                        field.setAccessible(true);
                    } catch (InaccessibleObjectException | SecurityException e) {
                        return null; // not open to the walk: the object is opaque
                    }
                    fields.add(field);
                }
            }
            return fields.toArray(Field[]::new);
        }
    };

    private final int maxObjects;
    private final long deadlineNanos;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private String opaque;

    /** @param maxObjects the most objects to look at; @param maxMillis the most time to take, over all walks */
    ObjectGraph(int maxObjects, long maxMillis) {
        this.maxObjects = maxObjects;
        this.deadlineNanos = System.nanoTime() + maxMillis * 1_000_000;
    }

    /** The arrays and managers a walk reached. */
    static final class Reached {
        final Set<NDArray> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<NDManager> managers = Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Walks from the roots, adding what it reaches to {@code into}. */
    Outcome walk(Iterable<?> roots, Reached into) {
        return walk(roots, object -> List.of(), into);
    }

    /**
     * As {@link #walk(Iterable, Reached)}, where each object also reaches what {@code alsoReaches} says.
     * Objects seen in an earlier walk of this graph are not walked again.
     */
    Outcome walk(Iterable<?> roots, Function<Object, ? extends Iterable<?>> alsoReaches, Reached into) {
        Deque<Object> pending = new ArrayDeque<>();
        roots.forEach(root -> push(pending, root));
        while (!pending.isEmpty()) {
            if (seen.size() > maxObjects || System.nanoTime() > deadlineNanos) {
                return Outcome.OVER_BUDGET;
            }
            Object object = pending.pop();
            if (object instanceof NDArray array) {
                into.arrays.add(array);
                continue;
            }
            if (object instanceof NDManager manager) {
                into.managers.add(manager);
                continue;
            }
            if (!expand(object, pending)) {
                opaque = object.getClass().getName();
                return Outcome.OPAQUE;
            }
            alsoReaches.apply(object).forEach(reached -> push(pending, reached));
        }
        return Outcome.COMPLETE;
    }

    /** The class of the object that made a walk {@link Outcome#OPAQUE}. */
    String opaqueClass() {
        return opaque;
    }

    int objectsSeen() {
        return seen.size();
    }

    private void push(Deque<Object> pending, Object object) {
        if (object != null && (object instanceof NDManager || !isLeaf(object.getClass())) && seen.add(object)) {
            pending.push(object);
        }
    }

    /** Pushes what the object refers to; false when its fields cannot be read. */
    private boolean expand(Object object, Deque<Object> pending) {
        Class<?> type = object.getClass();
        if (type.isArray()) {
            if (!isLeaf(type.getComponentType())) {
                for (int i = 0, n = Array.getLength(object); i < n; i++) {
                    push(pending, Array.get(object, i));
                }
            }
            return true;
        }
        Field[] fields = REFERENCE_FIELDS.get(type);
        if (fields == null) {
            return expandThroughApi(object, pending);
        }
        for (Field field : fields) {
            try {
                push(pending, field.get(object));
            } catch (IllegalAccessException e) {
                return false;
            }
        }
        return true;
    }

    /** Collections whose fields are closed to reflection (no runtime agent) are read through their API. */
    private boolean expandThroughApi(Object object, Deque<Object> pending) {
        if (object instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                push(pending, key);
                push(pending, value);
            });
            return true;
        }
        if (object instanceof Iterable<?> iterable) {
            iterable.forEach(element -> push(pending, element));
            return true;
        }
        return false;
    }

    /** Types that cannot lead to an NDArray or NDManager, or must not be walked into. */
    private static boolean isLeaf(Class<?> type) {
        return type.isPrimitive() || type == String.class || Number.class.isAssignableFrom(type)
                || type == Boolean.class || type == Character.class || type.isEnum() || type == Class.class
                || ClassLoader.class.isAssignableFrom(type) || Thread.class.isAssignableFrom(type)
                || type == ThreadGroup.class || type == Module.class
                || (type.isArray() && isLeaf(type.getComponentType()));
    }
}
