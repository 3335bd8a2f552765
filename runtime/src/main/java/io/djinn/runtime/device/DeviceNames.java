package io.djinn.runtime.device;

import ai.djl.Device;

/** Devices named the way %device spells them: cpu, gpu:0. */
public final class DeviceNames {

    private DeviceNames() {}

    public static String of(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : device.getDeviceType();
    }

    /** From DJL's own spelling, cpu() or gpu(1). */
    public static String of(String djlName) {
        return djlName.replaceFirst("^gpu\\((\\d+)\\)$", "gpu:$1").replaceFirst("^cpu\\(\\)$", "cpu");
    }
}
