package io.djinn.kernel.analysis;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets JShell's documentation read the javadoc of the libraries Djinn provides. JShell looks for sources only in the
 * JDK's {@code lib/src.zip}; its analysis keeps that list in a private field, filled once, which this extends with
 * the roots of the {@code -sources.jar}s installed beside the kernel (DJL, Tablesaw, Djinn's API). JShell has no
 * public way to add sources; when its internals differ, Shift+Tab shows signatures only and the log says why.
 */
final class LibrarySources {

    private static final Logger LOG = LoggerFactory.getLogger(LibrarySources.class);

    private LibrarySources() {}

    /** Adds the jars' sources to what the analysis searches; true when they are there. */
    static boolean attach(SourceCodeAnalysis analysis, List<Path> sourceJars) {
        if (sourceJars.isEmpty()) {
            return true;
        }
        try {
            Method findSources = analysis.getClass().getDeclaredMethod("findSources");
            findSources.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Path> sources = (List<Path>) findSources.invoke(analysis); // the JDK's src.zip, when it has one
            List<Path> extended = new ArrayList<>(sources);
            extended.addAll(sourceJars); // javac reads a source path entry that is a jar as it is
            Field field = analysis.getClass().getDeclaredField("availableSources");
            field.setAccessible(true);
            field.set(analysis, extended);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("javadoc of the provided libraries is unavailable on Shift+Tab: cannot give JShell their sources"
                    + " ({})", e.toString());
            return false;
        }
    }
}
