package io.djinn.runtime.execution;

import static io.djinn.wire.ExtensionCommands.FORGET_VARIABLES;
import static io.djinn.wire.ExtensionCommands.HEAP_STATUS;
import static io.djinn.wire.ExtensionCommands.MEMORY_CHANGE;
import static io.djinn.wire.ExtensionCommands.MEMORY_MARK;
import static io.djinn.wire.ExtensionCommands.NOTHING_TO_RENDER;
import static io.djinn.wire.ExtensionCommands.RENDERED;
import static io.djinn.wire.ExtensionCommands.RENDER_RESULT;

import io.djinn.runtime.DisplayChannel;
import io.djinn.runtime.LineInput;
import io.djinn.runtime.RuntimeMain;
import io.djinn.runtime.device.MemoryChange;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.djinn.api.Renderers;
import io.djinn.wire.DisplayMessages;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * The JDK's in-process execution control, run inside the runtime JVM.
 *
 * <p>Extending {@link LocalExecutionControl} keeps the JDK's own way of stopping a snippet on every
 * release (Thread.stop on 17, woven stop checks on 25). On top it keeps the object each snippet returned
 * ({@link SnippetCall}), so that the kernel can ask for a rich rendering of a cell's value through
 * {@link #extension}.
 */
public final class DjinnExecutionControl extends LocalExecutionControl {

    private final NotebookVariables variables = new NotebookVariables();
    // Held by the command loop's thread around a cell's start and end, and by the extension thread around a
    // command: they take turns, and each sees what the other left (the value a snippet returned, the variables).
    private final Object cellState = new Object();
    private UnreachableArrays.Before before;

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
        List<String> lost = new ArrayList<>();
        synchronized (cellState) {
            for (ClassBytecodes bytecodes : classes) {
                try {
                    lost.addAll(variables.loaded(findClass(bytecodes.name()), bytecodes.bytecodes()));
                } catch (ClassNotFoundException | LinkageError e) {
                    // The class is defined but does not load (a missing dependency): it holds no variable that
                    // could be carried over, and the snippet that uses it fails with JShell's own message.
                    RuntimeMain.log().println("djinn: " + bytecodes.name() + " did not load, so its variables are"
                            + " not tracked: " + e);
                }
            }
        }
        if (!lost.isEmpty() && DisplayChannel.installed()) {
            JsonObject message = new JsonObject();
            message.addProperty(DisplayMessages.TYPE, DisplayMessages.VARIABLES_RESET);
            JsonArray names = new JsonArray();
            lost.forEach(names::add);
            message.add("names", names);
            DisplayChannel.send(message);
        }
    }

    /** Runs the snippet through {@link SnippetCall}, which keeps what it returned. */
    @Override
    protected String invoke(Method snippet) throws Exception {
        return super.invoke(SnippetCall.method(snippet));
    }

    @Override
    protected void clientCodeEnter() {
        // Input a previous cell asked for but did not read belongs to that cell, not to this one.
        LineInput.instance().resetForNextCell();
        Interrupts.reset();
        DisplayIds.clear();
        synchronized (cellState) {
            before = UnreachableArrays.before(variables);
        }
        ExecutionMeter.enter();
        super.clientCodeEnter();
    }

    /** After the snippet and its end hooks: the NDArrays it let go of that nothing reaches are closed. */
    @Override
    protected void clientCodeLeave() {
        super.clientCodeLeave();
        synchronized (cellState) {
            CellHooks.runAtCellEnd(System.err);
            ExecutionMeter.leave();
            UnreachableArrays.release(before, variables, RuntimeMain.log());
            before = null;
        }
    }

    /**
     * Runs one of the kernel's {@link io.djinn.wire.ExtensionCommands} (on the extension thread, between cells);
     * returns the reply, or null for none.
     */
    public String extension(String command, List<String> arguments) throws InternalException {
        synchronized (cellState) {
            switch (command) {
                case RENDER_RESULT:
                    return renderResult(arguments);
                case HEAP_STATUS:
                    return heapStatus();
                case MEMORY_MARK:
                    MemoryChange.mark();
                    return null;
                case MEMORY_CHANGE:
                    return MemoryChange.sinceMark();
                case FORGET_VARIABLES:
                    UnreachableArrays.Before unchanged = UnreachableArrays.before(variables);
                    variables.forget(arguments);
                    UnreachableArrays.release(unchanged, variables, RuntimeMain.log());
                    return null;
                default:
                    throw new InternalException("unknown extension command " + command);
            }
        }
    }

    /**
     * Renders the value the last snippet returned as the cell's result, limited to the given mime types
     * (none: every one available). The bundle travels on the display stream, ahead of this command's reply
     * on the same connection: JShell's object stream is slow for large bundles (a chart carrying plotly.js
     * is 11 MB). The id a cell's closing {@code display(...)} returned is not a result.
     */
    private String renderResult(List<String> mimeTypes) throws InternalException {
        if (!SnippetCall.returned()) {
            throw new InternalException("the last snippet returned no value");
        }
        Object value = SnippetCall.value();
        SnippetCall.forget();
        if (DisplayIds.madeNow(value)) {
            return NOTHING_TO_RENDER;
        }
        JsonObject result = Renderers.render(value, mimeTypes).toJsonObject();
        result.addProperty(DisplayMessages.TYPE, DisplayMessages.RESULT);
        DisplayChannel.send(result);
        return RENDERED;
    }

    /** After a full collection: "used max" heap bytes, so the kernel can tell a wedged runtime. */
    private static String heapStatus() {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() + " " + heap.getMax();
    }
}
