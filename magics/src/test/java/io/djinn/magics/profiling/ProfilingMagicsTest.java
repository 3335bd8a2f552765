package io.djinn.magics.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import io.djinn.magics.MagicRegistry;
import io.djinn.magics.MavenSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilingMagicsTest {

    /** Records the code the magics run; says "NDArray" is the type of any expression containing "add(". */
    static final class RecordingContext implements MagicContext {
        final List<String> ran = new ArrayList<>();
        final List<Boolean> shown = new ArrayList<>();
        boolean failBody;

        @Override
        public boolean runCell(String source, boolean showValue) {
            ran.add(source);
            shown.add(showValue);
            return !(failBody && !source.startsWith("io.djinn.api."));
        }

        @Override
        public String expressionType(String code) {
            return code.contains("add(") ? "NDArray" : code.endsWith(".close()") ? "void" : null;
        }

        @Override public void addToClasspath(List<Path> entries) {}
        @Override public void print(String text) {}
        @Override public void display(Map<String, String> bundle) {}
        @Override public Path workingDirectory() { return Path.of("/work"); }
        @Override public MavenSession maven() { throw new UnsupportedOperationException(); }
    }

    private final MagicRegistry registry = new MagicRegistry();
    private final RecordingContext context = new RecordingContext();

    ProfilingMagicsTest() {
        ProfilingMagics.registerAll(registry);
    }

    @Test
    void timeitPassesOptionsAndKeepsTheCodeVerbatim() throws Exception {
        registry.runLine("timeit", "-n 100 -r 3 a.add(\"x  y\")", context);
        assertEquals(List.of("io.djinn.api.Timing.timeit(100, 3, false, () -> {\n\nreturn () -> {\n"
                + "io.djinn.api.Timing.consume(a.add(\"x  y\"));\n};\n});"), context.ran);
    }

    @Test
    void attachedValuesAndTheDoubleDash() throws Exception {
        registry.runLine("timeit", "-n100 -q -- -x.close()", context);
        assertTrue(context.ran.get(0).startsWith("io.djinn.api.Timing.timeit(100, 7, true,"), context.ran.get(0));
        assertTrue(context.ran.get(0).contains("\n-x.close();\n"), context.ran.get(0));
    }

    @Test
    void voidAndStatementCodeIsNotConsumed() throws Exception {
        registry.runLine("timeit", "a.close()", context);
        assertTrue(context.ran.get(0).contains("\na.close();\n"), context.ran.get(0));
        registry.runCell("timeit", "-r 2 var x = m.ones(new Shape(8));", "for (int i = 0; i < 3; i++) { x.mul(2); }", context);
        assertEquals("io.djinn.api.Timing.timeit(0, 2, false, () -> {\nvar x = m.ones(new Shape(8));\nreturn () -> {\n"
                + "for (int i = 0; i < 3; i++) { x.mul(2); }\n};\n});", context.ran.get(1));
    }

    @Test
    void outputKeepsTheResultAndShowsIt() throws Exception {
        registry.runLine("timeit", "-o a.add(b)", context);
        assertTrue(context.ran.get(0).startsWith("var _timeit = io.djinn.api.Timing.timeit("), context.ran.get(0));
        assertEquals("_timeit", context.ran.get(1));
        assertEquals(List.of(false, true), context.shown);
    }

    @Test
    void badTimeitArguments() {
        MagicException noCode = assertThrows(MagicException.class, () -> registry.runLine("timeit", "-n 10", context));
        assertTrue(noCode.getMessage().startsWith("%timeit: give a statement"), noCode.getMessage());
        MagicException notANumber = assertThrows(MagicException.class, () -> registry.runLine("timeit", "-n ten x()", context));
        assertTrue(notANumber.getMessage().contains("'ten' is not an int"), notANumber.getMessage());
        assertThrows(MagicException.class, () -> registry.runLine("timeit", "-r 0 x()", context));
    }

    @Test
    void timeStartsAndStopsTheClockAroundTheCodeAndShowsItsValue() throws Exception {
        registry.runCell("time", "", "var b = a.add(1);\nb", context);
        assertEquals(List.of("io.djinn.api.Timing.startClock();", "var b = a.add(1);\nb", "io.djinn.api.Timing.stopClock();"),
                context.ran);
        assertEquals(List.of(false, true, false), context.shown);
    }

    @Test
    void timeStopsTheClockWhenTheCodeFails() throws Exception {
        context.failBody = true;
        registry.runLine("time", "throwSomething()", context);
        assertEquals("io.djinn.api.Timing.stopClock();", context.ran.get(2));
        assertThrows(MagicException.class, () -> registry.runCell("time", "extra", "x", context));
    }

    @Test
    void profileWrapsTheCellInOneCall() throws Exception {
        registry.runCell("profile", "--shapes --top 5 --trace out/trace.json", "step();", context);
        assertEquals("io.djinn.api.Profiler.profile(false, true, false, 5, \"/work/out/trace.json\", () -> {\nstep();\n});",
                context.ran.get(0));
        assertThrows(MagicException.class, () -> registry.runCell("profile", "--top 0", "step();", context));
    }

    @Test
    void javaStringLiterals() {
        assertEquals("\"C:\\\\temp\\\\a \\\"b\\\".json\"", io.djinn.magics.JavaLiterals.string("C:\\temp\\a \"b\".json"));
    }
}
