package io.djinn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void djinnNamesWinOverIJavaNames() {
        Env env = new Env(Map.of("DJINN_JVM_OPTS", "-Xmx2g", "IJAVA_JVM_OPTS", "-Xmx1g"));
        assertEquals("-Xmx2g", env.runtimeJvmOptions());
    }

    @Test
    void theOptionsJavaReadsByItselfAreOneWordEach() {
        Env env = new Env(Map.of("JAVA_TOOL_OPTIONS", " -XX:+UseG1GC  -Xss2m", "JDK_JAVA_OPTIONS", "-Xmx4g\t-Dx=1"));
        assertEquals(List.of("-XX:+UseG1GC", "-Xss2m", "-Xmx4g", "-Dx=1"), env.javaOptionsFromEnvironment());
        assertEquals(List.of(), new Env(Map.of()).javaOptionsFromEnvironment());
    }

    @Test
    void ijavaNamesStillWork() {
        Env env = new Env(Map.of("IJAVA_CLASSPATH", "a.jar" + File.pathSeparator + " b.jar ",
                "IJAVA_STARTUP_SCRIPT", "int x = 1;", "IJAVA_TIMEOUT", "5000"));
        assertEquals(List.of("a.jar", "b.jar"), env.classpath());
        assertEquals("int x = 1;", env.startupScript());
        assertEquals(5000, env.cellTimeoutMillis());
    }

    @Test
    void defaults() {
        Env env = new Env(Map.of("XDG_CACHE_HOME", "/cache"));
        assertEquals(-1, env.cellTimeoutMillis());
        assertEquals(Path.of("/cache/djinn/djl"), env.djlCacheDir());
        assertFalse(env.offline());
        assertTrue(env.engineWarmup());
        assertEquals("warn", env.logLevel());
        assertEquals(List.of(), env.classpath());
        assertEquals(8L * 1024 * 1024, env.outputLimitBytes());
        assertEquals(0, new Env(Map.of("DJINN_OUTPUT_LIMIT_MB", "0")).outputLimitBytes());
        assertEquals(512 * 1024, new Env(Map.of("DJINN_OUTPUT_LIMIT_MB", "0.5")).outputLimitBytes());
    }

    @Test
    void theLauncherIsJupytersParentPidWhenItIsANumber() {
        assertEquals(OptionalLong.of(4242), new Env(Map.of("JPY_PARENT_PID", " 4242 ")).launcherPid());
        assertEquals(OptionalLong.empty(), new Env(Map.of()).launcherPid());
        // Jupyter's variable, not the user's: a malformed one means no launcher, not a kernel that cannot start.
        assertEquals(OptionalLong.empty(), new Env(Map.of("JPY_PARENT_PID", "abc")).launcherPid());
    }

    @Test
    void plotlyJsIsInlineUnlessTurnedOff() {
        assertEquals("inline", new Env(Map.of()).plotlyJs());
        assertEquals("none", new Env(Map.of("DJINN_PLOTLY_JS", " none ")).plotlyJs());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Env(Map.of("DJINN_PLOTLY_JS", "cdn")).plotlyJs());
        assertEquals("DJINN_PLOTLY_JS must be inline or none, not 'cdn'", error.getMessage());
    }

    @Test
    void badTimeoutIsExplained() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Env(Map.of("DJINN_TIMEOUT", "soon")).cellTimeoutMillis());
        assertEquals("DJINN_TIMEOUT must be a number of milliseconds, not 'soon'", error.getMessage());
    }

    @Test
    void codePointsAndCharsConvertBothWays() {
        String text = "😀ab";
        assertEquals(3, CodePoints.toCharIndex(text, 2));
        assertEquals(2, CodePoints.toCodePointIndex(text, 3));
        assertEquals(text.length(), CodePoints.toCharIndex(text, 99));
    }
}
