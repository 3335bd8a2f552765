package io.djinn.api;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notebook shows for an object: one representation per mime type, plus metadata.
 * A renderer returns one; {@code display(bundle)} shows it as it is.
 */
public final class MimeBundle implements Displayable {

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String MARKDOWN = "text/markdown";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    public static final String JSON = "application/json";

    private static final Gson GSON = new Gson();

    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    public static MimeBundle text(String text) {
        return new MimeBundle().put(TEXT, text);
    }

    public static MimeBundle html(String html, String plainText) {
        return new MimeBundle().put(TEXT, plainText).put(HTML, html);
    }

    /** A bundle displays as itself. */
    @Override
    public MimeBundle toMimeBundle() {
        return this;
    }

    /** Adds a representation: a String for text types and base64 images, a Map or list for JSON types. */
    public MimeBundle put(String mimeType, Object value) {
        data.put(mimeType, value);
        return this;
    }

    public MimeBundle putMetadata(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** The same bundle with only the given mime types (all of them when the list is empty). */
    public MimeBundle only(Collection<String> mimeTypes) {
        if (mimeTypes.isEmpty()) {
            return this;
        }
        MimeBundle kept = new MimeBundle();
        data.forEach((type, value) -> {
            if (mimeTypes.contains(type)) {
                kept.put(type, value);
            }
        });
        kept.metadata.putAll(metadata);
        return kept;
    }

    public JsonObject toJsonObject() {
        JsonObject json = new JsonObject();
        json.add("data", GSON.toJsonTree(data));
        json.add("metadata", GSON.toJsonTree(metadata));
        return json;
    }

    public String toJson() {
        return toJsonObject().toString();
    }

    @Override
    public String toString() {
        Object text = data.get(TEXT);
        return text != null ? text.toString() : "MimeBundle" + data.keySet();
    }
}
