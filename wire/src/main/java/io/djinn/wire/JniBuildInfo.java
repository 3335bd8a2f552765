package io.djinn.wire;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code djinn build-jni} records beside a DJL JNI library it built ({@value #FILE_NAME}): the kernel
 * checks that the JNI is paired with the libtorch it was built against, and the runtime's {@code %device}
 * says where it came from.
 *
 * @param djlVersion the DJL release whose sources were compiled, e.g. {@code 0.35.1}
 * @param torchVersion the libtorch it was compiled and linked against, e.g. {@code 2.13.0+cpu}
 * @param torchHome that libtorch's directory
 * @param cudaExtras whether DJL's CUDA-only code (emptying the CUDA cache, inference on a separate stream) was
 *     compiled in; false for a CPU libtorch, or a CUDA one whose CUDA headers were not found
 * @param compiler the compiler's first line of {@code --version}
 * @param built when, as an ISO-8601 instant
 */
public record JniBuildInfo(String djlVersion, String torchVersion, String torchHome, boolean cudaExtras,
        String compiler, String built) {

    public static final String FILE_NAME = "djinn-jni.properties";

    public void writeBeside(Path jni) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("djl.version", djlVersion);
        properties.setProperty("torch.version", torchVersion);
        properties.setProperty("torch.home", torchHome);
        properties.setProperty("cuda.extras", Boolean.toString(cudaExtras));
        properties.setProperty("compiler", compiler);
        properties.setProperty("built", built);
        try (Writer out = Files.newBufferedWriter(jni.resolveSibling(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.store(out, "written by djinn build-jni beside " + jni.getFileName());
        }
    }

    /** The record beside a JNI library (symbolic links followed), or empty when there is none or it is unreadable. */
    public static Optional<JniBuildInfo> readBeside(Path jni) {
        try {
            Path file = jni.toRealPath().resolveSibling(FILE_NAME);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            String djl = properties.getProperty("djl.version");
            String torch = properties.getProperty("torch.version");
            if (djl == null || torch == null) {
                return Optional.empty();
            }
            return Optional.of(new JniBuildInfo(djl, torch, properties.getProperty("torch.home", "?"),
                    Boolean.parseBoolean(properties.getProperty("cuda.extras")),
                    properties.getProperty("compiler", "?"), properties.getProperty("built", "?")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One line for {@code %device}. */
    public String describe() {
        return "built by djinn build-jni on " + built + " from DJL " + djlVersion + "'s sources against libtorch "
                + torchVersion + " (" + torchHome + ") with " + compiler
                + (cudaExtras ? "" : torchVersion.contains("+cu") ? "; without DJL's CUDA code, so %memory "
                        + "--empty-cache cannot empty the CUDA cache" : "");
    }
}
