package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/** IJava's statically imported display functions, for notebooks that name this class; backed by Djinn's. */
public final class Display {

    private Display() {}

    public static DisplayData render(Object o) {
        return toDisplayData(io.djinn.api.Display.render(o));
    }

    public static DisplayData render(Object o, String... as) {
        return toDisplayData(io.djinn.api.Display.render(o, as));
    }

    public static String display(Object o) {
        return io.djinn.api.Display.display(o);
    }

    public static String display(Object o, String... as) {
        return io.djinn.api.Display.display(o, as);
    }

    public static void updateDisplay(String id, Object o) {
        io.djinn.api.Display.updateDisplay(id, o);
    }

    public static void updateDisplay(String id, Object o, String... as) {
        io.djinn.api.Display.updateDisplay(id, o, as);
    }

    private static DisplayData toDisplayData(io.djinn.api.MimeBundle bundle) {
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        bundle.metadata().forEach(data::putMetaData);
        return data;
    }

    /** For {@link JavaKernel}'s callers that hold IJava's data: shown as it is. */
    public static String display(DisplayData data) {
        return io.github.spencerpark.ijava.IJava.getKernelInstance().display(data);
    }
}
