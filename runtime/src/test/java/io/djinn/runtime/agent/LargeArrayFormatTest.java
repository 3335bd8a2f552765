package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class LargeArrayFormatTest {

    @Test
    void smallArraysAreLeftToDjl() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertNull(LargeArrayFormat.format(manager.arange(10f), 100, 10, 10, 20, true));
            assertNull(LargeArrayFormat.format(manager.ones(new Shape(1000)), 100, 10, 10, 20, false));
        }
    }

    @Test
    void largeArraysShowTheHeaderAndACorner() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray large = manager.arange(200f * 300f).reshape(200, 300);
            String text = LargeArrayFormat.format(large, 100, 10, 10, 20, true);
            assertTrue(text.startsWith("ND: (200, 300) cpu() float32\nfirst values, [0:6, 0:20]:\n[["), text);
            // Six rows of twenty values (DJL chooses the number format), the last one row 5's.
            assertEquals(6, text.lines().filter(line -> line.strip().startsWith("[")).count(), text);
            assertTrue(text.contains("1.51900000e+03") || text.contains("1519."), text);
            NDArray deep = manager.ones(new Shape(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2));
            String flat = LargeArrayFormat.format(deep, 100, 10, 10, 20, true);
            assertTrue(flat.startsWith("ND: (2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2) cpu() float32\nfirst values, flattened [0:24]:"),
                    flat);
        }
    }

    @Test
    void showingALargeArrayLeavesNoArrayOpen() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray large = manager.ones(new Shape(200, 300));
            NDArray deep = manager.ones(new Shape(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2));
            int open = manager.getManagedArrays().size();
            LargeArrayFormat.format(large, 100, 10, 10, 20, true);
            LargeArrayFormat.format(deep, 100, 10, 10, 20, true);
            // DJL's formatting of the corner slice made a contiguous copy it never closed: one array per print.
            assertEquals(open, manager.getManagedArrays().size());
        }
    }

    /** NDFormat loaded from hooked bytes, in a loader of its own, must answer with the hook's text. */
    @Test
    void theHookRunsBeforeDjlsCode() throws Exception {
        byte[] original;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream(LargeArrayFormatTransformer.TARGET + ".class")) {
            original = in.readAllBytes();
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray large = manager.ones(new Shape(500, 500));
            String hooked = format(new LargeArrayFormatTransformer().rewrite(original), large);
            assertTrue(hooked.contains("first values, [0:6, 0:20]:"), hooked);
            // The control: DJL's own code prints its flat dump.
            String own = format(original, large);
            assertTrue(own.contains("Exceed max print size"), own);
            assertEquals(own.lines().findFirst(), hooked.lines().findFirst());
        }
    }

    private static byte[] bytesOf(String className) throws ClassNotFoundException {
        try (InputStream in = LargeArrayFormatTest.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new ClassNotFoundException(className, e);
        }
    }

    private static String format(byte[] classFile, NDArray array) throws Exception {
        String name = LargeArrayFormatTransformer.TARGET.replace('/', '.');
        // NDFormat and its nested format classes come from this loader, so they extend this NDFormat.
        ClassLoader loader = new ClassLoader(LargeArrayFormatTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (!className.equals(name) && !className.startsWith(name + "$")) {
                    return super.loadClass(className, resolve);
                }
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    if (loaded != null) {
                        return loaded;
                    }
                    byte[] bytes = className.equals(name) ? classFile : bytesOf(className);
                    return defineClass(className, bytes, 0, bytes.length);
                }
            }
        };
        Method format = loader.loadClass(name).getMethod("format", NDArray.class, int.class, int.class, int.class,
                int.class, boolean.class);
        return (String) format.invoke(null, array, 100, 10, 10, 20, true);
    }
}
