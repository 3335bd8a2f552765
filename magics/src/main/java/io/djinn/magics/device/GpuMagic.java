package io.djinn.magics.device;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.NotebookApi;
import picocli.CommandLine.Command;

@Command(name = "gpu", mixinStandardHelpOptions = true,
        description = {"Shows each GPU: name, driver and CUDA versions, memory used and total, utilisation, "
                + "temperature, power draw and limit (from nvidia-smi). Without a GPU, says so.",
            "The same from Java: Devices.gpus()."})
public final class GpuMagic implements LineMagic {

    @Override
    public void run(MagicContext context) {
        context.runCell(NotebookApi.gpus(), true);
    }
}
