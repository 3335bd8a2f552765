package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibtorchTest {

    @TempDir
    Path dir;

    private Path layout(String name, String file, String content) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/libtorch.so"), "");
        Files.writeString(home.resolve(file), content);
        return home;
    }

    @Test
    void aPipCpuWheelFromItsPackageOrItsLibDirectory() throws IOException {
        // torch 2.13's version.py, as the wheel ships it.
        Path torch = layout("torch", "version.py", "from typing import Optional\n\n__version__ = '2.13.0+cpu'\n"
                + "debug = False\ncuda: Optional[str] = None\ngit_version = 'cf30153c'\n");
        for (Path given : new Path[] {torch, torch.resolve("lib")}) {
            Libtorch libtorch = Libtorch.inspect(given);
            assertEquals(torch, libtorch.home());
            assertEquals("2.13.0+cpu", libtorch.version());
            assertEquals("2.13.0", libtorch.baseVersion());
            assertFalse(libtorch.isCuda());
            assertEquals("cpu", libtorch.flavor());
            assertFalse(libtorch.matches("2.7.1"));
        }
    }

    @Test
    void aPipCudaWheelSaysItsCudaVersion() throws IOException {
        Libtorch libtorch = Libtorch.inspect(layout("torch", "version.py",
                "__version__ = '2.11.0+cu130'\ncuda: Optional[str] = '13.0'\n"));
        assertEquals("13.0", libtorch.cuda());
        assertEquals("cu130", libtorch.flavor());
    }

    @Test
    void anUnpackedLibtorchArchiveHasBuildVersion() throws IOException {
        Libtorch cuda = Libtorch.inspect(layout("libtorch", "build-version", "2.7.1+cu128\n"));
        assertEquals("2.7.1+cu128", cuda.version());
        assertEquals("cu128", cuda.flavor());
        assertTrue(cuda.matches("2.7.1"));
        assertEquals("cpu", Libtorch.inspect(layout("libtorch-cpu", "build-version", "2.7.1+cpu")).flavor());
    }

    @Test
    void directoriesWithoutALibtorchSaySo() throws IOException {
        IOException none = assertThrows(IOException.class, () -> Libtorch.inspect(Files.createDirectories(dir.resolve("x"))));
        assertTrue(none.getMessage().endsWith("holds no lib/libtorch.so: name a torch package (site-packages/torch), "
                + "an unpacked libtorch, or its lib directory"), none.getMessage());
        Path unversioned = Files.createDirectories(dir.resolve("bare/lib"));
        Files.writeString(unversioned.resolve("libtorch.so"), "");
        IOException unknown = assertThrows(IOException.class, () -> Libtorch.inspect(unversioned));
        assertTrue(unknown.getMessage().contains("does not say which libtorch it is"), unknown.getMessage());
        assertTrue(Libtorch.find(unversioned).isEmpty());
    }
}
