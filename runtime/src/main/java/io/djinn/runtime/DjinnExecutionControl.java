package io.djinn.runtime;

import com.google.gson.JsonObject;
import io.djinn.api.Renderers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Method;
import java.util.Arrays;
import jdk.jshell.execution.LocalExecutionControl;

import static io.djinn.wire.ExtensionCommands.*;

/**
 * The JDK's in-process execution control, run inside the runtime JVM.
 *
 * <p>Extending {@link LocalExecutionControl} keeps the JDK's own way of stopping a snippet on every
 * release (Thread.stop on 17, woven stop checks on 25). On top it keeps the object each snippet returned
 * ({@link SnippetCall}), so that the kernel can ask for a rich rendering of a cell's value through
 * {@link #extensionCommand}.
 */
public final class DjinnExecutionControl extends LocalExecutionControl {

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
        ExecutionMeter.enter();
        super.clientCodeEnter();
    }

    @Override
    protected void clientCodeLeave() {
        super.clientCodeLeave();
        CellHooks.runAtCellEnd(System.err);
        ExecutionMeter.leave();
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException,
            InternalException {
        switch (command) {
            case RENDER_RESULT:
                return renderResult((String[]) arg);
            case HEAP_STATUS:
                return heapStatus();
            default:
                return super.extensionCommand(command, arg);
        }
    }

    /**
     * Renders the value the last snippet returned as the cell's result, limited to the given mime types
     * (none: every one available). The bundle travels on the display stream, ahead of this command's reply
     * on the same connection: JShell's object stream is slow for large bundles (a chart carrying plotly.js
     * is 11 MB). The id a cell's closing {@code display(...)} returned is not a result.
     */
    private String renderResult(String[] mimeTypes) throws InternalException {
        if (!SnippetCall.returned()) {
            throw new InternalException("the last snippet returned no value");
        }
        Object value = SnippetCall.value();
        SnippetCall.forget();
        if (DisplayIds.madeNow(value)) {
            return NOTHING_TO_RENDER;
        }
        JsonObject result = Renderers.render(value, Arrays.asList(mimeTypes)).toJsonObject();
        result.addProperty("type", "result");
        DisplayChannel.send(result);
        return RENDERED;
    }

    /** After a full collection: {used, max} heap bytes, so the kernel can tell a wedged runtime. */
    private static long[] heapStatus() {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new long[] {heap.getUsed(), heap.getMax()};
    }
}
