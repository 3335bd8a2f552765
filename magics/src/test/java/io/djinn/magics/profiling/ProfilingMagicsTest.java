package io.djinn.magics.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.MagicException;
import io.djinn.magics.MagicRegistry;
import io.djinn.magics.RecordingMagicContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilingMagicsTest {

    private final MagicRegistry registry = new MagicRegistry();
    private final RecordingMagicContext context = new RecordingMagicContext();

    ProfilingMagicsTest() {
        ProfilingMagics.registerAll(registry);
    }

    @Test
    void timeitRunsTheCodeOnceAsACellThenTimesItVerbatim() throws Exception {
        registry.runLine("timeit", "-n 100 -r 3 a.add(\"x  y\")", context);
        assertEquals(List.of("a.add(\"x  y\")", "io.djinn.api.Timing.timeit(100, 3, false, () -> {\n\nreturn () -> {\n"
                + "io.djinn.api.Timing.consume(a.add(\"x  y\"));\n};\n});"), context.ran);
        assertEquals(List.of(true, false), context.shown, "the first run shows the value, as the cell would");
    }

    @Test
    void attachedValuesAndTheDoubleDash() throws Exception {
        registry.runLine("timeit", "-n100 -q -- -x.close()", context);
        assertTrue(context.ran.get(1).startsWith("io.djinn.api.Timing.timeit(100, 7, true,"), context.ran.get(1));
        assertTrue(context.ran.get(1).contains("\n-x.close();\n"), context.ran.get(1));
    }

    @Test
    void voidAndStatementCodeIsNotConsumed() throws Exception {
        registry.runLine("timeit", "a.close()", context);
        assertTrue(context.ran.get(1).contains("\na.close();\n"), context.ran.get(1));
        registry.runCell("timeit", "-r 2 var x = m.ones(new Shape(8));", "for (int i = 0; i < 3; i++) { x.mul(2); }", context);
        assertEquals("var x = m.ones(new Shape(8));\nfor (int i = 0; i < 3; i++) { x.mul(2); }", context.ran.get(2));
        assertEquals("io.djinn.api.Timing.timeit(0, 2, false, () -> {\nvar x = m.ones(new Shape(8));\nreturn () -> {\n"
                + "for (int i = 0; i < 3; i++) { x.mul(2); }\n};\n});", context.ran.get(3));
    }

    @Test
    void declarationsRunOnceAndAreLeftOutOfTheTimedBlock() throws Exception {
        registry.runCell("timeit", "-n 1", "import java.util.*;\nrecord P(int x) {}\nint twice(int v) { return 2 * v; }\n"
                + "// a comment\nvar p = new P(twice(2));\np.add(1)", context);
        assertEquals("io.djinn.api.Timing.timeit(1, 7, false, () -> {\n\nreturn () -> {\nvar p = new P(twice(2));\n"
                + "io.djinn.api.Timing.consume(p.add(1));\n};\n});", context.ran.get(1));
    }

    @Test
    void aCellThatFailsIsNotTimed() throws Exception {
        context.failBody = true;
        registry.runLine("timeit", "broken(", context);
        assertEquals(List.of("broken("), context.ran);
    }

    @Test
    void outputKeepsTheResultAndShowsIt() throws Exception {
        registry.runLine("timeit", "-o a.add(b)", context);
        assertTrue(context.ran.get(1).startsWith("var _timeit = io.djinn.api.Timing.timeit("), context.ran.get(1));
        assertEquals("_timeit", context.ran.get(2));
        assertEquals(List.of(true, false, true), context.shown);
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
    void profileRunsTheCellAsACellBetweenBeginAndEnd() throws Exception {
        registry.runCell("profile", "--shapes --top 5 --trace out/trace.json", "step();\nx", context);
        assertEquals(List.of("io.djinn.api.Profiler.begin(new io.djinn.api.Profiler.Options(false, true, false, 5, "
                + "\"/work/out/trace.json\"));", "step();\nx", "io.djinn.api.Profiler.end();"), context.ran);
        assertEquals(List.of(false, true, false), context.shown);
        assertThrows(MagicException.class, () -> registry.runCell("profile", "--top 0", "step();", context));
    }

    @Test
    void profileEndsAlsoWhenTheCellFails() throws Exception {
        context.failBody = true;
        registry.runCell("profile", "", "throwSomething();", context);
        assertEquals("io.djinn.api.Profiler.end();", context.ran.get(2));
    }

    @Test
    void javaStringLiterals() {
        assertEquals("\"C:\\\\temp\\\\a \\\"b\\\".json\"", io.djinn.magics.JavaLiterals.string("C:\\temp\\a \"b\".json"));
    }
}
