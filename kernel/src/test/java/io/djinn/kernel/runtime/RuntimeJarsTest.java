package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeJarsTest {

    private final RuntimeJars jars = new RuntimeJars(List.of(Path.of("runtime/api-0.35.1.jar"),
            Path.of("runtime/djinn-runtime-1.0.jar"), Path.of("runtime/pytorch-engine-0.35.1.jar"),
            Path.of("runtime/pytorch-native-cpu-2.7.1-linux-x86_64.jar")));

    @Test
    void cpuChoiceKeepsTheNativeJarAndCudaDropsIt() {
        var cpu = new TorchFlavor.Choice("cpu", true, Map.of(), "cpu", null, null);
        var cuda = new TorchFlavor.Choice("cu128", false, Map.of("PYTORCH_FLAVOR", "cu128"), "cuda", null, null);
        assertEquals(4, jars.classpath(cpu).size());
        assertEquals(List.of(Path.of("runtime/api-0.35.1.jar").toString(), Path.of("runtime/djinn-runtime-1.0.jar").toString(),
                Path.of("runtime/pytorch-engine-0.35.1.jar").toString()),
                jars.classpath(cuda));
    }

    @Test
    void libtorchVersionAndAgentComeFromTheJarNames() throws IOException {
        assertEquals("2.7.1", jars.libtorchVersion());
        assertEquals("0.35.1", jars.djlVersion());
        // Without the CPU libtorch jar (the prepared device run leaves it out), the JNI jar says it.
        assertEquals("2.7.1", new RuntimeJars(List.of(Path.of("runtime/pytorch-jni-2.7.1-0.35.1.jar"))).libtorchVersion());
        assertEquals(Path.of("runtime/djinn-runtime-1.0.jar"), jars.runtimeAgent());
    }

    @Test
    void missingJarsAreNamedInTheError() {
        var empty = new RuntimeJars(List.of(Path.of("runtime/api-0.35.1.jar")));
        assertEquals("no pytorch-jni-* or pytorch-native-cpu-* jar among the runtime's jars",
                assertThrows(IOException.class, empty::libtorchVersion).getMessage());
        assertEquals("no djinn-runtime jar among the runtime's jars",
                assertThrows(IOException.class, empty::runtimeAgent).getMessage());
        assertEquals("no pytorch-engine-* jar among the runtime's jars",
                assertThrows(IOException.class, empty::djlVersion).getMessage());
    }
}
