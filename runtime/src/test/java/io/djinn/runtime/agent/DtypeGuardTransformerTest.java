package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.djinn.api.UnsupportedDataTypeException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class DtypeGuardTransformerTest {

    private static byte[] jniUtils() throws IOException {
        return OneClassLoader.classFile(DtypeGuardTransformer.TARGET);
    }

    /** JniUtils.to(array, dtype, device), the call behind NDArray.toType, with no array: the guard comes first. */
    private static Throwable callTo(byte[] classFile, DataType type) throws Exception {
        Class<?> jniUtils = new OneClassLoader(DtypeGuardTransformer.TARGET, classFile).loadClass(DtypeGuardTransformer.TARGET.replace('/', '.'));
        Method to = jniUtils.getMethod("to", Class.forName("ai.djl.pytorch.engine.PtNDArray"), DataType.class,
                Device.class);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> to.invoke(null, null, type, Device.cpu()));
        return thrown.getCause();
    }

    @Test
    void bfloat16IsRefusedBeforeNativeCode() throws Exception {
        Throwable error = callTo(new DtypeGuardTransformer().rewrite(jniUtils()), DataType.BFLOAT16);
        assertEquals(UnsupportedDataTypeException.class, error.getClass());
        assertTrue(error.getMessage().contains("use DataType.FLOAT16"), error.getMessage());
    }

    @Test
    void supportedTypesPassTheGuard() throws Exception {
        // Past the guard the method body runs and meets the null array.
        assertEquals(NullPointerException.class, callTo(new DtypeGuardTransformer().rewrite(jniUtils()), DataType.FLOAT16).getClass());
    }

    @Test
    void withoutTheGuardTheCallReachesTheBody() throws Exception {
        // The control: unguarded, BFLOAT16 goes on towards native code.
        assertEquals(NullPointerException.class, callTo(jniUtils(), DataType.BFLOAT16).getClass());
    }

    @Test
    void everyTypeTheJniCannotMapIsRefused() {
        for (DataType type : DataType.values()) {
            boolean supported = DtypeGuard.SUPPORTED.contains(type);
            if (supported) {
                DtypeGuard.check(type);
            } else {
                assertThrows(UnsupportedDataTypeException.class, () -> DtypeGuard.check(type), type.name());
            }
            // DJL's JNI maps the first nine ordinals; the guard must agree with it.
            assertEquals(type.ordinal() <= DataType.COMPLEX64.ordinal(), supported, type.name());
        }
    }
}
