package io.djinn.kernel.execution;

import com.google.gson.JsonObject;
import java.util.function.BooleanSupplier;

/** Evaluates Java source in the runtime; the cell runner's view of JShell. */
public interface JavaCode {

    /** How the evaluation of some source ended. */
    sealed interface Result {
        /** Ran; the value of the last snippet when it was an expression, as a mime bundle, else null. */
        record Done(JsonObject value) implements Result {}

        record Failed(CellFailure failure) implements Result {}

        record Interrupted() implements Result {}

        record RuntimeDied() implements Result {}
    }

    /**
     * @param firstLine the line of its origin that the source starts on (0-based)
     * @param origin where the source comes from, for errors: "cell [3]", or a file %load runs
     * @param interrupted whether the user asked to stop, checked between snippets
     */
    Result evaluate(String source, int firstLine, String origin, BooleanSupplier interrupted);
}
