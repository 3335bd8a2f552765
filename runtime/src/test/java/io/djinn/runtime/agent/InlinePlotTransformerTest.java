package io.djinn.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

class InlinePlotTransformerTest {

    private static byte[] plot() throws Exception {
        return OneClassLoader.classFile(InlinePlotTransformer.TARGET);
    }

    @Test
    void theRewrittenPlotLoadsVerifiesAndOutsideAKernelRunsTablesawsOwnCode(@TempDir Path folder) throws Exception {
        byte[] rewritten = new InlinePlotTransformer().rewrite(plot());
        ClassLoader loader = new OneClassLoader(InlinePlotTransformer.TARGET, rewritten);
        Class<?> plot = Class.forName(InlinePlotTransformer.TARGET.replace('/', '.'), true, loader);
        assertSame(loader, plot.getClassLoader());
        // No kernel here: the hook declines and Tablesaw's own show runs: it writes the page, then cannot open
        // a browser headless.
        Figure figure = new Figure(Layout.builder("t").build());
        File page = folder.resolve("page.html").toFile();
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> plot.getMethod("show", Figure.class, File.class).invoke(null, figure, page));
        assertSame(UnsupportedOperationException.class, rootCause(thrown).getClass());
        assertTrue(page.isFile());
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
