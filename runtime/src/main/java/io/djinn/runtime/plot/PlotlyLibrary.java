package io.djinn.runtime.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * plotly.js from the webjar on the classpath, for charts that draw without a network. The library goes
 * into the output of the first chart of a runtime session only: later charts wait for it, so a notebook
 * carries one copy, not one per chart.
 */
public final class PlotlyLibrary {

    private static final String VERSION = readVersion();
    private static boolean sent;

    private PlotlyLibrary() {}

    private static String readVersion() {
        try (InputStream in = PlotlyLibrary.class.getResourceAsStream("plotly-version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("plotlyjs.version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("plotly-version.properties is missing from the runtime jar", e);
        }
    }

    /**
     * A script element defining window.Plotly, the first time in this session; "" afterwards, and always
     * when the kernel was started with DJINN_PLOTLY_JS=none (system property djinn.plotly.js). AMD's
     * define is hidden while plotly.js runs, so it sets window.Plotly also where RequireJS is loaded
     * (classic Notebook, nbconvert pages); then the charts queued before it arrived are drawn.
     */
    public static synchronized String scriptOnce() {
        if (sent || "none".equals(System.getProperty("djinn.plotly.js"))) {
            return "";
        }
        String script = "<script type=\"text/javascript\">(function(){var hiddenDefine=window.define;"
                + "window.define=undefined;\n" + source() + "\nwindow.define=hiddenDefine;"
                + "var queued=window.djinnPlotlyQueue||[];window.djinnPlotlyQueue=[];"
                + "queued.forEach(function(draw){draw();});})();</script>";
        sent = true;
        return script;
    }

    /** Forgets that the library was sent, so the next chart carries it again. */
    public static synchronized void reset() {
        sent = false;
    }

    static String source() {
        String path = "/META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";
        try (InputStream in = PlotlyLibrary.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js " + VERSION + " is not on the classpath (" + path + ")");
            }
            // "</script>" inside the library would end the element early.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script>", "<\\/script>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
