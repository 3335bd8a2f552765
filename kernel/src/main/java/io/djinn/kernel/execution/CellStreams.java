package io.djinn.kernel.execution;

import java.util.Map;

/** The running cell's outputs as the cell runner and its magics write them. */
public interface CellStreams {

    void print(String text);

    void printError(String text);

    /** A mime bundle (mime type to content) as display_data. */
    void displayData(Map<String, String> bundle);

    /** Ends a pending input request, as an interrupt must. */
    void cancelInput();
}
