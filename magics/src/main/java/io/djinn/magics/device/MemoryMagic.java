package io.djinn.magics.device;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.NotebookApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Shows the runtime's memory: JVM heap used and max, process RSS, open NDArrays and their "
                + "bytes per device, each GPU's memory in use and free, and the NDArrays closed because nothing in "
                + "the notebook reached them any more.",
            "After each cell Djinn closes the NDArrays it let go of that nothing in the notebook reaches: what "
                + "re-declared, re-assigned and dropped variables held, and what it made on `manager` and did not keep. "
                + "The same from Java: Devices.memory(), Devices.emptyCache(), Devices.freeUnreachable(on).",
            "--per-cell on ends every cell with one line on what it changed: NDArrays made or freed per device, each "
                + "GPU's memory in use, the process's RSS (as ipyexperiments does for IPython)."})
public final class MemoryMagic implements LineMagic {

    @Option(names = "--empty-cache", description = "first return PyTorch's cached, unused GPU memory to the driver")
    boolean emptyCache;

    @Option(names = "--free", paramLabel = "on|off",
            description = "close (on, the default) or keep (off) the NDArrays nothing in the notebook reaches after each cell")
    String free;

    @Option(names = "--per-cell", paramLabel = "on|off",
            description = "end each cell with a line on what it changed in memory (on), or not (off, the default)")
    String perCellSetting;

    private final PerCellMemory perCell;

    MemoryMagic(PerCellMemory perCell) {
        this.perCell = perCell;
    }

    @Override
    public void run(MagicContext context) throws MagicException {
        if (perCellSetting != null) {
            if (!perCellSetting.equals("on") && !perCellSetting.equals("off")) {
                throw new MagicException("%memory: --per-cell takes on or off, not '" + perCellSetting + "'.");
            }
            perCell.set(perCellSetting.equals("on"));
            context.print(perCell.on() ? "From the next cell on, each cell ends with a line on what it changed in "
                    + "memory (NDArrays per device, GPU memory, RSS). %memory --per-cell off stops it.\n"
                    : "Cells no longer report their memory change.\n");
            return;
        }
        if (free != null) {
            if (!free.equals("on") && !free.equals("off")) {
                throw new MagicException("%memory: --free takes on or off, not '" + free + "'.");
            }
            context.runCell(NotebookApi.freeUnreachable(free.equals("on")), true);
            return;
        }
        context.runCell(emptyCache ? NotebookApi.emptyCache() : NotebookApi.memory(), true);
    }
}
