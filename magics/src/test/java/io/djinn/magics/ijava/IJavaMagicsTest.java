package io.djinn.magics.ijava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.MagicException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IJavaMagicsTest {

    @Test
    void pomFragmentsAndWholePomsParse() throws MagicException {
        Model fragment = LoadFromPomMagic.parse("<dependency><groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>1</version></dependency>");
        assertEquals("a", fragment.getDependencies().get(0).getArtifactId());
        Model whole = LoadFromPomMagic.parse("<project><repositories><repository><id>r</id><url>https://example.org/m2</url>"
                + "</repository></repositories><dependencies><dependency><groupId>g</groupId><artifactId>b</artifactId>"
                + "<version>2</version></dependency></dependencies></project>");
        assertEquals("r", whole.getRepositories().get(0).getId());
        assertEquals("b", whole.getDependencies().get(0).getArtifactId());
    }

    @Test
    void unreadablePomIsAClearError() {
        MagicException error = assertThrows(MagicException.class, () -> LoadFromPomMagic.parse("<dependency><oops>"));
        assertTrue(error.getMessage().startsWith("%%loadFromPOM: the body is not a readable POM"), error.getMessage());
    }

    @Test
    void notebookCodeCellsInOrder(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("n.ipynb");
        Files.writeString(notebook, "{\"nbformat\":4,\"cells\":["
                + "{\"cell_type\":\"markdown\",\"source\":[\"# title\"]},"
                + "{\"cell_type\":\"code\",\"source\":[\"int a = 1;\\n\",\"int b = 2;\"]},"
                + "{\"cell_type\":\"code\",\"source\":\"   \"},"
                + "{\"cell_type\":\"code\",\"source\":\"a + b\"}]}");
        assertEquals(List.of("int a = 1;\nint b = 2;", "a + b"), LoadMagic.notebookCodeCells(notebook));
    }

    @Test
    void loadTriesIJavasExtensionsInIJavasOrder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("utils"));
        Files.writeString(dir.resolve("utils/imports.ipynb"), "{}");
        Files.writeString(dir.resolve("utils/imports.java"), "");
        Files.writeString(dir.resolve("utils/Plain"), "");
        assertEquals(dir.resolve("utils/imports.java"), LoadMagic.resolve(dir.resolve("notebooks"), "../utils/imports"));
        assertEquals(dir.resolve("utils/imports.ipynb"), LoadMagic.resolve(dir, "utils/imports.ipynb"));
        assertEquals(dir.resolve("utils/Plain"), LoadMagic.resolve(dir, "utils/Plain"));
        MagicException missing = assertThrows(MagicException.class, () -> LoadMagic.resolve(dir, "utils/none"));
        assertEquals("%load: no file " + dir.resolve("utils/none") + " (nor with .jsh, .jshell, .java, .ijava, .ipynb)",
                missing.getMessage());
    }

    @Test
    void globsExpandAndMissingFilesAreErrors(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/b.jar"), "");
        Files.writeString(dir.resolve("lib/a.jar"), "");
        Files.writeString(dir.resolve("lib/notes.txt"), "");
        assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar")),
                ClasspathEntries.expand(dir, List.of("lib/*.jar"), true));
        assertEquals(List.of(dir.resolve("lib")), ClasspathEntries.expand(dir, List.of("lib"), false));
        MagicException error = assertThrows(MagicException.class,
                () -> ClasspathEntries.expand(dir, List.of("lib/*.zip"), true));
        assertTrue(error.getMessage().startsWith("No jar matches 'lib/*.zip'"), error.getMessage());
    }
}
