package io.djinn.kernel.execution;

/** A piece of a cell, run in order: Java code, a line magic, or a cell magic owning the rest. */
public sealed interface CellSegment {

    /** Java source starting at the given line of the cell (0-based). */
    record Code(String source, int startLine) implements CellSegment {}

    /** {@code %name args} on the given line of the cell (0-based), or {@code %name?} for its help. */
    record LineMagic(String name, String arguments, boolean help, int line) implements CellSegment {}

    /** {@code %%name args} on the given line (the first that is not blank); the body is the rest of the cell. */
    record CellMagic(String name, String arguments, String body, boolean help, int line) implements CellSegment {}
}
