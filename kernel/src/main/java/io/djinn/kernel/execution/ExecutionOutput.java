package io.djinn.kernel.execution;

import com.google.gson.JsonObject;
import io.djinn.kernel.protocol.Message;

/** Where a running cell's outputs go, as the execution queue drives it: begun, a result or an error, ended. */
public interface ExecutionOutput {

    /** From now on, output belongs to this request. */
    void begin(Message request, boolean stdinAllowed);

    void executeResult(int executionCount, JsonObject bundle);

    void error(CellFailure failure);

    /** Sends what is still buffered, before the reply, so that no output trails into the next cell. */
    void end();
}
