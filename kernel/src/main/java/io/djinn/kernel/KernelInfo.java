package io.djinn.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.djinn.kernel.protocol.MessageCodec;

/** The kernel_info_reply content. */
final class KernelInfo {

    static final String VERSION = versionOf(KernelInfo.class);

    private KernelInfo() {}

    static JsonObject content() {
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", Runtime.version().toString());
        language.addProperty("mimetype", "text/x-java-source");
        language.addProperty("file_extension", ".jshell");
        language.addProperty("pygments_lexer", "java");
        language.addProperty("codemirror_mode", "text/x-java");
        language.addProperty("nbconvert_exporter", "script");

        JsonArray links = new JsonArray();
        links.add(link("Java API", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"));
        links.add(link("DJL", "https://docs.djl.ai/"));
        links.add(link("Tablesaw", "https://jtablesaw.github.io/tablesaw/"));

        JsonObject content = new JsonObject();
        content.addProperty("status", "ok");
        content.addProperty("protocol_version", MessageCodec.PROTOCOL_VERSION);
        content.addProperty("implementation", "djinn");
        content.addProperty("implementation_version", VERSION);
        content.add("language_info", language);
        content.addProperty("banner", "Djinn " + VERSION + ": Java " + Runtime.version()
                + " with DJL (PyTorch engine) and Tablesaw preloaded. %lsmagic lists the magics.");
        content.add("help_links", links);
        content.addProperty("debugger", false);
        return content;
    }

    private static JsonObject link(String text, String url) {
        JsonObject link = new JsonObject();
        link.addProperty("text", text);
        link.addProperty("url", url);
        return link;
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
