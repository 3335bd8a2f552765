package io.djinn.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec(new MessageSigner("secret", "hmac-sha256"));

    private List<byte[]> encodedRequest() {
        JsonObject content = new JsonObject();
        content.addProperty("code", "1 + 1");
        Message request = codec.create(null, "execute_request", content, List.of("client".getBytes()));
        return codec.encode(request);
    }

    @Test
    void roundTrips() throws BadMessageException {
        Message decoded = codec.decode(encodedRequest());
        assertEquals("execute_request", decoded.type());
        assertEquals("1 + 1", decoded.string("code", ""));
        assertEquals("client", new String(decoded.identities().get(0)));
    }

    @Test
    void knownHmacValue() {
        // HMAC-SHA256("secret", "{}{}{}{}"), computed independently with Python's hmac module.
        MessageSigner signer = new MessageSigner("secret", "hmac-sha256");
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals("34982f0bfec60e7b933ffde06c1ecab0fba073717a95ab943d1dd06f82c2d5e4",
                signer.sign(List.of(empty, empty, empty, empty)));
    }

    @Test
    void tamperedContentIsRejected() {
        List<byte[]> frames = new ArrayList<>(encodedRequest());
        frames.set(frames.size() - 1, "{\"code\":\"System.exit(0)\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("bad signature", assertThrows(BadMessageException.class, () -> codec.decode(frames)).getMessage());
    }

    @Test
    void missingSignatureIsRejected() {
        List<byte[]> frames = new ArrayList<>(encodedRequest());
        frames.set(2, new byte[0]);
        assertEquals("unsigned message", assertThrows(BadMessageException.class, () -> codec.decode(frames)).getMessage());
    }

    @Test
    void otherKeyIsRejected() {
        MessageCodec other = new MessageCodec(new MessageSigner("other", "hmac-sha256"));
        assertThrows(BadMessageException.class, () -> other.decode(encodedRequest()));
    }

    @Test
    void malformedFramesAreRejected() {
        assertThrows(BadMessageException.class, () -> codec.decode(List.of("x".getBytes())));
        List<byte[]> truncated = new ArrayList<>(encodedRequest().subList(0, 4));
        assertThrows(BadMessageException.class, () -> codec.decode(truncated));
    }

    @Test
    void unsignedKernelAcceptsAnyMessage() throws BadMessageException {
        MessageCodec open = new MessageCodec(new MessageSigner("", "hmac-sha256"));
        List<byte[]> frames = new ArrayList<>(open.encode(open.create(null, "kernel_info_request", new JsonObject(), List.of())));
        assertEquals("", new String(frames.get(1)));
        assertEquals("kernel_info_request", open.decode(frames).type());
    }

    @Test
    void nonObjectJsonIsRejected() {
        MessageCodec open = new MessageCodec(new MessageSigner("", "hmac-sha256"));
        List<byte[]> frames = List.of("<IDS|MSG>".getBytes(), new byte[0], "[]".getBytes(), "{}".getBytes(),
                "{}".getBytes(), "{}".getBytes());
        assertEquals("header is not a JSON object",
                assertThrows(BadMessageException.class, () -> open.decode(frames)).getMessage());
    }
}
