package io.djinn.runtime.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.optimizer.Sgd;
import java.util.Set;

/**
 * DJL's {@code LocalParameterServer.update} copies each parameter's gradient before handing it to the optimizer,
 * because with a parameter on several devices the first update zeroes the gradient the others still need. With
 * one device nothing needs it afterwards, and DJL's own optimizers copy it again before they change it, so the
 * first copy is a clone of every gradient on every training step for nothing: this passes the gradient itself.
 */
public final class SingleDeviceUpdate {

    /**
     * The optimizers whose update leaves the gradient it is given unchanged (the PyTorch engine's native updates
     * clone it first), by exact class: a subclass, like any other optimizer, might change it in place, which the
     * copy made harmless.
     */
    private static final Set<Class<?>> GRADIENT_PRESERVING = Set.of(Sgd.class, Adam.class, AdamW.class);

    private SingleDeviceUpdate() {}

    /**
     * Called at the start of {@code LocalParameterServer.update(parameterId, grads, params)}.
     *
     * @return true when the update was done here, false to let DJL's own code do it
     */
    public static boolean update(Optimizer optimizer, String parameterId, NDArray[] grads, NDArray[] params) {
        if (optimizer == null || !GRADIENT_PRESERVING.contains(optimizer.getClass()) || grads.length != 1
                || params.length != 1 || !grads[0].getDevice().equals(params[0].getDevice())) {
            return false;
        }
        optimizer.update(parameterId, params[0], grads[0]);
        return true;
    }
}
