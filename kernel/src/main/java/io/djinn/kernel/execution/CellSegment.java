package io.djinn.kernel.execution;

/** A piece of a cell, run in order: Java code, a line magic, or a cell magic owning the rest. */
public sealed interface CellSegment {

    /** Java source starting at the given line of the cell (0-based). */
    record Code(String source, int startLine) implements CellSegment {}

    /** {@code %name args}, or {@code %name?} for its help. */
    record LineMagic(String name, String arguments, boolean help) implements CellSegment {}

    /** {@code %%name args} on the first line; the body is the rest of the cell. */
    record CellMagic(String name, String arguments, String body, boolean help) implements CellSegment {}
}
