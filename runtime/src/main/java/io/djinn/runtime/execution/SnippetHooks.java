package io.djinn.runtime.execution;

/**
 * Code to run around each snippet, on the snippet's own thread: JShell runs every snippet on a new thread,
 * and some tools follow one thread (PyTorch's profiler records the thread that started it), so a tool that
 * spans a whole cell wraps each of its snippets.
 */
public final class SnippetHooks {

    /** A snippet's code, as the hook runs it. */
    @FunctionalInterface
    public interface Snippet {
        Object run() throws Throwable;
    }

    /** Runs the snippet (once), with whatever it needs around it. */
    @FunctionalInterface
    public interface Around {
        Object run(Snippet snippet) throws Throwable;
    }

    private static volatile Around around;

    private SnippetHooks() {}

    /** Wraps every snippet from now on; one hook at a time. */
    public static synchronized void install(Around hook) {
        if (around != null) {
            throw new IllegalStateException("another tool already wraps each snippet");
        }
        around = hook;
    }

    public static synchronized void remove(Around hook) {
        if (around == hook) {
            around = null;
        }
    }

    static Around current() {
        return around;
    }
}
