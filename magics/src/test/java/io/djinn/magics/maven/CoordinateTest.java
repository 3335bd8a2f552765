package io.djinn.magics.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinateTest {

    @Test
    void parsesEveryForm() {
        assertEquals(new Coordinate("g", "a", "jar", "", "1"), Coordinate.parse("g:a:1"));
        assertEquals(new Coordinate("g", "a", "pom", "", "1"), Coordinate.parse("g:a:pom:1"));
        assertEquals(new Coordinate("g", "a", "jar", "linux-x86_64", "1"), Coordinate.parse("g:a:jar:linux-x86_64:1"));
    }

    @Test
    void printsBackTheSameText() {
        for (String text : new String[] {"g:a:1", "g:a:pom:1", "g:a:jar:linux-x86_64:1"}) {
            assertEquals(text, Coordinate.parse(text).toString());
        }
    }

    @Test
    void rejectsWhatIsNotACoordinate() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Coordinate.parse("junit"));
        assertEquals("'junit' is not a Maven coordinate: expected groupId:artifactId:version", error.getMessage());
    }

    @Test
    void readsTheDependencyListFormat(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("provided-artifacts.txt");
        Files.writeString(list, "\nThe following files have been resolved:\n"
                + "   ai.djl:api:jar:0.35.1:compile -- module ai.djl.api [auto]\n"
                + "   ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64:2.7.1:compile\n"
                + "   com.google.code.gson:gson:jar:2.13.1:compile\n");
        ProvidedArtifacts provided = ProvidedArtifacts.read(list);
        assertEquals("0.35.1", provided.version("ai.djl", "api").orElseThrow());
        assertEquals("2.7.1", provided.version("ai.djl.pytorch", "pytorch-native-cpu").orElseThrow());
        assertEquals(3, provided.all().size());
    }

    @Test
    void centralComesFromMavensSuperPom() {
        var central = MavenResolver.centralRepository();
        assertEquals("central", central.getId());
        assertEquals("https", central.getUrl().substring(0, 5));
    }
}
