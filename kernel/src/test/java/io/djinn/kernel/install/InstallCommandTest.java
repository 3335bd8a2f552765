package io.djinn.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InstallCommandTest {

    @Test
    void kernelJsonUsesMessageInterruptsAndCarriesOptions() {
        InstallCommand install = new InstallCommand();
        new CommandLine(install).parseArgs("--display-name", "Java GPU", "--jvm-opt=-Xmx8g", "--jvm-opt=-Dx=1",
                "--kernel-jvm-opt=-XX:+UseSerialGC", "--env", "DJINN_TIMEOUT=1000", "--java", "/opt/jdk/bin/java",
                "--torch-flavor", "cu128");
        JsonObject spec = JsonParser.parseString(install.kernelJson(Path.of("/opt/djinn/djinn.jar"), List.of())).getAsJsonObject();
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("Java GPU", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("[\"/opt/jdk/bin/java\",\"-XX:TieredStopAtLevel=1\",\"-XX:+UseSerialGC\",\"-XX:+UseSerialGC\",\"-jar\",\"/opt/djinn/djinn.jar\",\"kernel\","
                + "\"{connection_file}\"]", spec.get("argv").toString());
        assertEquals("-Xmx8g -Dx=1", spec.getAsJsonObject("env").get("DJINN_JVM_OPTS").getAsString());
        assertEquals("1000", spec.getAsJsonObject("env").get("DJINN_TIMEOUT").getAsString());
        assertEquals("cu128", spec.getAsJsonObject("env").get("DJINN_TORCH_FLAVOR").getAsString());
    }

    @Test
    void aBadTorchFlavorIsRefusedBeforeAnythingIsWritten(@org.junit.jupiter.api.io.TempDir Path prefix) throws Exception {
        InstallCommand install = new InstallCommand();
        int status = new CommandLine(install).execute("--prefix", prefix.toString(), "--torch-flavor", "gpu");
        assertEquals(2, status);
        assertEquals(false, java.nio.file.Files.exists(prefix.resolve("share")));
    }

    @Test
    void theJvmCachesOptionsComeBeforeTheJarAndABadValueIsRefused(@org.junit.jupiter.api.io.TempDir Path prefix) {
        InstallCommand install = new InstallCommand();
        new CommandLine(install).parseArgs("--java", "/opt/jdk/bin/java");
        JsonObject spec = JsonParser.parseString(install.kernelJson(Path.of("/opt/djinn/djinn.jar"),
                List.of("-XX:AOTCache=/k/kernel.aot", "-Ddjinn.runtimeJvmCache=/k/runtime.aot"))).getAsJsonObject();
        assertEquals("[\"/opt/jdk/bin/java\",\"-XX:TieredStopAtLevel=1\",\"-XX:+UseSerialGC\",\"-XX:AOTCache=/k/kernel.aot\","
                + "\"-Ddjinn.runtimeJvmCache=/k/runtime.aot\",\"-jar\",\"/opt/djinn/djinn.jar\",\"kernel\",\"{connection_file}\"]",
                spec.get("argv").toString());

        assertEquals(2, new CommandLine(new InstallCommand()).execute("--prefix", prefix.toString(), "--jvm-caches", "on"));
        assertEquals(false, java.nio.file.Files.exists(prefix.resolve("share")));
    }

    @Test
    void locations() throws Exception {
        KernelSpecLocation location = new KernelSpecLocation();
        new CommandLine(location).parseArgs("--prefix", "/tmp/p", "--name", "Djinn-GPU");
        assertEquals(Path.of("/tmp/p/share/jupyter/kernels/djinn-gpu"), location.kernelDirectory(Map.of()));
        assertEquals(Path.of("/data/jupyter"), KernelSpecLocation.userDataDir(Map.of("JUPYTER_DATA_DIR", "/data/jupyter")));
    }

    @Test
    void conflictingLocationsAndBadNamesAreRefused() {
        KernelSpecLocation both = new KernelSpecLocation();
        new CommandLine(both).parseArgs("--user", "--prefix", "/tmp/p");
        assertThrows(IllegalArgumentException.class, () -> both.kernelDirectory(Map.of()));
        KernelSpecLocation badName = new KernelSpecLocation();
        new CommandLine(badName).parseArgs("--name", "../escape");
        assertThrows(IllegalArgumentException.class, () -> badName.kernelDirectory(Map.of()));
    }
}
