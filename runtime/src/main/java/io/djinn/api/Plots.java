package io.djinn.api;

import io.djinn.api.plot.Plots.Options;

/** What {@code %plot} runs: shows a quick chart of the data. */
public final class Plots {

    private Plots() {}

    public static void plot(String kind, Object data, String x, String y, String title, String xLabel, String yLabel,
            boolean logX, boolean logY, Integer bins) {
        Display.display(io.djinn.api.plot.Plots.chart(kind, data,
                new Options(x, y, title, xLabel, yLabel, logX, logY, bins)));
    }
}
