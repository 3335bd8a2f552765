package io.djinn.wire;

/**
 * The names JShell gives the classes it compiles snippets into, read the same way in both JVMs.
 *
 * <p>Each snippet becomes a top-level class in package {@code REPL} named {@code $JShell$} followed by its
 * key index and a version: {@code REPL.$JShell$12} for its first compile, {@code REPL.$JShell$12B} when it
 * is re-defined or recompiled, and {@code REPL.$JShell$12_13} for overloads compiled together. Classes a
 * snippet declares are nested in it ({@code REPL.$JShell$12B$Model}, {@code REPL.$JShell$12B$Model$1}).
 * JShell also loads classes of its own into {@code REPL} ({@code REPL.$Cancel$} on JDK 22 and later), which
 * are not snippets.
 */
public final class JShellNames {

    /** The package of every class JShell compiles. */
    public static final String PACKAGE = "REPL";
    /** The method of a wrapper class that runs the snippet. */
    public static final String RUN_METHOD = "do_it$";

    private static final String WRAPPER_PREFIX = PACKAGE + ".$JShell$";

    private JShellNames() {}

    /** The wrapper class a class belongs to ("REPL.$JShell$12B" for itself and for "REPL.$JShell$12B$Model"); null for other classes. */
    public static String wrapperOf(String binaryName) {
        if (binaryName == null || !binaryName.startsWith(WRAPPER_PREFIX)) {
            return null;
        }
        int end = WRAPPER_PREFIX.length();
        while (end < binaryName.length() && isWordChar(binaryName.charAt(end))) {
            end++;
        }
        return end == WRAPPER_PREFIX.length() ? null : binaryName.substring(0, end);
    }

    /** Whether this is a snippet's own class, whose static fields are the notebook's variables. */
    public static boolean isWrapper(String binaryName) {
        String wrapper = wrapperOf(binaryName);
        return wrapper != null && wrapper.length() == binaryName.length();
    }

    /**
     * The part of a snippet class's name after its wrapper: "" for the wrapper itself, "Model$Inner" for
     * a class declared in the snippet; null for classes that are not a snippet's.
     */
    public static String memberPath(String binaryName) {
        String wrapper = wrapperOf(binaryName);
        if (wrapper == null) {
            return null;
        }
        String rest = binaryName.substring(wrapper.length());
        return rest.startsWith("$") ? rest.substring(1) : rest;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
