package io.djinn.runtime.agent;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The runtime JVM's Java agent (it starts with {@code -javaagent:} the runtime jar). It works around
 * faults and costs of DJL 0.35 and Tablesaw that hurt notebooks, by inserting a call at the start of some methods
 * as their classes load, and changes nothing else:
 * <ul>
 *   <li>{@link DtypeGuardTransformer}: unsupported dtypes abort the JVM in native code;</li>
 *   <li>{@link LargeArrayFormatTransformer}: NDArray.toString boxes every element of a large array, and
 *       JShell calls it for each variable a cell declares;</li>
 *   <li>{@link ManagerUnwrapTransformer}: attaching an array to the notebook's {@code manager} (a proxy)
 *       would fail DJL's cast to its own manager class;</li>
 *   <li>{@link InlinePlotTransformer}: Tablesaw's {@code Plot.show(figure)} opens a browser tab;</li>
 *   <li>{@link ManagerAttachTransformer}: records the arrays a snippet makes on the notebook's manager, for
 *       {@link UnreachableArrays};</li>
 *   <li>{@link ProgressBarTransformer}: DJL's console progress bar writes carriage-return lines that a saved
 *       notebook keeps by the hundred;</li>
 *   <li>{@link ParameterServerTransformer}: DJL's parameter server copies every gradient on every training step,
 *       which only training on several devices needs;</li>
 *   <li>{@link SgdUpdateTransformer}: DJL's PyTorch SGD copies the gradient again and makes four passes over
 *       each parameter where one scaling and one subtraction do;</li>
 *   <li>{@link OptimizerStateTransformer}: an optimizer's state made inside an {@code NDScope} was closed with
 *       it, which broke every training loop that wraps its steps in scopes.</li>
 * </ul>
 * It also opens the JDK's packages to the runtime (see {@link #openPlatformModules}).
 */
public final class RuntimeAgent {

    private RuntimeAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        openPlatformModules(instrumentation);
        instrumentation.addTransformer(new DtypeGuardTransformer());
        instrumentation.addTransformer(new LargeArrayFormatTransformer());
        instrumentation.addTransformer(new ManagerUnwrapTransformer());
        instrumentation.addTransformer(new InlinePlotTransformer());
        instrumentation.addTransformer(new ManagerAttachTransformer());
        instrumentation.addTransformer(new ProgressBarTransformer());
        instrumentation.addTransformer(new ParameterServerTransformer());
        instrumentation.addTransformer(new SgdUpdateTransformer());
        instrumentation.addTransformer(new OptimizerStateTransformer());
    }

    /**
     * Opens the JDK's packages to the runtime's own classes, so that {@link ObjectGraph} can follow the
     * references inside JDK objects (an ArrayList's elements, an AtomicReference's value) when it looks
     * for the NDArrays a notebook still reaches. User code runs in this JVM anyway; nothing else changes.
     */
    private static void openPlatformModules(Instrumentation instrumentation) {
        Module runtime = RuntimeAgent.class.getModule();
        for (Module module : ModuleLayer.boot().modules()) {
            if (!instrumentation.isModifiableModule(module)) {
                continue;
            }
            Map<String, Set<Module>> opens = new HashMap<>();
            module.getPackages().forEach(name -> opens.put(name, Set.of(runtime)));
            try {
                instrumentation.redefineModule(module, Set.of(), Map.of(), opens, Set.of(), Map.of());
            } catch (RuntimeException e) {
                System.err.println("djinn: could not open " + module.getName() + " to the runtime: " + e);
            }
        }
    }
}
