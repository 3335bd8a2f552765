package io.djinn.kernel.output;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * When the notebook gets plotly.js, event by event, as a person works: charts first shown, updated in place,
 * cells cleared and re-run. The rule checked throughout: while any output shows a chart, one output carries
 * the library.
 */
class PlotlyCarrierTest {

    private final PlotlyCarrier carrier = new PlotlyCarrier(true);

    @Test
    void theFirstChartOfASessionGetsTheLibraryAtOnceAndLaterChartsDoNot() {
        carrier.cellStarted("a");
        assertTrue(carrier.chartShown("chart-1", false), "the page has no plotly.js yet");
        assertFalse(carrier.chartShown(null, false));
        assertFalse(carrier.cellEnded());
        carrier.cellStarted("b");
        assertFalse(carrier.chartShown(null, false));
        assertFalse(carrier.cellEnded());
    }

    @Test
    void updatingTheFirstChartInPlaceLeavesTheLibraryWhereItIs() {
        // The live-training case: the first chart is redrawn hundreds of times; the library is an output apart.
        carrier.cellStarted("train");
        assertTrue(carrier.chartShown("live", false));
        for (int i = 0; i < 100; i++) {
            assertFalse(carrier.chartShown("live", true));
        }
        assertFalse(carrier.cellEnded());
        carrier.cellStarted("next");
        assertFalse(carrier.chartShown(null, false));
        assertFalse(carrier.cellEnded());
    }

    @Test
    void reRunningTheCarryingCellWhileOtherChartsShowPutsTheLibraryInItAgain() {
        carrier.cellStarted("first");
        assertTrue(carrier.chartShown(null, false));
        carrier.cellEnded();
        carrier.cellStarted("second");
        carrier.chartShown(null, false);
        assertFalse(carrier.cellEnded());

        carrier.cellStarted("first"); // its outputs, the library with them, are gone; "second" still shows a chart
        assertTrue(carrier.cellEnded(), "the re-run cell carries it now, as its last output");
        carrier.cellStarted("third");
        carrier.chartShown(null, false);
        assertFalse(carrier.cellEnded(), "one copy");
    }

    @Test
    void reRunningTheOnlyChartCellWithoutAChartLeavesNoLibraryUntilAChartComesBack() {
        carrier.cellStarted("a");
        carrier.chartShown(null, false);
        carrier.cellEnded();
        carrier.cellStarted("a");
        assertFalse(carrier.cellEnded(), "no chart anywhere: nothing to carry");
        carrier.cellStarted("b");
        assertFalse(carrier.chartShown(null, false), "the page has plotly.js loaded: the chart draws");
        assertTrue(carrier.cellEnded(), "and the saved notebook gets it with this cell");
    }

    @Test
    void clearingTheCarryingCellMovesTheLibraryToItsEnd() {
        carrier.cellStarted("loop");
        assertTrue(carrier.chartShown(null, false));
        for (int epoch = 0; epoch < 20; epoch++) { // clearOutput(); display(chart) in a loop
            carrier.cleared();
            assertFalse(carrier.chartShown(null, false), "not once per redraw: the page has it");
        }
        assertTrue(carrier.cellEnded());
    }

    @Test
    void clearingAnotherCellLeavesTheLibrary() {
        carrier.cellStarted("a");
        carrier.chartShown(null, false);
        carrier.cellEnded();
        carrier.cellStarted("b");
        carrier.chartShown(null, false);
        carrier.cleared();
        assertFalse(carrier.cellEnded());
    }

    @Test
    void anUpdateCountsForTheCellThatShowedTheChart() {
        carrier.cellStarted("a");
        carrier.chartShown("progress-chart", false);
        carrier.cellEnded();
        carrier.cellStarted("b");
        carrier.chartShown("progress-chart", true); // b redraws a's chart: b shows none
        carrier.cellEnded();
        carrier.cellStarted("a"); // a's chart and the library go; b has no chart
        assertFalse(carrier.cellEnded());
    }

    @Test
    void withTheLibraryTurnedOffNothingIsEverPublished() {
        PlotlyCarrier off = new PlotlyCarrier(false);
        off.cellStarted("a");
        assertFalse(off.chartShown(null, false));
        off.cellStarted("a");
        assertFalse(off.cellEnded());
    }
}
