package io.djinn.api;

import io.djinn.runtime.render.ByteSize;
import io.djinn.runtime.render.ReportTable;
import java.util.List;
import java.util.Locale;

/**
 * A model's layers, as {@code %summary} shows them (torchinfo's job in PyTorch): one row per block, nested blocks
 * indented, with its output shape and parameter count, then the totals. Made by {@link Models#summary}.
 *
 * @param title what was summarised ("Model \"mlp\"", "SequentialBlock")
 * @param inputShapes the input the output shapes follow from, or empty when they are not known
 * @param rows the blocks, depth first
 * @param totalParameters values in all parameters
 * @param trainableParameters values in parameters that take gradients
 * @param parameterBytes what the parameters' arrays take
 * @param note a line about what was done to produce it (parameters initialized), or null
 */
public record ModelSummary(String title, List<String> inputShapes, List<Row> rows, long totalParameters,
        long trainableParameters, long parameterBytes, String note) implements Displayable {

    /**
     * One block.
     *
     * @param name its name in its parent ("01Linear"), or the model's for the outermost
     * @param depth 0 for the outermost block
     * @param outputShape its output shape(s), or "?" when they could not be worked out
     * @param parameters values in its own parameters (not its children's)
     * @param hasChildren whether it contains other blocks
     */
    public record Row(String name, String type, int depth, String outputShape, long parameters, boolean hasChildren) {}

    @Override
    public MimeBundle toMimeBundle() {
        ReportTable table = new ReportTable(title + (inputShapes.isEmpty() ? "" : ", input " + String.join(", ",
                inputShapes)), "Layer (type)", "Output shape", "Param #");
        for (Row row : rows) {
            // Non-breaking spaces: the indent survives HTML, which collapses plain ones.
            String name = "\u00a0\u00a0".repeat(row.depth()) + row.name() + " (" + row.type() + ")";
            String parameters = row.hasChildren() && row.parameters() == 0 ? "--" : count(row.parameters());
            table.row(name, row.outputShape(), parameters);
        }
        table.note("Total params: " + count(totalParameters));
        table.note("Trainable params: " + count(trainableParameters));
        table.note("Non-trainable params: " + count(totalParameters - trainableParameters));
        table.note("Parameter memory: " + ByteSize.format(parameterBytes));
        if (note != null) {
            table.note(note);
        }
        return table.toMimeBundle();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
