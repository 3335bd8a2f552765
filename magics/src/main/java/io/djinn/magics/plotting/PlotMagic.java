package io.djinn.magics.plotting;

import io.djinn.magics.CodeMagic;
import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicArguments;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.NotebookApi;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"A quick chart: %%plot KIND EXPR [options], KIND one of line, scatter, hist, heatmap, image.",
            "EXPR is Java: an NDArray, a double[]/float[]/int[]/long[], a List of numbers, a numeric Tablesaw column, "
                + "or a Table with --x/--y naming its columns (--y a,b for several lines). heatmap takes 2-D data "
                + "(a confusion matrix), image an NDArray in HW, HWC or CHW layout.",
            "Example: %%plot line history --x epoch --y loss,accuracy --title \"Training\""})
public final class PlotMagic extends CodeMagic implements LineMagic {

    private static final List<String> KINDS = NotebookApi.plotKinds();

    @Option(names = "--x", paramLabel = "COLUMN", description = "the Table column for x (hist: the column to count)")
    String x;

    @Option(names = "--y", paramLabel = "COLUMNS", description = "the Table column(s) for y, comma-separated")
    String y;

    @Option(names = "--title", paramLabel = "TEXT", description = "the chart's title")
    String title;

    @Option(names = "--xlabel", paramLabel = "TEXT", description = "the x axis's label")
    String xLabel;

    @Option(names = "--ylabel", paramLabel = "TEXT", description = "the y axis's label")
    String yLabel;

    @Option(names = "--logx", description = "logarithmic x axis")
    boolean logX;

    @Option(names = "--logy", description = "logarithmic y axis")
    boolean logY;

    @Option(names = "--bins", paramLabel = "N", description = "hist: the number of bins")
    Integer bins;

    @Override
    public void run(MagicContext context) throws Exception {
        List<MagicArguments.Word> words = MagicArguments.words(code);
        if (words.isEmpty() || !KINDS.contains(words.get(0).text())) {
            throw new MagicException("%plot: start with the kind of chart, one of " + String.join(", ", KINDS)
                    + (words.isEmpty() ? "" : "; got '" + words.get(0).text() + "'"));
        }
        String kind = words.get(0).text();
        int optionsAt = code.length();
        for (MagicArguments.Word word : words.subList(1, words.size())) {
            if (word.text().startsWith("--")) {
                optionsAt = word.start();
                break;
            }
        }
        int expressionAt = words.size() > 1 ? words.get(1).start() : code.length();
        String expression = code.substring(Math.min(expressionAt, optionsAt), optionsAt).strip();
        if (expression.isEmpty()) {
            throw new MagicException("%plot " + kind + ": give the data to plot, as in %plot " + kind + " losses");
        }
        CommandLine options = new CommandLine(this);
        try {
            options.parseArgs(MagicArguments.split(code.substring(optionsAt)).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new MagicException("%plot: " + e.getMessage());
        }
        context.runCell(NotebookApi.plot(kind, expression, x, y, title, xLabel, yLabel, logX, logY, bins), false);
    }
}
