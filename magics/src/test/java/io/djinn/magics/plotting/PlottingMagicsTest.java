package io.djinn.magics.plotting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.MagicException;
import io.djinn.magics.MagicRegistry;
import io.djinn.magics.RecordingMagicContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How %plot splits its kind, its Java expression and its options, and what it runs. */
class PlottingMagicsTest {

    private static final String PLOT = "io.djinn.api.Plots.plot(";

    private final MagicRegistry registry = new MagicRegistry();
    private final RecordingMagicContext context = new RecordingMagicContext();

    PlottingMagicsTest() {
        PlottingMagics.registerAll(registry);
    }

    private String plotted(String arguments) throws Exception {
        registry.runLine("plot", arguments, context);
        return context.ran.get(context.ran.size() - 1);
    }

    @Test
    void theExpressionIsJavaUpToTheFirstOption() throws Exception {
        assertEquals(PLOT + "\"line\", (Object) (history), new io.djinn.api.Plots.Options(\"epoch\", \"loss,accuracy\", "
                + "\"Training run\", null, null, false, true, null));",
                plotted("line history --x epoch --y loss,accuracy --title \"Training run\" --logy"));
        assertEquals(List.of(false), context.shown, "the chart is displayed by the call, not shown as a value");
    }

    @Test
    void anExpressionMayHoldSpacesQuotesAndDashes() throws Exception {
        String code = plotted("hist m.randomNormal(new Shape(500)).sub(1) --bins 10");
        assertTrue(code.startsWith(PLOT + "\"hist\", (Object) (m.randomNormal(new Shape(500)).sub(1)), "), code);
        assertTrue(code.endsWith(", false, false, 10));"), code);
        assertTrue(plotted("line x.get(\"a -- b\")").contains("(Object) (x.get(\"a -- b\"))"));
    }

    @Test
    void theKindComesFirst() {
        MagicException wrongKind = assertThrows(MagicException.class, () -> registry.runLine("plot", "pie h", context));
        assertEquals("%plot: start with the kind of chart, one of line, scatter, hist, heatmap, image; got 'pie'",
                wrongKind.getMessage());
        MagicException nothing = assertThrows(MagicException.class, () -> registry.runLine("plot", "", context));
        assertTrue(nothing.getMessage().startsWith("%plot: start with the kind of chart"), nothing.getMessage());
    }

    @Test
    void dataIsRequiredAndOptionsAreChecked() {
        MagicException noData = assertThrows(MagicException.class, () -> registry.runLine("plot", "line --logy", context));
        assertEquals("%plot line: give the data to plot, as in %plot line losses", noData.getMessage());
        MagicException badBins = assertThrows(MagicException.class,
                () -> registry.runLine("plot", "hist xs --bins many", context));
        assertTrue(badBins.getMessage().startsWith("%plot: ") && badBins.getMessage().contains("'many'"),
                badBins.getMessage());
        assertEquals(List.of(), context.ran);
    }
}
