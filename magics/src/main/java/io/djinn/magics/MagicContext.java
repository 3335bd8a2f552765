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

    /** The static type of a Java expression in this session ("int", "NDArray"...), or null if it is not one. */
    String expressionType(String code);

    /** Makes jars or class directories visible to the compiler and the runtime. */
    void addToClasspath(List<Path> entries);

    /** Text to the cell's stdout. */
    void print(String text);

    /** A mime bundle (mime type to content) as display_data in the cell's output. */
    void display(Map<String, String> bundle);

    /** Where relative paths in magic arguments are resolved. */
    Path workingDirectory();

    /** Artifacts the runtime already provides, and the Maven repositories of this session. */
    MavenSession maven();
}
