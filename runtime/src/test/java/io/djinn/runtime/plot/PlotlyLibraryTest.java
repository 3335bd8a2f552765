package io.djinn.runtime.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlotlyLibraryTest {

    @AfterEach
    void restore() {
        System.clearProperty("djinn.plotly.js");
        PlotlyLibrary.reset();
    }

    @Test
    void theFirstChartOfASessionCarriesTheLibraryOnce() {
        PlotlyLibrary.reset();
        String first = PlotlyLibrary.scriptOnce();
        assertTrue(first.startsWith("<script") && first.length() > 1_000_000, "length " + first.length());
        assertEquals("", PlotlyLibrary.scriptOnce());
    }

    @Test
    void noneLeavesTheLibraryOut() {
        System.setProperty("djinn.plotly.js", "none");
        PlotlyLibrary.reset();
        assertEquals("", PlotlyLibrary.scriptOnce());
        System.clearProperty("djinn.plotly.js");
        assertTrue(PlotlyLibrary.scriptOnce().startsWith("<script"), "inline again once the setting is gone");
    }
}
