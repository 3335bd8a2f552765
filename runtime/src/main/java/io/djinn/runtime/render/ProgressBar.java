package io.djinn.runtime.render;

import java.util.Locale;

/** A progress bar as HTML (a bar filled to a fraction, the text beside it), and elapsed times as a clock. */
public final class ProgressBar {

    public static final String RUNNING = "#4b2a86";
    public static final String DONE = "#3a7d44";
    public static final String STOPPED = "#b03a2e";

    private ProgressBar() {}

    /** A bar filled to the fraction, in the given colour, with the text beside it. */
    public static String html(String cssClass, int widthPx, double fraction, String color, String text) {
        return "<div class=\"" + cssClass + "\" style=\"display:flex;align-items:center;gap:8px;font-family:"
                + "monospace\"><div style=\"width:" + widthPx + "px;height:12px;border:1px solid #999;border-radius:3px\">"
                + "<div style=\"height:100%;width:" + String.format(Locale.ROOT, "%.1f", 100 * fraction) + "%;background:"
                + color + "\"></div></div><span>" + Html.escape(text) + "</span></div>";
    }

    /** "01:05", or "1:02:03" past an hour. */
    public static String clock(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole % 3600 / 60, whole % 60)
                : String.format(Locale.ROOT, "%02d:%02d", whole / 60, whole % 60);
    }
}
