package io.djinn.runtime.plot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.djinn.api.UsageException;
import java.util.Collection;
import tech.tablesaw.api.NumericColumn;

/** Numbers from whatever a notebook holds: NDArrays, Java arrays, lists of numbers, Tablesaw columns. */
final class Series {

    private Series() {}

    static double[] of(Object data, String what) {
        if (data instanceof NDArray array) {
            if (array.getShape().dimension() != 1) {
                throw new UsageException(what + " needs 1-D data; got an NDArray of shape " + array.getShape());
            }
            return doubles(array);
        }
        if (data instanceof double[] values) {
            return values.clone();
        }
        if (data instanceof float[] values) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i];
            }
            return out;
        }
        if (data instanceof int[] values) {
            return java.util.Arrays.stream(values).asDoubleStream().toArray();
        }
        if (data instanceof long[] values) {
            return java.util.Arrays.stream(values).asDoubleStream().toArray();
        }
        if (data instanceof NumericColumn<?> column) {
            return column.asDoubleArray();
        }
        if (data instanceof Collection<?> values) {
            double[] out = new double[values.size()];
            int i = 0;
            for (Object value : values) {
                if (!(value instanceof Number number)) {
                    throw new UsageException(what + " needs numbers; the list holds " + describe(value));
                }
                out[i++] = number.doubleValue();
            }
            return out;
        }
        throw new UsageException(what + " needs an NDArray, a double[]/float[]/int[]/long[], a List of numbers or a"
                + " numeric Tablesaw column; got " + describe(data));
    }

    static double[][] matrix(Object data, String what) {
        if (data instanceof NDArray array) {
            if (array.getShape().dimension() != 2) {
                throw new UsageException(what + " needs 2-D data; got an NDArray of shape " + array.getShape());
            }
            int rows = (int) array.getShape().get(0);
            int columns = (int) array.getShape().get(1);
            double[] flat = doubles(array);
            double[][] out = new double[rows][columns];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(flat, r * columns, out[r], 0, columns);
            }
            return out;
        }
        if (data instanceof double[][] values) {
            return values;
        }
        if (data instanceof int[][] values) {
            double[][] out = new double[values.length][];
            for (int r = 0; r < values.length; r++) {
                out[r] = java.util.Arrays.stream(values[r]).asDoubleStream().toArray();
            }
            return out;
        }
        if (data instanceof float[][] values) {
            double[][] out = new double[values.length][];
            for (int r = 0; r < values.length; r++) {
                out[r] = of(values[r], what);
            }
            return out;
        }
        throw new UsageException(what + " needs a 2-D NDArray or a double[][]/float[][]/int[][]; got " + describe(data));
    }

    static double[] doubles(NDArray array) {
        try (NDArray asDouble = array.toType(DataType.FLOAT64, true)) {
            return asDouble.toDoubleArray();
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof NDArray array) {
            return "an NDArray of shape " + array.getShape();
        }
        return "a " + value.getClass().getSimpleName();
    }
}
