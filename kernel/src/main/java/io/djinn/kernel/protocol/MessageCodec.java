package io.djinn.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Turns ZeroMQ frames into checked messages and messages into signed frames. */
public final class MessageCodec {

    public static final String PROTOCOL_VERSION = "5.4";
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final int JSON_PARTS = 4;

    private final MessageSigner signer;
    private final String session = UUID.randomUUID().toString();

    public MessageCodec(MessageSigner signer) {
        this.signer = signer;
    }

    public Message decode(List<byte[]> frames) throws BadMessageException {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            throw new BadMessageException("no <IDS|MSG> delimiter in " + frames.size() + " frames");
        }
        if (frames.size() < delimiter + 2 + JSON_PARTS) {
            throw new BadMessageException("truncated message: " + frames.size() + " frames");
        }
        String signature = new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII);
        List<byte[]> parts = frames.subList(delimiter + 2, delimiter + 2 + JSON_PARTS);
        if (!signer.verify(signature, parts)) {
            throw new BadMessageException(signature.isEmpty() ? "unsigned message" : "bad signature");
        }
        JsonObject header = object(parts.get(0), "header");
        if (!header.has("msg_type") || !header.get("msg_type").isJsonPrimitive()) {
            throw new BadMessageException("header has no msg_type");
        }
        return new Message(
                new ArrayList<>(frames.subList(0, delimiter)),
                header,
                object(parts.get(1), "parent_header"),
                object(parts.get(2), "metadata"),
                object(parts.get(3), "content"),
                new ArrayList<>(frames.subList(delimiter + 2 + JSON_PARTS, frames.size())));
    }

    private static JsonObject object(byte[] json, String part) throws BadMessageException {
        try {
            JsonElement element = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) {
                throw new BadMessageException(part + " is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new BadMessageException(part + " is not valid JSON");
        }
    }

    public List<byte[]> encode(Message message) {
        List<byte[]> parts = List.of(
                bytes(message.header()), bytes(message.parentHeader()),
                bytes(message.metadata()), bytes(message.content()));
        List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
        frames.addAll(message.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(parts).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(parts);
        frames.addAll(message.buffers());
        return frames;
    }

    /** A new message of the given type answering (or caused by) the parent; null parent for none. */
    public Message create(Message parent, String type, JsonObject content, List<byte[]> identities) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", "djinn");
        header.addProperty("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header.addProperty("msg_type", type);
        header.addProperty("version", PROTOCOL_VERSION);
        JsonObject parentHeader = parent == null ? new JsonObject() : parent.header();
        return new Message(identities, header, parentHeader, new JsonObject(), content, List.of());
    }

    private static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
