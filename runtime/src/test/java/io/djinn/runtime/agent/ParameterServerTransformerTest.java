package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterServer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterServerTransformerTest {

    @TempDir
    Path traces;

    @Test
    void oneDeviceUpdatesWithoutCopyingTheGradientAndLandsOnTheSameWeights() throws Exception {
        ParameterServer rewritten = rewrittenServer(sgd());
        Update djls = update(new LocalParameterServer(sgd()), "djl");
        Update djinns = update(rewritten, "djinn");
        assertArrayEquals(djls.weights, djinns.weights, "bit for bit the same update");
        assertEquals(djls.clones - 1, djinns.clones, "one clone fewer: DJL's copy of the gradient");
        assertTrue(djinns.gradientZeroed, "the optimizer still zeroes the gradient, as DJL's does");

        Update adam = update(rewrittenServer(Optimizer.adam().build()), "adam");
        Update djlsAdam = update(new LocalParameterServer(Optimizer.adam().build()), "djl-adam");
        assertArrayEquals(djlsAdam.weights, adam.weights);
        assertEquals(djlsAdam.clones - 1, adam.clones);
    }

    @Test
    void otherOptimizersKeepDjlsCopy() throws Exception {
        // A subclass might change the gradient it is given: DJL's copy stays for it.
        Supplier<Optimizer> subclass = () -> new ai.djl.training.optimizer.Sgd(sgdBuilder()) {};
        Update djls = update(new LocalParameterServer(subclass.get()), "djl-subclass");
        Update djinns = update(rewrittenServer(subclass.get()), "djinn-subclass");
        assertArrayEquals(djls.weights, djinns.weights);
        assertEquals(djls.clones, djinns.clones);
    }

    @Test
    void aServerThatAlreadyHasTheMethodLoadsUnchanged() throws Exception {
        // A later DJL might give LocalParameterServer its own update(String, NDArray[]): adding a second one
        // would stop the class from loading, so the transformer leaves it alone.
        byte[] once = new ParameterServerTransformer().rewrite(OneClassLoader.classFile(ParameterServerTransformer.TARGET));
        assertNull(new ParameterServerTransformer().transform(null, ParameterServerTransformer.TARGET, null, null, once));
    }

    private static ai.djl.training.optimizer.Sgd.Builder sgdBuilder() {
        return Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f));
    }

    private static Optimizer sgd() {
        return sgdBuilder().build();
    }

    private static ParameterServer rewrittenServer(Optimizer optimizer) throws Exception {
        byte[] rewritten = new ParameterServerTransformer().rewrite(OneClassLoader.classFile(ParameterServerTransformer.TARGET));
        ClassLoader loader = new OneClassLoader(ParameterServerTransformer.TARGET, rewritten);
        Class<?> server = Class.forName(ParameterServerTransformer.TARGET.replace('/', '.'), true, loader);
        return (ParameterServer) server.getConstructor(Optimizer.class).newInstance(optimizer);
    }

    private record Update(float[] weights, long clones, boolean gradientZeroed) {}

    /** One update of a seeded weight from a real gradient, under PyTorch's profiler to count the clones. */
    private Update update(ParameterServer server, String name) throws Exception {
        Engine.getInstance().setRandomSeed(7);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray weight = manager.randomNormal(new Shape(64, 32));
            NDArray input = manager.randomNormal(new Shape(8, 64));
            weight.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(input.matMul(weight).square().sum());
            }
            Path trace = traces.resolve(name + ".json");
            JniUtils.startProfile(false, false, false);
            try {
                server.update("weight", new NDArray[] {weight});
            } finally {
                JniUtils.stopProfile(trace.toString());
            }
            String events = Files.readString(trace);
            long clones = events.split("\"aten::clone\"", -1).length - 1;
            boolean zeroed = weight.getGradient().abs().sum().getFloat() == 0f;
            return new Update(weight.toFloatArray(), clones, zeroed);
        }
    }
}
