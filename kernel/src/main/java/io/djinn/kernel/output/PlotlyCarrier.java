package io.djinn.kernel.output;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides when the notebook needs plotly.js published (as an output of its own, {@link PlotlyLibrary}), so that a
 * saved notebook holds one copy while any of its outputs shows a chart, whatever the order of displays, updates,
 * clears and re-runs.
 *
 * <p>The library lives in one output, in the cell that last received it (the carrier). Updates never touch it: it
 * has no display id of its own that user code knows. What removes it is what removes a cell's outputs: running that
 * cell again (a frontend clears a cell's outputs when it runs it) or a clear_output in it. Then, if a chart still
 * shows anywhere, the cell that removed it carries a new copy when it ends; before that the page still has
 * plotly.js loaded, so the charts it shows meanwhile draw. The first chart of a session gets the library at once,
 * because the page has none yet.
 *
 * <p>Cells are told apart by the {@code cellId} that JupyterLab, Notebook 7 and nbclient send with each
 * execute_request; without one each request counts as a cell of its own, so a re-run is not seen. What the kernel
 * cannot see (deleting a cell, "Clear All Outputs" in the frontend) can still leave a saved notebook without the
 * library; running any chart cell again puts it back.
 */
final class PlotlyCarrier {

    private final boolean enabled;
    private final Set<String> cellsWithCharts = new HashSet<>();
    private final Map<String, String> cellOfDisplay = new HashMap<>();
    private boolean published;
    private String carrier;
    private String running;

    /** @param enabled false when charts must not carry plotly.js (DJINN_PLOTLY_JS=none) */
    PlotlyCarrier(boolean enabled) {
        this.enabled = enabled;
    }

    /** A cell starts: the frontend has cleared its outputs. */
    synchronized void cellStarted(String cell) {
        running = cell;
        forgetOutputsOf(cell);
    }

    /**
     * A chart is shown, in the running cell or (an update of a display id shown earlier) in the cell that displayed
     * it. Returns whether the library must be published first, in the running cell.
     *
     * @param displayId the chart's display id, or null
     * @param update whether this replaces the output of {@code displayId}
     */
    synchronized boolean chartShown(String displayId, boolean update) {
        String cell = update && displayId != null ? cellOfDisplay.getOrDefault(displayId, running) : running;
        if (displayId != null && !update) {
            cellOfDisplay.put(displayId, cell);
        }
        cellsWithCharts.add(cell);
        if (!enabled || published) {
            return false;
        }
        published = true;
        carrier = running;
        return true;
    }

    /** The running cell cleared its outputs. */
    synchronized void cleared() {
        forgetOutputsOf(running);
    }

    /** The running cell ends. Returns whether the library must be published now, as its last output. */
    synchronized boolean cellEnded() {
        if (!enabled || !published || carrier != null || cellsWithCharts.isEmpty()) {
            return false;
        }
        carrier = running;
        return true;
    }

    private void forgetOutputsOf(String cell) {
        cellsWithCharts.remove(cell);
        cellOfDisplay.values().removeIf(cell::equals);
        if (cell.equals(carrier)) {
            carrier = null;
        }
    }
}
