package io.djinn.runtime;

import java.lang.instrument.Instrumentation;

/**
 * The runtime JVM's Java agent (it starts with {@code -javaagent:} the runtime jar). It works around
 * faults of DJL 0.35 and Tablesaw that hurt notebooks, by inserting a call at the start of some methods as
 * their classes load, and changes nothing else:
 * <ul>
 *   <li>{@link DtypeGuardTransformer}: unsupported dtypes abort the JVM in native code;</li>
 *   <li>{@link LargeArrayFormatTransformer}: NDArray.toString boxes every element of a large array, and
 *       JShell calls it for each variable a cell declares;</li>
 *   <li>{@link ManagerUnwrapTransformer}: attaching an array to the notebook's {@code manager} (a proxy)
 *       would fail DJL's cast to its own manager class;</li>
 *   <li>{@link InlinePlotTransformer}: Tablesaw's {@code Plot.show(figure)} opens a browser tab.</li>
 * </ul>
 */
public final class RuntimeAgent {

    private RuntimeAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        instrumentation.addTransformer(new DtypeGuardTransformer());
        instrumentation.addTransformer(new LargeArrayFormatTransformer());
        instrumentation.addTransformer(new ManagerUnwrapTransformer());
        instrumentation.addTransformer(new InlinePlotTransformer());
    }
}
