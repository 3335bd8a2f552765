package io.djinn.api;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import io.djinn.runtime.device.DeviceSpec;
import io.djinn.runtime.device.DeviceSwitch;
import io.djinn.runtime.execution.UnreachableArrays;

/**
 * The kernel's default device, behind {@code %device}, {@code %gpu} and {@code %memory}; each magic is
 * also a plain call here. The default device applies to {@link #manager()}, {@link #newManager()} and
 * {@link #newModel(String)}; DJL's own {@code NDManager.newBaseManager()} keeps DJL's default.
 */
public final class Devices {

    private Devices() {}

    /** The device new arrays and models go to: the one chosen with {@link #use}, or DJL's default. */
    public static Device device() {
        return DeviceSwitch.instance().device();
    }

    /** The notebook's {@code manager}: follows the default device, also in code that captured it earlier. */
    public static NDManager manager() {
        return DeviceSwitch.instance().manager();
    }

    /** A new NDManager on the default device; close it (try-with-resources) to free its arrays. */
    public static NDManager newManager() {
        return NDManager.newBaseManager(device());
    }

    /** A new model on the default device. */
    public static Model newModel(String name) {
        return Model.newInstance(name, device());
    }

    /** Sets the default device: "cpu", "gpu", "gpu:1" or "auto"; says what changed, or why it cannot. */
    public static Displayable use(String device) {
        return DeviceSwitch.instance().use(DeviceSpec.parse(device));
    }

    /** The default device, every device the engine sees, and the libtorch that is loaded. */
    public static Displayable report() {
        return DeviceSwitch.instance().report();
    }

    /** Each GPU's status from nvidia-smi, or why there is none. */
    public static Displayable gpus() {
        return DeviceSwitch.instance().gpus();
    }

    /** Heap, RSS, open NDArrays per device and GPU memory of this runtime. */
    public static Displayable memory() {
        return DeviceSwitch.instance().memory();
    }

    /** Returns PyTorch's cached, unused GPU memory to the driver, then reports memory. */
    public static Displayable emptyCache() {
        return DeviceSwitch.instance().emptyCache();
    }

    /**
     * Whether, after each snippet, the NDArrays it let go of that nothing in the notebook reaches are closed:
     * what re-declared, re-assigned and dropped variables held, and what it made on {@code manager} and did
     * not keep (on unless DJINN_FREE_ARRAYS=false). Arrays anything in the notebook still reaches stay open.
     */
    public static Displayable freeUnreachable(boolean on) {
        UnreachableArrays.enable(on);
        return memory();
    }
}
