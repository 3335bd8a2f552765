package io.djinn.runtime.device;

import io.djinn.api.UsageException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device as a user names it in {@code %device}: {@code cpu}, {@code gpu} (the first GPU), {@code gpu:1},
 * {@code auto} (DJL's own choice: the first GPU when CUDA libtorch sees one, else the CPU). PyTorch's
 * spellings {@code cuda} and {@code cuda:1}, and DJL's {@code gpu(1)}, are accepted too.
 */
public record DeviceSpec(Kind kind, int gpuIndex) {

    public enum Kind { CPU, GPU, AUTO }

    private static final Pattern GPU = Pattern.compile("(?:gpu|cuda)(?:[:(](\\d{1,4})\\)?)?");

    public static final DeviceSpec CPU = new DeviceSpec(Kind.CPU, -1);
    public static final DeviceSpec AUTO = new DeviceSpec(Kind.AUTO, -1);

    public static DeviceSpec gpu(int index) {
        return new DeviceSpec(Kind.GPU, index);
    }

    public static DeviceSpec parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (name.equals("cpu")) {
            return CPU;
        }
        if (name.equals("auto")) {
            return AUTO;
        }
        Matcher gpu = GPU.matcher(name);
        if (gpu.matches() && (name.indexOf('(') < 0 || name.endsWith(")"))) {
            return gpu(gpu.group(1) == null ? 0 : Integer.parseInt(gpu.group(1)));
        }
        throw new UsageException("unknown device '" + (text == null ? "" : text.strip())
                + "': use cpu, gpu, gpu:N (N counts from 0) or auto");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CPU -> "cpu";
            case AUTO -> "auto";
            case GPU -> "gpu:" + gpuIndex;
        };
    }
}
