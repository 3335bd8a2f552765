package io.djinn.kernel.execution;

/** Runs one cell's code and tells how it ended; the execution queue's view of the cell runner. */
public interface CellExecutor {

    CellResult run(String code, int executionCount);
}
