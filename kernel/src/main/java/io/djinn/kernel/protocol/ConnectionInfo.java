package io.djinn.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The connection file Jupyter writes for a kernel: where to bind and how to sign. */
public record ConnectionInfo(String transport, String ip, int shellPort, int iopubPort, int stdinPort,
        int controlPort, int hbPort, String key, String signatureScheme) {

    public static ConnectionInfo read(Path file) throws IOException {
        JsonObject json;
        try {
            json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException("connection file " + file + " is not a JSON object: " + e.getMessage(), e);
        }
        String scheme = json.has("signature_scheme") ? json.get("signature_scheme").getAsString() : "hmac-sha256";
        return new ConnectionInfo(
                json.has("transport") ? json.get("transport").getAsString() : "tcp",
                json.get("ip").getAsString(),
                json.get("shell_port").getAsInt(),
                json.get("iopub_port").getAsInt(),
                json.get("stdin_port").getAsInt(),
                json.get("control_port").getAsInt(),
                json.get("hb_port").getAsInt(),
                json.has("key") ? json.get("key").getAsString() : "",
                scheme);
    }

    /** The address to bind a channel to: the connection file's address only, never a wildcard. */
    public String address(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }
}
