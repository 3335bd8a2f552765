package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PyTorch engine's SGD update rewritten by {@link SgdUpdateTransformer}, against DJL's native one. */
class InPlaceSgdTest {

    @TempDir
    Path traces;

    /** The arguments of an SGD update after the weight, its gradient and its momentum state. */
    private record Factors(float learningRate, float weightDecay, float rescaleGrad, float clipGrad, float momentum) {}

    private enum Way { DJL_NATIVE, REWRITTEN_OWN_GRADIENT, REWRITTEN_OTHER_GRADIENT }

    private record Result(float[] weight, float[] state, float[] gradientAfter, long clones) {}

    @Test
    void theParametersOwnGradientIsScaledInPlaceAndTheWeightsAreDjlsBitForBit() throws Exception {
        for (Factors factors : new Factors[] {new Factors(0.1f, 0f, 1f, -1f, 0f), new Factors(0.05f, 0f, 0.5f, -1f, 0.9f)}) {
            Result djl = update(Way.DJL_NATIVE, factors);
            Result djinn = update(Way.REWRITTEN_OWN_GRADIENT, factors);
            assertArrayEquals(djl.weight, djinn.weight, "the same weights, bit for bit, for " + factors);
            assertArrayEquals(djl.state, djinn.state, "the same momentum state for " + factors);
            assertEquals(1, djl.clones, "DJL's native update copies the gradient");
            assertEquals(0, djinn.clones, "no copy of the parameter's own gradient");
            assertTrue(allZero(djinn.gradientAfter), "the gradient is zeroed, as DJL's update zeroes it");
        }
    }

    @Test
    void anyOtherGradientIsLeftToDjlAndUnchanged() throws Exception {
        // Outside a parameter server's update the gradient may be the caller's, which must not change.
        Factors factors = new Factors(0.1f, 0f, 1f, -1f, 0f);
        Result djl = update(Way.DJL_NATIVE, factors);
        Result other = update(Way.REWRITTEN_OTHER_GRADIENT, factors);
        assertArrayEquals(djl.weight, other.weight);
        assertEquals(1, other.clones, "DJL's own update ran");
    }

    @Test
    void weightDecayAndClippingAreLeftToDjl() throws Exception {
        for (Factors factors : new Factors[] {new Factors(0.1f, 0.01f, 1f, -1f, 0f), new Factors(0.1f, 0f, 1f, 0.001f, 0f)}) {
            Result djl = update(Way.DJL_NATIVE, factors);
            Result djinn = update(Way.REWRITTEN_OWN_GRADIENT, factors);
            assertArrayEquals(djl.weight, djinn.weight);
            assertEquals(1, djinn.clones, "DJL's own update ran for " + factors);
        }
    }

    @Test
    void aLearningRateThatChangesEveryStepStaysExact() throws Exception {
        // The rates are kept as arrays, a bounded number of them: more rates than are kept must still be exact.
        for (int step = 0; step < 40; step++) {
            Factors factors = new Factors(0.1f / (step + 1), 0f, 1f, -1f, 0f);
            assertArrayEquals(update(Way.DJL_NATIVE, factors).weight, update(Way.REWRITTEN_OWN_GRADIENT, factors).weight);
        }
    }

    private static boolean allZero(float[] values) {
        for (float value : values) {
            if (value != 0f) {
                return false;
            }
        }
        return true;
    }

    /** One update of a seeded weight (and momentum state) from a real gradient, profiled to count the clones. */
    private Result update(Way way, Factors factors) throws Exception {
        Engine.getInstance().setRandomSeed(11);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PtNDArray weight = (PtNDArray) manager.randomNormal(new Shape(48, 24));
            PtNDArray state = (PtNDArray) manager.randomNormal(new Shape(48, 24));
            NDArray input = manager.randomNormal(new Shape(8, 48));
            weight.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(input.matMul(weight).square().sum());
            }
            PtNDArray gradient = (PtNDArray) weight.getGradient();
            if (way == Way.REWRITTEN_OTHER_GRADIENT) {
                gradient = (PtNDArray) gradient.duplicate();  // the caller's own array, not the parameter's
            }
            float[] gradientBefore = gradient.toFloatArray();
            NDList inputs = factors.momentum() == 0f ? new NDList(weight, gradient) : new NDList(weight, gradient, state);
            Path trace = traces.resolve(way + ".json");
            JniUtils.startProfile(false, false, false);
            try {
                switch (way) {
                    case DJL_NATIVE -> {
                        JniUtils.sgdUpdate(weight, (PtNDArray) inputs.get(1), factors.momentum() == 0f ? null : state,
                                factors.learningRate(), factors.weightDecay(), factors.rescaleGrad(), factors.clipGrad(),
                                factors.momentum());
                        JniUtils.zeroGrad(weight);
                    }
                    case REWRITTEN_OWN_GRADIENT -> SingleDeviceUpdate.whileApplying(inputs.get(1),
                            () -> rewrittenSgdUpdate(weight, inputs, factors));
                    case REWRITTEN_OTHER_GRADIENT -> rewrittenSgdUpdate(weight, inputs, factors);
                }
            } finally {
                JniUtils.stopProfile(trace.toString());
            }
            long clones = Files.readString(trace).split("\"aten::clone\"", -1).length - 1;
            float[] gradientAfter = weight.getGradient().toFloatArray();
            if (way == Way.REWRITTEN_OTHER_GRADIENT) {
                assertArrayEquals(gradientBefore, gradient.toFloatArray(), "the caller's gradient is unchanged");
            }
            return new Result(weight.toFloatArray(), state.toFloatArray(), gradientAfter, clones);
        }
    }

    /** PtNDArrayEx.sgdUpdate as the runtime agent rewrites it, called as DJL's Sgd calls it. */
    private static void rewrittenSgdUpdate(PtNDArray weight, NDList inputs, Factors factors) {
        try {
            byte[] rewritten = new SgdUpdateTransformer().rewrite(OneClassLoader.classFile(SgdUpdateTransformer.TARGET));
            Class<?> ex = Class.forName(SgdUpdateTransformer.TARGET.replace('/', '.'), true,
                    new OneClassLoader(SgdUpdateTransformer.TARGET, rewritten));
            Constructor<?> constructor = ex.getDeclaredConstructor(PtNDArray.class);
            constructor.setAccessible(true);
            Method sgdUpdate = ex.getMethod("sgdUpdate", NDList.class, NDList.class, float.class, float.class,
                    float.class, float.class, float.class, boolean.class);
            sgdUpdate.invoke(constructor.newInstance(weight), inputs, new NDList(weight), factors.learningRate(),
                    factors.weightDecay(), factors.rescaleGrad(), factors.clipGrad(), factors.momentum(), true);
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
