package io.djinn.magics.device;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.NotebookApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "device", mixinStandardHelpOptions = true,
        description = {"Shows or sets the default device.",
            "%%device: the default device, every device the engine sees (name, compute capability, memory), "
                + "the libtorch loaded (version, cpu or CUDA flavor, directory) and CUDA_VISIBLE_DEVICES.",
            "%%device cpu | gpu | gpu:N | auto: where `manager`, Devices.newManager() and Devices.newModel(name) "
                + "put new arrays and models. Arrays already made stay where they are.",
            "The same from Java: Devices.report(), Devices.use(\"gpu\"), Devices.device()."})
public final class DeviceMagic implements LineMagic {

    @Parameters(arity = "0..1", paramLabel = "DEVICE", description = "cpu, gpu, gpu:N (from 0) or auto")
    String device;

    @Override
    public void run(MagicContext context) {
        context.runCell(device == null ? NotebookApi.deviceReport() : NotebookApi.useDevice(device), true);
    }
}
