package io.djinn.magics.maven;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code %maven} does with a requested artifact, given what the runtime provides: DJL modules
 * move to the provided DJL version, other engines and second copies of provided libraries are refused.
 */
public final class DjlAlignment {

    /** The outcome for one coordinate; {@code coordinate} is what to resolve when {@code resolve}. */
    public record Decision(boolean resolve, String coordinate, Optional<String> message) {}

    // Engines whose natives would fight the PyTorch engine that Djinn loads.
    private static final List<String> OTHER_ENGINE_GROUPS = List.of(
            "ai.djl.mxnet", "ai.djl.tensorflow", "ai.djl.paddlepaddle", "ai.djl.tflite", "ai.djl.onnxruntime",
            "ai.djl.tensorrt", "ai.djl.llama", "ai.djl.ml.xgboost", "ai.djl.ml.lightgbm", "ai.djl.fasttext");

    // What code written for another engine meets on PyTorch; the MXNet rules were met running the Java
    // edition of Dive into Deep Learning, and the kernel names them again where a cell fails on one.
    private static final Map<String, String> ENGINE_DIFFERENCES = Map.of(
            "ai.djl.mxnet", " Code written for MXNet runs through the same DJL API where the engines agree; where they"
                    + " differ, the error says so: operators only MXNet has (NDArray.sequenceMask, batchDot, random multinomial),"
                    + " in-place changes to arrays that record gradients, dot() of arrays over 2-D, pooling padding over"
                    + " half the kernel; random numbers differ from the book's printed outputs, and MXNet models"
                    + " (.params files, the MXNet model zoo) need that engine.",
            "ai.djl.tensorflow", " Models saved by TensorFlow need that engine; DJL's API itself is the same.",
            "ai.djl.onnxruntime", " ONNX models need that engine; PyTorch loads TorchScript (.pt) models.");

    private final ProvidedArtifacts provided;
    private final String djlVersion;

    public DjlAlignment(ProvidedArtifacts provided) {
        this.provided = provided;
        this.djlVersion = provided.version("ai.djl", "api").orElse(null);
    }

    public Decision decide(Coordinate requested) {
        String group = requested.groupId();
        if (OTHER_ENGINE_GROUPS.contains(group)) {
            return refuse(requested, requested.groupAndArtifact() + " is another deep-learning engine: Djinn provides"
                    + " the PyTorch engine (ai.djl.pytorch " + djlVersion + ") and loads no second engine."
                    + ENGINE_DIFFERENCES.getOrDefault(group, ""));
        }
        Optional<String> providedVersion = provided.version(group, requested.artifactId());
        if (providedVersion.isPresent()) {
            return refuse(requested, requested.groupAndArtifact() + " is provided by Djinn (" + providedVersion.get()
                    + "); a second copy is not loaded." + olderApi(requested, providedVersion.get()));
        }
        if (djlVersion != null && (group.equals("ai.djl") || group.startsWith("ai.djl."))
                && !djlVersion.equals(requested.version())) {
            Coordinate aligned = requested.withVersion(djlVersion);
            return new Decision(true, aligned.toString(), Optional.of("Loaded " + requested.groupAndArtifact() + " "
                    + djlVersion + " instead of " + requested.version()
                    + ": DJL modules must match the DJL version Djinn provides."));
        }
        return new Decision(true, requested.toString(), Optional.empty());
    }

    /** For code written against an older Tablesaw: what changed since that such code meets. */
    private static String olderApi(Coordinate requested, String providedVersion) {
        if (!requested.groupId().equals("tech.tablesaw") || requested.version().equals(providedVersion)) {
            return "";
        }
        return " Code written for " + requested.version() + " may call methods renamed since (Table.select(...) is"
                + " selectColumns(...) in " + providedVersion + ").";
    }

    private static Decision refuse(Coordinate requested, String why) {
        return new Decision(false, requested.toString(), Optional.of("Not loaded: " + why));
    }
}
