package io.djinn.runtime.agent;

import ai.djl.ndarray.types.DataType;
import io.djinn.api.UnsupportedDataTypeException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data types DJL 0.35's PyTorch JNI can pass to libtorch. Its native dtype mapping knows these
 * nine and, for any other, rethrows with no exception active, which terminates the process (seen with
 * BFLOAT16: exit 134). Checked on the Java side, the same mistake is an ordinary exception in the cell.
 */
public final class DtypeGuard {

    static final Set<DataType> SUPPORTED = EnumSet.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16,
            DataType.UINT8, DataType.INT32, DataType.INT8, DataType.INT64, DataType.BOOLEAN, DataType.COMPLEX64);

    private DtypeGuard() {}

    /** Called at the start of every DJL PyTorch JNI wrapper that takes a data type (see DtypeGuardTransformer). */
    public static void check(DataType type) {
        if (type != null && !SUPPORTED.contains(type)) {
            throw new UnsupportedDataTypeException(message(type));
        }
    }

    static String message(DataType type) {
        String supported = SUPPORTED.stream().map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        String hint = type == DataType.BFLOAT16
                ? " For half precision use DataType.FLOAT16."
                : "";
        return "the PyTorch engine of DJL 0.35 cannot use " + type.name() + " arrays: its native layer handles only "
                + supported + ", and would end the runtime process on " + type.name() + "." + hint;
    }
}
