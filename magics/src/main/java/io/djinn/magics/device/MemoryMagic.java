package io.djinn.magics.device;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Shows the runtime's memory: JVM heap used and max, process RSS, open NDArrays and their "
                + "bytes per device, and each GPU's memory in use and free.",
            "The same from Java: Devices.memory(), Devices.emptyCache()."})
public final class MemoryMagic implements LineMagic {

    @Option(names = "--empty-cache", description = "first return PyTorch's cached, unused GPU memory to the driver")
    boolean emptyCache;

    @Override
    public void run(MagicContext context) {
        context.runCell(emptyCache ? "io.djinn.api.Devices.emptyCache()" : "io.djinn.api.Devices.memory()", true);
    }
}
