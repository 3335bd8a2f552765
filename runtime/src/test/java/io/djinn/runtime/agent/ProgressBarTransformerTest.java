package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTransformerTest {

    private static byte[] progressBar() throws Exception {
        return OneClassLoader.classFile(ProgressBarTransformer.TARGET);
    }

    @Test
    void theRewrittenBarLoadsVerifiesAndOutsideAKernelPrintsAsDjlDoes() throws Exception {
        byte[] rewritten = new ProgressBarTransformer().rewrite(progressBar());
        ClassLoader loader = new OneClassLoader(ProgressBarTransformer.TARGET, rewritten);
        Class<?> barClass = Class.forName(ProgressBarTransformer.TARGET.replace('/', '.'), true, loader);
        assertSame(loader, barClass.getClassLoader());
        Object bar = barClass.getConstructor(String.class, long.class).newInstance("Work", 4L);
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // No kernel here: the hook declines and DJL's own update prints its bar.
            barClass.getMethod("update", long.class, String.class).invoke(bar, 3L, "done");
        } finally {
            System.setOut(original);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\rWork:") && text.contains("100%") && text.contains("done"), text);
    }
}
