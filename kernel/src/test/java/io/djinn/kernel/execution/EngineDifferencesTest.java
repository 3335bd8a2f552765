package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The errors met running the Java edition of Dive into Deep Learning (written for MXNet) on PyTorch. */
class EngineDifferencesTest {

    private static Optional<String> explain(String exception, String message, String thrownInClass, String method) {
        return EngineDifferences.explain(new EngineDifferences.Error(exception, message,
                new StackTraceElement(thrownInClass, method, "X.java", 1)));
    }

    @Test
    void anOperatorOnlyMxnetHasIsNamed() {
        assertEquals("DJL's PyTorch engine, which Djinn runs, has no PtNDArray.sequenceMask() (DJL's MXNet engine "
                + "has it, so code written for MXNet stops here).", explain("java.lang.UnsupportedOperationException",
                "Not implemented yet", "ai.djl.pytorch.engine.PtNDArray", "sequenceMask").orElseThrow());
        assertTrue(explain("java.lang.UnsupportedOperationException", "Not supported!", "ai.djl.ndarray.BaseNDManager",
                "randomMultinomial").orElseThrow().contains("has no BaseNDManager.randomMultinomial()"));
    }

    @Test
    void knownDifferencesSayWhatToDo() {
        assertTrue(explain("ai.djl.engine.EngineException", "a leaf Variable that requires grad is being used in an "
                + "in-place operation.", "ai.djl.pytorch.jni.PyTorchLibrary", "torchSubi").orElseThrow()
                .contains("param.stopGradient().subi(...)"));
        assertTrue(explain("java.lang.UnsupportedOperationException", "Dimension mismatch or dimension is greater than 2.  "
                + "Dot product is only applied on two 1D vectors.", "ai.djl.pytorch.engine.PtNDArray", "dot")
                .orElseThrow().contains("use matMul()"));
        assertTrue(explain("ai.djl.engine.EngineException", "The expanded size of the tensor (3) must match the existing "
                + "size (9) at non-singleton dimension 1.", "ai.djl.pytorch.jni.PyTorchLibrary", "torchIndexAdvPut")
                .orElseThrow().contains("reshape the value first"));
    }

    @Test
    void otherErrorsAreLeftAlone() {
        assertEquals(Optional.empty(), explain("java.lang.UnsupportedOperationException", "mine", "REPL.$JShell$3", "f"));
        assertEquals(Optional.empty(), explain("java.lang.IllegalStateException", "Not implemented yet",
                "ai.djl.pytorch.engine.PtNDArray", "x"));
    }
}
