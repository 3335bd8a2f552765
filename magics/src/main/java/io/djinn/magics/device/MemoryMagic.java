package io.djinn.magics.device;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Shows the runtime's memory: JVM heap used and max, process RSS, open NDArrays and their "
                + "bytes per device, each GPU's memory in use and free, and the NDArrays closed because re-declared "
                + "or re-assigned variables no longer reached them.",
            "The same from Java: Devices.memory(), Devices.emptyCache(), Devices.freeReplaced(on)."})
public final class MemoryMagic implements LineMagic {

    @Option(names = "--empty-cache", description = "first return PyTorch's cached, unused GPU memory to the driver")
    boolean emptyCache;

    @Option(names = "--free-replaced", paramLabel = "on|off",
            description = "close (on, the default) or keep (off) the NDArrays that re-declared and re-assigned variables no longer reach")
    String freeReplaced;

    @Override
    public void run(MagicContext context) throws MagicException {
        if (freeReplaced != null) {
            if (!freeReplaced.equals("on") && !freeReplaced.equals("off")) {
                throw new MagicException("%memory: --free-replaced takes on or off, not '" + freeReplaced + "'.");
            }
            context.runCell("io.djinn.api.Devices.freeReplaced(" + freeReplaced.equals("on") + ")", true);
            return;
        }
        context.runCell(emptyCache ? "io.djinn.api.Devices.emptyCache()" : "io.djinn.api.Devices.memory()", true);
    }
}
