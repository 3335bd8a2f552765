package io.djinn.kernel.execution;

import com.google.gson.JsonObject;

/** How a cell ended: its value to show (may be null) or its failure. */
public record CellResult(JsonObject value, CellFailure failure) {

    static CellResult ok(JsonObject value) {
        return new CellResult(value, null);
    }

    static CellResult failed(CellFailure failure) {
        return new CellResult(null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
