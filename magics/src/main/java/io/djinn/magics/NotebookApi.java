package io.djinn.magics;

import io.djinn.api.Devices;
import io.djinn.api.Models;
import io.djinn.api.Plots;
import io.djinn.api.Profiler;
import io.djinn.api.Timing;
import io.djinn.api.Workspace;
import java.util.List;

/**
 * The Java source of the notebook API calls that magics run in the runtime, in one place. Class names come
 * from class literals, so that moving or renaming an API class breaks this module's build (the kernel has
 * the runtime's own jar on its class path; loading a class there loads nothing it uses).
 * {@code GeneratedCodeCompilesTest} compiles every magic's generated code with JShell against the real API,
 * so that renaming a method or changing its parameters breaks the tests.
 */
public final class NotebookApi {

    private NotebookApi() {}

    public static String startClock() {
        return statement(call(Timing.class, "startClock"));
    }

    public static String stopClock() {
        return statement(call(Timing.class, "stopClock"));
    }

    /** The expression that makes a value's computation count (so the JIT cannot drop it). */
    public static String consume(String expression) {
        return statement(call(Timing.class, "consume", expression));
    }

    /** Timing.timeit over a setup block and a timed block (statements, already checked to compile as a cell). */
    public static String timeit(int loops, int repeat, boolean quiet, String setup, String timed) {
        return call(Timing.class, "timeit", Integer.toString(loops), Integer.toString(repeat), Boolean.toString(quiet),
                "() -> {\n" + setup + "\nreturn () -> {\n" + timed + "\n};\n}");
    }

    /** Profiler.begin with its options; {@code traceFile} null for a temporary file. */
    public static String profileBegin(boolean cuda, boolean shapes, boolean memory, int top, String traceFile) {
        String options = newInstance(Profiler.Options.class, Boolean.toString(cuda), Boolean.toString(shapes),
                Boolean.toString(memory), Integer.toString(top), traceFile == null ? "null" : JavaLiterals.string(traceFile));
        return statement(call(Profiler.class, "begin", options));
    }

    public static String profileEnd() {
        return statement(call(Profiler.class, "end"));
    }

    /** Plots.plot of the data expression; null strings and bins leave the option to Plotly. */
    public static String plot(String kind, String dataExpression, String x, String y, String title, String xLabel,
            String yLabel, boolean logX, boolean logY, Integer bins) {
        String options = newInstance(Plots.Options.class, literal(x), literal(y), literal(title), literal(xLabel),
                literal(yLabel), Boolean.toString(logX), Boolean.toString(logY), bins == null ? "null" : bins.toString());
        return statement(call(Plots.class, "plot", JavaLiterals.string(kind), "(Object) (" + dataExpression + ")", options));
    }

    /** The kinds of chart %plot draws. */
    public static List<String> plotKinds() {
        return Plots.KINDS;
    }

    public static String deviceReport() {
        return call(Devices.class, "report");
    }

    public static String useDevice(String device) {
        return call(Devices.class, "use", JavaLiterals.string(device));
    }

    public static String gpus() {
        return call(Devices.class, "gpus");
    }

    public static String memory() {
        return call(Devices.class, "memory");
    }

    public static String emptyCache() {
        return call(Devices.class, "emptyCache");
    }

    public static String freeUnreachable(boolean on) {
        return call(Devices.class, "freeUnreachable", Boolean.toString(on));
    }

    /**
     * Workspace.whos or Workspace.who over the session's variables, filtered by type.
     *
     * @param details whos (a table) rather than who (names)
     */
    public static String workspace(boolean details, List<MagicContext.Variable> variables, List<String> types) {
        List<String> arguments = new java.util.ArrayList<>();
        arguments.add(stringArray(variables.stream().map(MagicContext.Variable::name).toList()));
        arguments.add(stringArray(variables.stream().map(MagicContext.Variable::type).toList()));
        arguments.add("new Object[] {" + String.join(", ", variables.stream().map(MagicContext.Variable::name).toList())
                + "}");
        types.forEach(type -> arguments.add(JavaLiterals.string(type)));
        return call(Workspace.class, details ? "whos" : "who", arguments.toArray(String[]::new));
    }

    /** Models.summary of the expression, for the given input shapes (each a list of dimensions). */
    public static String summary(String expression, List<long[]> inputShapes) {
        List<String> arguments = new java.util.ArrayList<>();
        arguments.add("(Object) (" + expression + ")");
        for (long[] shape : inputShapes) {
            // By name, not class literal: DJL is on the runtime's class path, not the kernel's.
            arguments.add("new ai.djl.ndarray.types.Shape(" + String.join(", ", java.util.Arrays.stream(shape)
                    .mapToObj(Long::toString).toList()) + ")");
        }
        return call(Models.class, "summary", arguments.toArray(String[]::new));
    }

    private static String stringArray(List<String> values) {
        return "new String[] {" + String.join(", ", values.stream().map(JavaLiterals::string).toList()) + "}";
    }

    private static String call(Class<?> owner, String method, String... arguments) {
        return owner.getCanonicalName() + "." + method + "(" + String.join(", ", arguments) + ")";
    }

    private static String newInstance(Class<?> type, String... arguments) {
        return "new " + type.getCanonicalName() + "(" + String.join(", ", arguments) + ")";
    }

    private static String statement(String expression) {
        return expression + ";";
    }

    private static String literal(String text) {
        return text == null ? "null" : JavaLiterals.string(text);
    }
}
