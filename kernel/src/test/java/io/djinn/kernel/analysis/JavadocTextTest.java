package io.djinn.kernel.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Doc comments, as JShell returns them, read as an IDE's hover shows them. */
class JavadocTextTest {

    @Test
    void descriptionThenParametersReturnsThrowsAndSeeAlso() {
        String javadoc = """
                 Creates an {@link NDArray} of the given {@link ai.djl.ndarray.types.Shape shape}, filled with ones.
                 <p>The array lives on this manager's device;
                 close it, or the manager, to free it.
                 <ul><li>first</li>
                 <li>second &amp; last</li></ul>
                 <pre>{@code
                   for (int i = 0; i < 3; i++) {
                       a.add(i);
                   }
                 }</pre>

                 @param shape the {@code Shape} of the new array
                 @param <T> ignored
                 @return a new {@code NDArray<T>}
                 @throws java.lang.IllegalArgumentException if a dimension
                         is negative
                 @since 0.1
                 @author someone
                 @see NDManager#zeros(ai.djl.ndarray.types.Shape)
                """;
        assertEquals("""
                Creates an NDArray of the given shape, filled with ones.

                The array lives on this manager's device; close it, or the manager, to free it.

                - first
                - second & last

                    for (int i = 0; i < 3; i++) {
                        a.add(i);
                    }

                Parameters:
                  shape - the Shape of the new array
                  <T> - ignored

                Returns:
                  a new NDArray<T>

                Throws:
                  IllegalArgumentException - if a dimension is negative

                See also:
                  NDManager.zeros(Shape)""", JavadocText.format(javadoc));
    }

    @Test
    void inlineTagsBecomeTheirText() {
        assertEquals("see size() and List.add(Object), a List of it, 4 < 5 & {braces}",
                JavadocText.inline("see {@link #size()} and {@linkplain java.util.List#add(Object)}, "
                        + "a {@link java.util.List List of it}, {@code 4 < 5 & {braces}}")
                        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    }

    @Test
    void deprecationComesFirstAndLongLinesWrap() {
        String text = JavadocText.format("Old. " + "word ".repeat(40) + "\n@deprecated use {@link #fresh()}");
        assertEquals("Deprecated. use fresh()", text.lines().findFirst().orElseThrow());
        text.lines().forEach(line -> assertEquals(true, line.length() <= 100, line));
    }

    @Test
    void nothingToShowIsEmpty() {
        assertEquals("", JavadocText.format(null));
        assertEquals("", JavadocText.format("  \n "));
        assertEquals("Unclosed {@code tag", JavadocText.format("Unclosed {@code tag"));
    }
}
