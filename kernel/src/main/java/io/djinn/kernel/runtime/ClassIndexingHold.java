package io.djinn.kernel.runtime;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps JShell's class-path indexing waiting while a runtime starts. As soon as its source analysis is first
 * used, JShell indexes every class of the JDK and the class path on a background thread; the index serves
 * only package completion and import suggestions, yet on two cores it took about 0.26 s of CPU from the
 * start-up compiles and the first cell. That thread is JShell's own single-thread executor (a static field,
 * reached by reflection like {@code JShellCompactor}'s internals); a task queued on it ahead of the index keeps
 * it waiting until {@link #release()} or the time limit. Where the executor is not found (another JDK's
 * JShell), nothing is held and nothing breaks.
 */
final class ClassIndexingHold {

    private static final Logger LOG = LoggerFactory.getLogger(ClassIndexingHold.class);

    private final CountDownLatch released = new CountDownLatch(1);
    private final boolean holding;

    private ClassIndexingHold(boolean holding) {
        this.holding = holding;
    }

    /** Holds JShell's indexing back until {@link #release()}, or for at most {@code maxMillis}. */
    static ClassIndexingHold hold(long maxMillis) {
        ExecutorService indexer = jshellIndexer();
        ClassIndexingHold hold = new ClassIndexingHold(indexer != null);
        if (indexer != null) {
            indexer.submit(() -> {
                try {
                    if (!hold.released.await(maxMillis, TimeUnit.MILLISECONDS)) {
                        LOG.debug("class-path indexing held for {} ms; letting it run", maxMillis);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return hold;
    }

    /** Whether JShell's indexer was found and is held. */
    boolean holding() {
        return holding;
    }

    /** Lets the indexing run; idempotent. */
    void release() {
        released.countDown();
    }

    private static ExecutorService jshellIndexer() {
        try {
            Field field = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("INDEXER");
            field.setAccessible(true);
            return field.get(null) instanceof ExecutorService executor ? executor : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("JShell's class-path indexer not found; start-up runs beside it", e);
            return null;
        }
    }
}
