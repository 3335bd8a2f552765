package io.djinn.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures of the four JSON parts of a message, as the Jupyter protocol defines them.
 * An empty key disables signing (Jupyter's own convention); any key makes every message checked.
 */
public final class MessageSigner {

    private final SecretKeySpec key;
    private final String algorithm;
    private final ThreadLocal<Mac> macs;

    public MessageSigner(String key, String signatureScheme) {
        if (!signatureScheme.startsWith("hmac-")) {
            throw new IllegalArgumentException("unsupported signature scheme " + signatureScheme);
        }
        // hmac-sha256 -> HmacSHA256
        this.algorithm = "Hmac" + signatureScheme.substring(5).toUpperCase().replace("-", "");
        this.key = key.isEmpty() ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm);
        this.macs = ThreadLocal.withInitial(this::newMac);
        if (this.key != null) {
            newMac();
        }
    }

    public boolean enabled() {
        return key != null;
    }

    public String sign(List<byte[]> parts) {
        if (key == null) {
            return "";
        }
        Mac mac = macs.get();
        for (byte[] part : parts) {
            mac.update(part);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Constant-time comparison, so that timing does not reveal how much of a forged signature matched. */
    public boolean verify(String signature, List<byte[]> parts) {
        if (key == null) {
            return true;
        }
        byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }
}
