package io.djinn.runtime.workspace;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import io.djinn.runtime.device.DeviceNames;
import io.djinn.runtime.render.ByteSize;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * One line about a value, for {@code %whos}: what a deep-learning user needs to tell values apart (an array's
 * shape, dtype, device and size; a manager's open arrays; a model's parameter count), and a short text for the
 * rest. Never fails: a value whose description throws says so.
 */
public final class ValueSummary {

    private static final int LONGEST = 60;

    private ValueSummary() {}

    public static String describe(Object value) {
        try {
            return summary(value);
        } catch (RuntimeException | LinkageError e) {
            return "(could not describe: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static String summary(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof NDArray array) {
            return array(array);
        }
        if (value instanceof NDList list) {
            return list.size() + " NDArray" + (list.size() == 1 ? "" : "s")
                    + (list.isEmpty() ? "" : ": " + shorten(java.util.Arrays.toString(list.getShapes())));
        }
        if (value instanceof NDManager manager) {
            return manager(manager);
        }
        if (value instanceof Model model) {
            Block block = model.getBlock();
            return "\"" + model.getName() + "\"" + (block == null ? ", no block" : ", " + block(block));
        }
        if (value instanceof Block block) {
            return block(block);
        }
        if (value instanceof Trainer trainer) {
            return "model \"" + trainer.getModel().getName() + "\" on " + java.util.Arrays.stream(trainer.getDevices())
                    .map(DeviceNames::of).collect(java.util.stream.Collectors.joining(", "));
        }
        if (value instanceof tech.tablesaw.api.Table table) {
            return "\"" + table.name() + "\": " + table.rowCount() + " rows x " + table.columnCount() + " columns";
        }
        if (value instanceof tech.tablesaw.columns.Column<?> column) {
            return column.type().name() + ", " + column.size() + " values";
        }
        if (value instanceof CharSequence text) {
            return shorten("\"" + text.toString().replace("\n", "\\n") + "\"");
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            return value.toString();
        }
        if (value.getClass().isArray()) {
            return arrayType(value);
        }
        if (value instanceof Collection<?> collection) {
            return collection.size() + " element" + (collection.size() == 1 ? "" : "s");
        }
        if (value instanceof Map<?, ?> map) {
            return map.size() + " entr" + (map.size() == 1 ? "y" : "ies");
        }
        String text = String.valueOf(value);
        // Object's own toString (Name@1b6d3586) says nothing the type column does not.
        return text.startsWith(value.getClass().getName() + "@") ? "" : shorten(text.replace("\n", " "));
    }

    private static String array(NDArray array) {
        if (array.isReleased()) {
            return "closed";
        }
        long bytes = array.getShape().size() * array.getDataType().getNumOfBytes();
        return array.getShape() + " " + array.getDataType().toString().toLowerCase(Locale.ROOT) + " "
                + DeviceNames.of(array.getDevice()) + ", " + ByteSize.format(bytes);
    }

    private static String manager(NDManager manager) {
        if (!manager.isOpen()) {
            return "closed";
        }
        int open = 0;
        long bytes = 0;
        for (NDArray array : ai.djl.ndarray.BaseNDManager.class.isInstance(manager)
                ? ((ai.djl.ndarray.BaseNDManager) manager).getManagedArrays() : java.util.List.<NDArray>of()) {
            if (!array.isReleased()) {
                open++;
                bytes += array.getShape().size() * array.getDataType().getNumOfBytes();
            }
        }
        return open + " open NDArray" + (open == 1 ? "" : "s") + " (" + ByteSize.format(bytes) + ") on "
                + DeviceNames.of(manager.getDevice());
    }

    private static String block(Block block) {
        String type = block.getClass().getSimpleName();
        if (!block.isInitialized()) {
            return type + ", not initialized";
        }
        long parameters = BlockParameters.count(block);
        return type + ", " + String.format(Locale.ROOT, "%,d", parameters) + " parameters";
    }

    /** "float[784]", "int[3][4]", "String[2]". */
    private static String arrayType(Object array) {
        StringBuilder dimensions = new StringBuilder("[" + Array.getLength(array) + "]");
        Class<?> component = array.getClass().getComponentType();
        Object first = Array.getLength(array) > 0 ? Array.get(array, 0) : null;
        while (component.isArray()) {
            dimensions.append(first == null ? "[]" : "[" + Array.getLength(first) + "]");
            first = first != null && Array.getLength(first) > 0 ? Array.get(first, 0) : null;
            component = component.getComponentType();
        }
        return component.getSimpleName() + dimensions;
    }

    private static String shorten(String text) {
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST - 3) + "...";
    }
}
