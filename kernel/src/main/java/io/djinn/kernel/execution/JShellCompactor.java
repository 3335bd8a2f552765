package io.djinn.kernel.execution;

import io.djinn.wire.JShellNames;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long session's cells from compiling ever slower. JShell remembers every snippet it was given,
 * and three of its records are walked in every compile: the class files of all snippets (handed to
 * javac, which enters each in its symbol table), its list of snippets, and javac's symbol table, which
 * keeps an empty entry for every class JShell removes from it. So a trivial cell took 2.2-2.4 times as long
 * after 3,000 cells as in a fresh kernel (bench/session_growth.py, docs/reliability.md). Most of those
 * records can never be used again: a statement or a plain expression declares nothing a later snippet
 * could name, a dropped result variable or a replaced declaration is gone, and a declaration JShell
 * recompiled leaves its old classes behind. This forgets them, and the empty entries. JShell keeps its
 * own copy of the bytes for the runtime (its class tracker) and its map from class names to snippets for
 * stack traces, so running, redefining and error reports are untouched; only {@link JShell#snippets()}
 * stops listing what is finished.
 *
 * <p>JShell has no API for this, so it reaches into {@code jdk.jshell} and {@code jdk.compiler}, which
 * the kernel jar's manifest opens ({@code Add-Opens}). Each of the three parts works alone: where one
 * cannot be reached (a JDK whose internals differ, a launch without the manifest), it is off, the log
 * says so once, and sessions slow down as plain JShell's do.
 */
final class JShellCompactor {

    private static final Logger LOG = LoggerFactory.getLogger(JShellCompactor.class);
    /** Empty symbol-table entries are cleared every this many cells: each snippet leaves about one. */
    static final int SYMBOL_TABLE_SWEEP_EVERY = 25;
    private static final Set<String> UNREACHABLE_LOGGED = ConcurrentHashMap.newKeySet();

    private final JShell shell;
    private final ClassFiles classFiles;
    private final SnippetIndex snippetIndex;
    private final SymbolTables symbolTables;
    private int cellsSinceSweep;

    private JShellCompactor(JShell shell, ClassFiles classFiles, SnippetIndex snippetIndex, SymbolTables symbolTables) {
        this.shell = shell;
        this.classFiles = classFiles;
        this.snippetIndex = snippetIndex;
        this.symbolTables = symbolTables;
    }

    /** A compactor for this shell, with the parts of it that this JDK lets it reach. */
    static JShellCompactor of(JShell shell) {
        Object taskFactory = reach("JShell's compiler", () -> read(JShell.class, "taskFactory", shell));
        ClassFiles classFiles = taskFactory == null ? null : reach("JShell's class files", () -> ClassFiles.of(taskFactory));
        SnippetIndex snippetIndex = reach("JShell's snippet list", () -> SnippetIndex.of(shell));
        SymbolTables symbolTables = taskFactory == null ? null : reach("javac's symbol table", () -> SymbolTables.of(taskFactory));
        return new JShellCompactor(shell, classFiles, snippetIndex, symbolTables);
    }

    /** True when every part works. */
    boolean complete() {
        return classFiles != null && snippetIndex != null && symbolTables != null;
    }

    /**
     * Call, holding the analysis gate, for every event of an evaluation (the cell's own snippets and the
     * ones it updated) once it has run, failed or not. JShell's record of a finished snippet is
     * forgotten: a statement or a plain expression (nothing can name it, and JShell never runs a
     * statement again), a rejected snippet, and a declaration that was replaced or dropped.
     */
    void observed(SnippetEvent event) {
        Snippet snippet = event.snippet();
        Snippet.Status status = event.status();
        boolean finished = snippet.kind() == Snippet.Kind.STATEMENT || snippet.kind() == Snippet.Kind.EXPRESSION
                || status == Snippet.Status.REJECTED || status == Snippet.Status.OVERWRITTEN
                || status == Snippet.Status.DROPPED;
        if (finished) {
            forget(snippet);
        }
    }

    /**
     * Call, holding the analysis gate, for a result variable that was dropped. {@link TemporaryResults}
     * drops only those no code names, so nothing can depend on it or have one of its classes as a type.
     */
    void dropped(VarSnippet result) {
        forget(result);
    }

    /**
     * Call, holding the analysis gate, once a cell's code has run: the class files of every snippet
     * that is not live go (a live snippet's current class stays, with its nested classes; JShell also
     * leaves behind the classes of declarations it recompiled). javac's empty symbol-table entries are
     * swept every {@value #SYMBOL_TABLE_SWEEP_EVERY} cells.
     */
    void afterCell() {
        if (classFiles != null) {
            attempt("forget the class files of finished snippets", () -> classFiles.keepOnly(liveClasses()));
        }
        if (++cellsSinceSweep >= SYMBOL_TABLE_SWEEP_EVERY) {
            sweepSymbolTables();
        }
    }

    /** Clears javac's empty symbol-table entries now. */
    void sweepSymbolTables() {
        cellsSinceSweep = 0;
        if (symbolTables != null) {
            attempt("sweep javac's symbol tables", symbolTables::sweep);
        }
    }

    /** Class files shown to the compiler now; -1 if unknown. For tests and diagnostics. */
    int compiledClassCount() {
        return classFiles == null ? -1 : classFiles.count();
    }

    /** Entries in javac's symbol tables, empty ones included; -1 if unknown. For tests and diagnostics. */
    int symbolTableEntries() {
        return symbolTables == null ? -1 : symbolTables.entries();
    }

    private void forget(Snippet snippet) {
        if (snippetIndex != null) {
            attempt("forget snippet " + snippet.id(), () -> snippetIndex.forget(snippet));
        }
    }

    /** The classes live snippets are compiled into now ("REPL.$JShell$12B", overloads "REPL.$JShell$12_13"). */
    private Set<String> liveClasses() throws ReflectiveOperationException {
        Set<String> live = new HashSet<>();
        for (Snippet snippet : (Iterable<Snippet>) shell.snippets()::iterator) {
            if (snippet.kind() != Snippet.Kind.IMPORT && shell.status(snippet).isActive()) {
                live.add((String) classFiles.classFullName().invoke(snippet));
            }
        }
        return live;
    }

    // ---- the three parts, each reached by reflection ------------------------------------------------

    /** The in-memory file manager's class files ("REPL.$JShell$12", nested: "REPL.$JShell$12$Foo"). */
    private record ClassFiles(Object taskFactory, Map<String, ?> classObjects, Method classFullName) {

        @SuppressWarnings("unchecked")
        static ClassFiles of(Object taskFactory) throws ReflectiveOperationException {
            Method fileManager = accessible(taskFactory.getClass().getDeclaredMethod("fileManager"));
            Object manager = fileManager.invoke(taskFactory);
            Map<String, ?> classObjects = (Map<String, ?>) read(manager.getClass(), "classObjects", manager);
            return new ClassFiles(taskFactory, classObjects,
                    accessible(Snippet.class.getDeclaredMethod("classFullName")));
        }

        /** Removes every JShell wrapper class (and its nested classes) whose wrapper is not in live. */
        void keepOnly(Set<String> live) {
            // JShell 21 and later compile holding the task factory's lock (before, the analysis gate guards it).
            synchronized (taskFactory) {
                classObjects.keySet().removeIf(name -> {
                    String wrapper = JShellNames.wrapperOf(name);
                    return wrapper != null && !live.contains(wrapper);
                });
            }
        }

        int count() {
            synchronized (taskFactory) {
                return classObjects.size();
            }
        }
    }

    /** JShell's set of all snippets and its table from key index to snippet. */
    private record SnippetIndex(Collection<Snippet> snippets, List<Snippet> byKeyIndex, Method key, Method keyIndex) {

        @SuppressWarnings("unchecked")
        static SnippetIndex of(JShell shell) throws ReflectiveOperationException {
            Object maps = read(JShell.class, "maps", shell);
            return new SnippetIndex((Collection<Snippet>) read(maps.getClass(), "snippets", maps),
                    (List<Snippet>) read(maps.getClass(), "keyIndexToSnippet", maps),
                    accessible(Snippet.class.getDeclaredMethod("key")),
                    accessible(Class.forName("jdk.jshell.Key").getDeclaredMethod("index")));
        }

        void forget(Snippet snippet) throws ReflectiveOperationException {
            snippets.remove(snippet);
            int index = (int) keyIndex.invoke(key.invoke(snippet));
            if (index >= 0 && index < byKeyIndex.size() && byKeyIndex.get(index) == snippet) {
                byKeyIndex.set(index, null);
            }
        }
    }

    /**
     * The symbol tables of the javac contexts JShell reuses. After each compile JShell removes its own
     * classes from them, and javac's removal leaves an empty map behind per class name, which every
     * later compile walks.
     */
    private record SymbolTables(Object taskFactory, Field pool, Field contexts, Method symtabOf, Field classes) {

        static SymbolTables of(Object taskFactory) throws ReflectiveOperationException {
            Field pool = accessible(taskFactory.getClass().getDeclaredField("javacTaskPool"));
            Field contexts = accessible(pool.getType().getDeclaredField("options2Contexts"));
            Class<?> symtab = Class.forName("com.sun.tools.javac.code.Symtab", false, pool.getType().getClassLoader());
            Class<?> context = Class.forName("com.sun.tools.javac.util.Context", false, symtab.getClassLoader());
            SymbolTables tables = new SymbolTables(taskFactory, pool, contexts,
                    accessible(symtab.getMethod("instance", context)), accessible(symtab.getDeclaredField("classes")));
            tables.entries(); // fail now, not in every cell, if the shapes differ
            return tables;
        }

        void sweep() throws ReflectiveOperationException {
            forEachTable(classes -> classes.values().removeIf(Map::isEmpty));
        }

        int entries() {
            int[] total = new int[1];
            try {
                forEachTable(classes -> total[0] += classes.size());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return total[0];
        }

        private void forEachTable(Consumer<Map<?, Map<?, ?>>> action) throws ReflectiveOperationException {
            // No compile runs meanwhile (JShell 21 and later compile holding the task factory's lock; the
            // analysis gate covers older ones), so every context is idle in the pool.
            synchronized (taskFactory) {
                Object taskPool = pool.get(taskFactory);
                Map<?, ? extends Queue<?>> byOptions = cast(contexts.get(taskPool));
                synchronized (taskPool) {
                    for (Queue<?> queue : byOptions.values()) {
                        for (Object context : queue) {
                            action.accept(cast(classes.get(symtabOf.invoke(null, context))));
                        }
                    }
                }
            }
        }
    }

    // ---- reflection helpers --------------------------------------------------------------------------

    private interface Reach<T> {
        T get() throws ReflectiveOperationException;
    }

    private interface Action {
        void run() throws ReflectiveOperationException;
    }

    private static <T> T reach(String what, Reach<T> reach) {
        try {
            return reach.get();
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (UNREACHABLE_LOGGED.add(what)) {
                LOG.info("cannot reach {} ({}): long sessions will compile more slowly", what, e.toString());
            }
            return null;
        }
    }

    private static void attempt(String what, Action action) {
        try {
            action.run();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("could not {}", what, e);
        }
    }

    private static Object read(Class<?> owner, String field, Object instance) throws ReflectiveOperationException {
        return accessible(owner.getDeclaredField(field)).get(instance);
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
