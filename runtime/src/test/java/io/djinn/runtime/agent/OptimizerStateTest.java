package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OptimizerStateTest {

    @Test
    void stateMadeInsideAScopeOutlivesItWhileTheStepsOtherArraysDoNot() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Function<String, NDArray> makeState = OptimizerState.outsideScopes(key -> manager.zeros(new Shape(3)));
            NDArray state;
            NDArray temporary;
            try (NDScope scope = new NDScope()) {
                state = makeState.apply("weight");
                temporary = manager.ones(new Shape(3));
            }
            assertTrue(temporary.isReleased(), "the scope still closes what the step made");
            assertFalse(state.isReleased(), "the optimizer's state stays open");
            assertTrue(state.sum().getFloat() == 0f);
        }
    }

    @Test
    void theRewrittenOptimizerLoadsAndVerifies() throws Exception {
        byte[] rewritten = new OptimizerStateTransformer().rewrite(OneClassLoader.classFile(OptimizerStateTransformer.TARGET));
        Class<?> optimizer = Class.forName(OptimizerStateTransformer.TARGET.replace('/', '.'), true,
                new OneClassLoader(OptimizerStateTransformer.TARGET, rewritten));
        assertNotNull(optimizer.getDeclaredMethod("withDefaultState", java.util.Map.class, String.class,
                ai.djl.Device.class, Function.class));
    }
}
