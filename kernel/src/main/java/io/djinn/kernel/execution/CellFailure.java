package io.djinn.kernel.execution;

import java.util.List;

/** An error as Jupyter shows it: name, value and traceback lines. */
public record CellFailure(String name, String value, List<String> traceback) {

    private static final String RED = "\u001b[0;31m";
    private static final String RESET = "\u001b[0m";

    /** A failure whose message is the whole story (bad magic arguments, a runtime restart...). */
    public static CellFailure plain(String name, String message) {
        return new CellFailure(name, message, List.of(RED + name + RESET + ": " + message));
    }

    static String headline(String name, String message) {
        return RED + name + RESET + (message == null || message.isEmpty() ? "" : ": " + message);
    }
}
