package io.djinn.kernel.install;

import io.djinn.kernel.runtime.RuntimeJars;
import io.djinn.kernel.runtime.TorchFlavor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads the PyTorch engine in a JVM set up like a runtime for a libtorch choice, and runs one tensor op there. */
final class EngineProbe {

    private EngineProbe() {}

    /** The runtime's report line ({@code libtorch VERSION FLAVOR DIRECTORY}), or null when the engine failed. */
    static String load(TorchFlavor.Choice choice, RuntimeJars jars, Path cacheDirectory, boolean offline, Path java)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add((java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java")).toString());
        command.addAll(choice.jvmOptions(cacheDirectory, offline));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        // Without a GPU (the usual case while an image is built) DJL warns twice that it found none.
        command.add("-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, jars.classpath(choice)));
        command.add("io.djinn.runtime.PrepareNatives");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.waitFor() == 0 ? report : null;
    }
}
