package io.djinn.magics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a magic may do to the session; the kernel implements it, tests can too. */
public interface MagicContext {

    /**
     * Runs source as a cell would (magics included). When it fails, its error becomes the cell's error
     * (unless the magic throws one of its own) and this returns false. With {@code showValue}, the
     * value of its last expression becomes the cell's value.
     */
    boolean runCell(String source, boolean showValue);

    /** Where a magic's own code starts in the cell: on the magic's line, or on the line after it. */
    enum CodeStart { ON_MAGIC_LINE, AFTER_MAGIC_LINE }

    /**
     * As {@link #runCell(String, boolean)}, for the user's own code in the magic (a line magic's code, a cell
     * magic's body): compile errors and stack frames point at the lines of the cell it came from.
     */
    default boolean runOwnCode(String code, boolean showValue, CodeStart start) {
        return runCell(code, showValue);
    }

    /**
     * As {@link #runCell(String, boolean)}, for source that comes from elsewhere ({@code %load}): its errors
     * name that place ("Functions.java, line 12") instead of the cell.
     */
    default boolean runCell(String source, boolean showValue, String sourceName) {
        return runCell(source, showValue);
    }

    /** The static type of a Java expression in this session ("int", "NDArray"...), or null if it is not one. */
    String expressionType(String code);

    /** A snippet of Java source and what kind of snippet JShell would make of it. */
    record CodePiece(String source, Kind kind) {

        public enum Kind { IMPORT, TYPE, METHOD, VARIABLE, STATEMENT, EXPRESSION, ERRONEOUS }

        /** Imports, types and methods: declarations that run nothing. */
        public boolean declaresOnly() {
            return kind == Kind.IMPORT || kind == Kind.TYPE || kind == Kind.METHOD;
        }
    }

    /** Java source split into JShell's snippets, without running any; comments and blank lines dropped. */
    List<CodePiece> pieces(String code);

    /** A variable of the session: its name and its declared type as written or inferred ("NDArray", "int[]"). */
    record Variable(String name, String type) {}

    /** The session's variables that code can use now, the kernel's {@code manager} included, JShell's $1... not. */
    List<Variable> variables();

    /** Makes jars or class directories visible to the compiler and the runtime. */
    void addToClasspath(List<Path> entries);

    /** Whether the user asked to stop the cell (a magic that waits checks this, and stops). */
    boolean interrupted();

    /** Text to the cell's stdout; any thread may call it. */
    void print(String text);

    /** Text to the cell's stderr; any thread may call it. */
    default void printError(String text) {
        print(text);
    }

    /** A mime bundle (mime type to content) as display_data in the cell's output. */
    void display(Map<String, String> bundle);

    /** Where relative paths in magic arguments are resolved. */
    Path workingDirectory();
}
