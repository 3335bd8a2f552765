package io.djinn.kernel.output;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Properties;

/**
 * plotly.js as a notebook output of its own, so that charts draw offline wherever a notebook's HTML outputs run
 * scripts (JupyterLab without plotly's extension, Notebook 7, nbconvert's HTML export). The library comes from
 * the plotly.js-dist webjar on Maven Central, gzipped at build time: 11.2 MB of script travel as 2.7 MB of
 * base64, which the browser unpacks itself ({@code DecompressionStream}). Charts drawn before it has loaded wait
 * in {@code window.djinnPlotlyQueue}; the output draws them once plotly.js is defined.
 */
final class PlotlyLibrary {

    private static final String RESOURCE = "plotly.js.gz";
    private static volatile JsonObject content;

    private PlotlyLibrary() {}

    /** The display_data content carrying the library (built once, on first use). */
    static JsonObject displayContent() {
        JsonObject built = content;
        if (built == null) {
            synchronized (PlotlyLibrary.class) {
                if (content == null) {
                    content = build();
                }
                built = content;
            }
        }
        return built.deepCopy();
    }

    static String version() {
        try (InputStream in = PlotlyLibrary.class.getResourceAsStream("plotly.properties")) {
            if (in == null) {
                throw new IllegalStateException("plotly.properties is missing from the kernel jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzipped() {
        try (InputStream in = PlotlyLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kernel jar (made at build time)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject build() {
        String version = version();
        // AMD's define is hidden while plotly.js runs, so that it sets window.Plotly also where RequireJS is
        // loaded (nbconvert's pages). A second copy in the same page (an older session's output) does nothing.
        String html = "<div class=\"djinn-plotly-library\" data-version=\"" + version + "\" style=\"display:none;"
                + "font:12px sans-serif;color:#a00\"></div>"
                + "<script type=\"text/javascript\">(function(){"
                + "if(window.Plotly||window.djinnPlotlyLoading){return;}"
                + "var note=document.currentScript&&document.currentScript.previousElementSibling;"
                + "var fail=function(why){window.djinnPlotlyLoading=false;if(note){note.style.display='block';"
                + "note.textContent='plotly.js " + version + " could not be unpacked here, so charts stay blank: '+why;}};"
                + "if(!window.DecompressionStream){fail('this browser lacks DecompressionStream (Chrome 80, "
                + "Firefox 113, Safari 16.4 have it)');return;}"
                + "window.djinnPlotlyLoading=true;"
                + "var packed=atob('" + Base64.getEncoder().encodeToString(gzipped()) + "');"
                + "var bytes=new Uint8Array(packed.length);"
                + "for(var i=0;i<packed.length;i++){bytes[i]=packed.charCodeAt(i);}"
                + "new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()"
                + ".then(function(source){var hiddenDefine=window.define;window.define=undefined;"
                + "try{(0,eval)(source);}finally{window.define=hiddenDefine;}"
                + "window.djinnPlotlyLoading=false;var queued=window.djinnPlotlyQueue||[];window.djinnPlotlyQueue=[];"
                + "queued.forEach(function(draw){try{draw();}catch(e){console.error(e);}});})"
                + ".catch(function(e){fail(String(e));});"
                + "})();</script>";
        JsonObject data = new JsonObject();
        data.addProperty("text/html", html);
        JsonObject content = new JsonObject();
        content.add("data", data);
        content.add("metadata", new JsonObject());
        content.add("transient", new JsonObject());
        return content;
    }
}
