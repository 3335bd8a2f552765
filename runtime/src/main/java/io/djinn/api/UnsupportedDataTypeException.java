package io.djinn.api;

import ai.djl.engine.EngineException;

/**
 * A data type the loaded engine cannot handle. Thrown before the call reaches native code, where DJL
 * 0.35's PyTorch layer would abort the whole runtime process instead of failing the call.
 */
public final class UnsupportedDataTypeException extends EngineException {

    public UnsupportedDataTypeException(String message) {
        super(message);
    }
}
