package io.djinn.runtime.agent;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import java.util.HashMap;
import java.util.Map;

/**
 * The factors of an optimizer's update (learning rate, momentum...) as single-value float32 arrays, one per device
 * and value, kept: DJL makes such an array (a direct buffer and two native calls) for every multiplication by a
 * number, which for an update would be every parameter on every step.
 */
final class UpdateFactors {

    /** A schedule that changes the rate on every step would otherwise keep one array per step. */
    private static final int MOST_KEPT = 32;

    private record Key(Device device, float value) {}

    private final Map<Device, NDManager> managers = new HashMap<>();
    private final Map<Key, PtNDArray> factors = new HashMap<>();

    /** The value as an array on the device of {@code like}. */
    synchronized PtNDArray of(PtNDArray like, float value) {
        Key key = new Key(like.getDevice(), value);
        PtNDArray factor = factors.get(key);
        if (factor == null || factor.isReleased()) {
            if (factors.size() >= MOST_KEPT) {
                factors.values().forEach(NDArray::close);
                factors.clear();
            }
            NDManager manager = managers.computeIfAbsent(key.device(),
                    device -> like.getManager().getEngine().newBaseManager(device));
            factor = (PtNDArray) manager.create(value);
            // Made during a step's NDScope, it would be closed at the scope's end.
            NDScope.unregister(factor);
            factors.put(key, factor);
        }
        return factor;
    }
}
