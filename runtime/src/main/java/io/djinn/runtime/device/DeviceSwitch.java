package io.djinn.runtime.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.djinn.api.Displayable;
import io.djinn.api.UsageException;
import io.djinn.api.LiveArrays;
import io.djinn.runtime.render.ByteSize;
import io.djinn.runtime.render.ReportTable;
import io.djinn.runtime.agent.NotebookAttachments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The runtime's default-device state: which device is chosen, and one long-lived NDManager per device
 * for the notebook's {@code manager}. Switching never closes a manager, so arrays made before a switch
 * stay valid where they are.
 */
public final class DeviceSwitch {

    private static final DeviceSwitch INSTANCE = new DeviceSwitch();

    private final Map<Device, NDManager> managers = new HashMap<>();
    private final NDManager manager = KernelManager.create(this::currentManager);
    private volatile Device chosen;

    public static DeviceSwitch instance() {
        return INSTANCE;
    }

    public Device device() {
        Device device = chosen;
        return device != null ? device : engine().defaultDevice();
    }

    public NDManager manager() {
        return manager;
    }

    /** The managers behind the notebook's {@code manager} made so far (one per device used), still open. */
    public synchronized List<NDManager> openManagers() {
        return managers.values().stream().filter(NDManager::isOpen).toList();
    }

    synchronized NDManager currentManager() {
        Device device = device();
        NDManager current = managers.get(device);
        if (current == null || !current.isOpen()) {
            current = NDManager.newBaseManager(device);
            current.setName("djinn-manager-" + DeviceNames.of(device));
            NotebookAttachments.watch(current);
            managers.put(device, current);
        }
        return current;
    }

    public Displayable use(DeviceSpec spec) {
        Device before = device();
        Device after = switch (spec.kind()) {
            case CPU -> Device.cpu();
            case AUTO -> null;
            case GPU -> {
                Optional<String> whyNot = GpuAvailability.whyNot(CudaProbe.facts(EngineInfo.current()), spec.gpuIndex());
                if (whyNot.isPresent()) {
                    throw new UsageException("cannot use " + spec + ": " + whyNot.get());
                }
                yield Device.gpu(spec.gpuIndex());
            }
        };
        chosen = after;
        Device now = device();
        String nowName = DeviceNames.of(now);
        String whose = spec.kind() == DeviceSpec.Kind.AUTO ? " (DJL's choice)" : "";
        ReportTable change = new ReportTable((now.equals(before) ? "Default device stays " + nowName
                : "Default device: " + DeviceNames.of(before) + " -> " + nowName) + whose + ".");
        change.note("`manager`, Devices.newManager() and Devices.newModel(name) now make arrays and models on "
                + nowName + ". NDManager.newBaseManager() and Model.newInstance(name) keep DJL's default ("
                + DeviceNames.of(engine().defaultDevice()) + ").");
        Map<String, Integer> elsewhere = new TreeMap<>();
        for (LiveArrays.Entry entry : LiveArrays.snapshot().entries()) {
            String device = DeviceNames.of(entry.device());
            if (!device.equals(nowName)) {
                elsewhere.merge(device, 1, Integer::sum);
            }
        }
        if (!elsewhere.isEmpty()) {
            StringBuilder where = new StringBuilder();
            elsewhere.forEach((device, count) -> where.append(where.length() == 0 ? "" : ", ")
                    .append(count).append(" on ").append(device));
            change.note("Arrays made before stay where they are (" + where + "); move one with array.toDevice("
                    + (now.isGpu() ? "Device.gpu(" + now.getDeviceId() + ")" : "Device.cpu()") + ", true).");
        } else {
            change.note("Arrays made before stay where they are; move one with array.toDevice(device, true).");
        }
        return change;
    }

    public DeviceReport report() {
        String current;
        try {
            current = DeviceNames.of(device());
        } catch (UsageException noEngine) {
            current = "none (the PyTorch engine did not load)";
        }
        return DeviceReport.collect(current);
    }

    public GpuReport gpus() {
        return GpuReport.collect();
    }

    public MemoryReport memory() {
        return MemoryReport.collect(null);
    }

    public MemoryReport emptyCache() {
        EngineInfo engine = EngineInfo.current();
        List<MemoryReport.Gpu> before = MemoryReport.gpuMemory();
        if (!engine.hasCuda() || before.isEmpty()) {
            return MemoryReport.collect("Nothing to release: "
                    + (engine.hasCuda() ? "no GPU is visible" : "the loaded libtorch is the CPU build, which keeps no GPU cache")
                    + ".");
        }
        if (engine.jniLacksCudaCode()) {
            return MemoryReport.collect("PyTorch's CUDA cache cannot be emptied from here: the JNI in use ("
                    + engine.jniPath() + ") was built without DJL's CUDA code (djinn build-jni found no CUDA headers, "
                    + "or was given --cuda-extras off); build it again with CUDA_HOME naming a CUDA toolkit to have this.");
        }
        JniUtils.emptyCudaCache();
        List<MemoryReport.Gpu> after = MemoryReport.gpuMemory();
        long released = 0;
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            released += before.get(i).usedBytes() - after.get(i).usedBytes();
        }
        return MemoryReport.collect("Emptied PyTorch's CUDA cache: " + ByteSize.format(Math.max(0, released))
                + " returned to the driver. Memory held by open NDArrays is not cached memory: close them to free it.");
    }

    private static Engine engine() {
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | LinkageError e) {
            throw new UsageException("the PyTorch engine did not load: " + EngineInfo.current().error());
        }
    }
}
