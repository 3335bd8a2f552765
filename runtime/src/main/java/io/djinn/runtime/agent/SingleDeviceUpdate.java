package io.djinn.runtime.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.optimizer.Sgd;
import java.util.Set;

/**
 * A trainer's step updates each parameter through {@code ParameterServer.update(parameterId, params)}, which DJL's
 * {@code LocalParameterServer} inherits: it takes each parameter's gradient and passes it on, and the local server
 * then copies it before handing it to the optimizer, because with a parameter on several devices the first update
 * zeroes the gradient the others still need. With one device nothing needs it afterwards, and DJL's own optimizers
 * copy it again before they change it, so the first copy is a clone of every gradient on every step for nothing.
 * This updates a one-device parameter from its own gradient, and says so for the duration of the update
 * ({@link #isParametersOwnGradient}), so that an update which zeroes the gradient anyway may change it in place
 * ({@link InPlaceSgd}) instead of copying it once more.
 */
public final class SingleDeviceUpdate {

    /**
     * The optimizers whose update leaves the gradient it is given unchanged (the PyTorch engine's native updates
     * clone it first) or changes it only where it is the parameter's own ({@link InPlaceSgd}), by exact class: a
     * subclass, like any other optimizer, might change the gradient in place, which the copy made harmless.
     */
    private static final Set<Class<?>> GRADIENT_PRESERVING = Set.of(Sgd.class, Adam.class, AdamW.class);

    /** The gradient being applied on this thread, which the update zeroes once it is applied. */
    private static final ThreadLocal<NDArray> OWN_GRADIENT = new ThreadLocal<>();

    private SingleDeviceUpdate() {}

    /**
     * Called by {@code LocalParameterServer.update(parameterId, params)}, which the runtime agent adds to it.
     *
     * @return true when the update was done here, false to let DJL's own code do it
     */
    public static boolean update(Optimizer optimizer, String parameterId, NDArray[] params) {
        if (optimizer == null || !GRADIENT_PRESERVING.contains(optimizer.getClass()) || params.length != 1) {
            return false;
        }
        NDArray parameter = params[0];
        try (NDArray gradient = parameter.getGradient()) {
            whileApplying(gradient, () -> optimizer.update(parameterId, parameter, gradient));
        }
        return true;
    }

    /** Runs an update of a parameter from its own gradient, which the update zeroes. */
    static void whileApplying(NDArray gradient, Runnable update) {
        OWN_GRADIENT.set(gradient);
        try {
            update.run();
        } finally {
            OWN_GRADIENT.remove();
        }
    }

    /**
     * Whether this is the gradient of the parameter being updated on this thread ({@link #whileApplying}): nobody
     * reads it again before the update zeroes it.
     */
    static boolean isParametersOwnGradient(NDArray gradient) {
        return gradient != null && OWN_GRADIENT.get() == gradient;
    }
}
