package io.djinn.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmCachesTest {

    @Test
    void whatAJdkCanRecordComesFromItsFlags() {
        String jdk25 = "     ccstr AOTCacheOutput                           =                               {product} {default}\n"
                + "     ccstr ArchiveClassesAtExit                     =                               {product} {default}\n";
        String jdk17 = "     ccstr ArchiveClassesAtExit                     =                               {product} {default}\n"
                + "     ccstr SharedArchiveFile                        =                               {product} {default}\n";
        assertEquals(JvmCaches.Kind.AHEAD_OF_TIME, JvmCaches.Kind.of(jdk25));
        assertEquals(JvmCaches.Kind.KERNEL_CLASS_DATA, JvmCaches.Kind.of(jdk17));
        // A flag whose name only contains another's is not that flag.
        assertEquals(JvmCaches.Kind.NONE, JvmCaches.Kind.of("     ccstr SharedArchiveFile = {product}\n"
                + "     bool AOTCacheOutputVerbose = false {product}\n"));
    }

    @Test
    void eachKindRecordsAndStartsFromItsOwnFile() {
        Path directory = Path.of("/k");
        JvmCaches.Kind classData = JvmCaches.Kind.KERNEL_CLASS_DATA;
        assertEquals("-XX:ArchiveClassesAtExit=/k/kernel.jsa", classData.recordOption(directory.resolve(classData.file)));
        assertEquals("-XX:SharedArchiveFile=/k/kernel.jsa", classData.useOption(directory.resolve(classData.file)));
        JvmCaches.Kind aot = JvmCaches.Kind.AHEAD_OF_TIME;
        assertEquals("-XX:AOTCacheOutput=/k/kernel.aot", aot.recordOption(directory.resolve(aot.file)));
        assertEquals("-XX:AOTCache=/k/kernel.aot", aot.useOption(directory.resolve(aot.file)));
    }

    @Test
    void theJdkRunningTheTestsIsProbedForReal() throws Exception {
        int feature = Runtime.version().feature();
        JvmCaches.Kind expected = feature >= 25 ? JvmCaches.Kind.AHEAD_OF_TIME : JvmCaches.Kind.KERNEL_CLASS_DATA;
        assertEquals(expected, JvmCaches.kind(Path.of(System.getProperty("java.home"), "bin", "java")));
    }

    @Test
    void aJavaThatCannotRunRecordsNothing(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Path notJava = directory.resolve("java");
        java.nio.file.Files.writeString(notJava, "#!/bin/sh\nexit 1\n");
        notJava.toFile().setExecutable(true);
        assertEquals(JvmCaches.Kind.NONE, JvmCaches.kind(notJava));
    }
}
