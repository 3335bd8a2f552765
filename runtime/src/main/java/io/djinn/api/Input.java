package io.djinn.api;

import io.djinn.runtime.LineInput;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Asks the notebook's user for a line, with a prompt beside the input box (IPython's input()). */
public final class Input {

    private Input() {}

    public static String readLine(String prompt) {
        return ask(prompt, false);
    }

    /** Like {@link #readLine} with what is typed hidden. */
    public static String readPassword(String prompt) {
        return ask(prompt, true);
    }

    private static String ask(String prompt, boolean password) {
        try {
            return LineInput.instance().readLine(prompt, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
