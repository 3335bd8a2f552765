package io.djinn.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JniBuildInfoTest {

    @TempDir
    Path dir;

    @Test
    void writtenBesideTheLibraryAndReadThroughALinkToIt() throws IOException {
        Path library = Files.writeString(Files.createDirectories(dir.resolve("built")).resolve("libdjl_torch.so"), "");
        JniBuildInfo info = new JniBuildInfo("0.35.1", "2.11.0+cu130", "/opt/torch", false, "g++ (GCC) 12.2.0",
                "2026-12-01T20:00:00Z");
        info.writeBeside(library);
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("cache")).resolve("0.35.1-libdjl_torch.so"),
                library);
        assertEquals(Optional.of(info), JniBuildInfo.readBeside(link));
        assertTrue(info.describe().endsWith("without DJL's CUDA code, so %memory --empty-cache cannot empty the CUDA "
                + "cache"), info.describe());
        assertEquals(Optional.empty(), JniBuildInfo.readBeside(link.resolveSibling("missing.so")));
        Files.writeString(library.resolveSibling(JniBuildInfo.FILE_NAME), "djl.version=0.35.1\n");
        assertEquals(Optional.empty(), JniBuildInfo.readBeside(library), "a record without the libtorch is no record");
    }
}
