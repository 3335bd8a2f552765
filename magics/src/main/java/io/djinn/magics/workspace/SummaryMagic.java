package io.djinn.magics.workspace;

import io.djinn.magics.CodeMagic;
import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicArguments;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.NotebookApi;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"A model's layers, as torchinfo's summary: %%summary EXPR [--input SHAPE]...",
            "EXPR is a Block or a Model. One row per layer (nested ones indented) with its output shape and parameter "
                + "count, then the total parameters, the trainable ones and their memory.",
            "--input gives the input shape with its batch dimension (1,784 or (1, 784)); once per input. Without it "
                + "the shapes the block was initialized with are used; a block not initialized yet needs it, and is "
                + "initialized for it, as training would.",
            "The same from Java: io.djinn.api.Models.summary(net, new Shape(1, 784))."})
public final class SummaryMagic extends CodeMagic implements LineMagic {

    // Positive dimensions, separated by a comma, an x or spaces.
    private static final Pattern SHAPE = Pattern.compile("[1-9]\\d{0,17}(\\s*[,x\\s]\\s*[1-9]\\d{0,17})*");
    private static final Pattern BRACKETED = Pattern.compile("[(\\[][^)\\]]*[)\\]]");

    @Option(names = "--input", paramLabel = "SHAPE", description = "an input shape, batch dimension first: 1,784")
    List<String> inputs = new ArrayList<>();

    @Override
    public void run(MagicContext context) throws Exception {
        List<MagicArguments.Word> words = MagicArguments.words(code);
        int optionsAt = code.length();
        for (MagicArguments.Word word : words) {
            if (word.text().startsWith("--")) {
                optionsAt = word.start();
                break;
            }
        }
        String expression = code.substring(0, optionsAt).strip();
        if (expression.isEmpty()) {
            throw new MagicException("%summary: give the model or block, as in %summary model --input 1,784");
        }
        // Options before the expression were parsed with the magic's own; these come after it.
        if (optionsAt < code.length()) {
            try {
                // "--input (1, 784)" as Python prints shapes: one word, not two.
                String options = BRACKETED.matcher(code.substring(optionsAt))
                        .replaceAll(match -> match.group().replaceAll("\\s+", ""));
                new CommandLine(this).parseArgs(MagicArguments.split(options).toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new MagicException("%summary: " + e.getMessage());
            }
        }
        List<long[]> shapes = new ArrayList<>();
        for (String input : inputs) {
            shapes.add(shape(input));
        }
        context.runCell(NotebookApi.summary(expression, shapes), true);
    }

    /** "1,784", "(1, 784)", "1x784" or "[1 784]" as dimensions. */
    static long[] shape(String text) throws MagicException {
        String inner = text.strip().replaceAll("^\\((.*)\\)$|^\\[(.*)]$", "$1$2").strip();
        if (!SHAPE.matcher(inner).matches()) {
            throw new MagicException("%summary: '" + text + "' is not a shape: give positive dimensions separated by "
                    + "commas, batch first, as in --input 1,784");
        }
        String[] parts = inner.split("\\s*[,x\\s]\\s*");
        long[] dimensions = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            dimensions[i] = Long.parseLong(parts[i]);
        }
        return dimensions;
    }
}
