package io.djinn.runtime;

import com.google.gson.JsonObject;
import io.djinn.api.Renderers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * The JDK's in-process execution control, run inside the runtime JVM.
 *
 * <p>Extending {@link LocalExecutionControl} keeps the JDK's own way of stopping a snippet on every
 * release (Thread.stop on 17, woven stop checks on 25). On top it remembers where each variable lives,
 * so that the kernel can ask for a rich rendering of a cell's value through {@link #extensionCommand}.
 */
public final class DjinnExecutionControl extends LocalExecutionControl {

    /** Extension commands the kernel sends; their names are shared with the kernel by value. */
    public static final String RENDER_VARIABLE = "djinn.render";
    public static final String HEAP_STATUS = "djinn.heap";

    // Snippet wrapper classes are named REPL.$JShell$<n>; user classes nest inside them.
    private static final Pattern WRAPPER_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\d+");

    private final Map<String, Field> variables = new ConcurrentHashMap<>();

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
        index(classes);
    }

    @Override
    public void redefine(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.redefine(classes);
        index(classes);
    }

    private void index(ClassBytecodes[] classes) {
        for (ClassBytecodes bytecodes : classes) {
            if (!WRAPPER_CLASS.matcher(bytecodes.name()).matches()) {
                continue;
            }
            try {
                for (Field field : findClass(bytecodes.name()).getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        variables.put(field.getName(), field);
                    }
                }
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // Not indexable: its values render as plain text, which JShell already gives.
            }
        }
    }

    @Override
    protected void clientCodeEnter() {
        // Input a previous cell asked for but did not read belongs to that cell, not to this one.
        LineInput.instance().resetForNextCell();
        Interrupts.reset();
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
            case RENDER_VARIABLE:
                return renderVariable((String[]) arg);
            case HEAP_STATUS:
                return heapStatus();
            default:
                return super.extensionCommand(command, arg);
        }
    }

    /**
     * Renders a variable's value as the cell's result. arg[0] is the variable's name, the rest the mime
     * types asked for (none: every one available). The bundle travels on the display stream, ahead of
     * this command's reply on the same connection: JShell's object stream is slow for large bundles
     * (a chart carrying plotly.js is 11 MB).
     */
    private String renderVariable(String[] arg) throws InternalException {
        Field field = variables.get(arg[0]);
        if (field == null) {
            throw new InternalException("no variable " + arg[0]);
        }
        Object value;
        try {
            value = field.get(null);
        } catch (IllegalAccessException e) {
            throw new InternalException("cannot read " + arg[0] + ": " + e);
        }
        List<String> mimeTypes = Arrays.asList(arg).subList(1, arg.length);
        JsonObject result = Renderers.render(value, mimeTypes).toJsonObject();
        result.addProperty("type", "result");
        DisplayChannel.send(result);
        return "sent";
    }

    /** After a full collection: {used, max} heap bytes, so the kernel can tell a wedged runtime. */
    private static long[] heapStatus() {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new long[] {heap.getUsed(), heap.getMax()};
    }
}
