package io.djinn.runtime.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a snippet's method and keeps the object it returned, so that the cell shows the value the snippet
 * computed, never one looked up again by name afterwards (a re-declared variable lives in a new class,
 * and the old one still holds the old value).
 *
 * <p>JShell's execution control turns the returned object into a string itself; it is handed
 * {@link #method()} in place of the snippet's own method, and this class calls the snippet's.
 */
final class SnippetCall {

    private static final Method RUN;

    static {
        try {
            RUN = SnippetCall.class.getDeclaredMethod("run");
            RUN.setAccessible(true); // JShell's control calls it reflectively from jdk.jshell
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Snippets run one at a time: the command loop waits for each before reading the next command.
    private static volatile Method target;
    private static volatile Object value;
    private static volatile boolean returned;

    private SnippetCall() {}

    /** The method to run instead of the snippet's; it runs the snippet's on the same thread. */
    static Method method(Method snippet) {
        target = snippet;
        value = null;
        returned = false;
        return RUN;
    }

    /** Called reflectively on the thread JShell runs snippets on. */
    @SuppressWarnings("unused")
    private static Object run() throws Throwable {
        Method snippet = target;
        target = null;
        SnippetHooks.Around around = SnippetHooks.current();
        Object result = around == null ? call(snippet) : around.run(() -> call(snippet));
        value = result;
        returned = true;
        return result;
    }

    private static Object call(Method snippet) throws Throwable {
        try {
            return snippet.invoke(null);
        } catch (InvocationTargetException e) {
            // Rethrown as is: JShell's control wraps it again and reports the snippet's own exception.
            throw e.getCause();
        }
    }

    /** Whether the last snippet returned normally; its value is then {@link #value()}. */
    static boolean returned() {
        return returned;
    }

    static Object value() {
        return value;
    }

    /** Lets go of the last value, so that keeping it here never keeps an array open. */
    static void forget() {
        value = null;
        returned = false;
    }
}
