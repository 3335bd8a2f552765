package io.djinn.runtime.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.function.Function;

/**
 * An optimizer makes its state (Adam's moments, momentum's velocity) in its first update, usually inside a training
 * step, and keeps it for every step after. DJL registers every array made inside an {@link NDScope} with that
 * scope, so a loop that wraps each step in one, as DJL's documentation suggests for memory, closed the state at the
 * end of the first step, and the second step failed with "Native resource has been released already". The state
 * belongs to the optimizer, not to the step: this keeps it out of the scope it was made in.
 */
public final class OptimizerState {

    private OptimizerState() {}

    /**
     * Called at the start of {@code Optimizer.withDefaultState(state, key, device, defaultFunction)}, whose
     * {@code defaultFunction} it replaces.
     *
     * @param makeState the optimizer's function that makes a parameter's initial state
     * @return the same function, whose arrays no scope closes
     */
    public static Function<String, NDArray> outsideScopes(Function<String, NDArray> makeState) {
        return key -> {
            NDArray state = makeState.apply(key);
            NDScope.unregister(state);
            return state;
        };
    }
}
