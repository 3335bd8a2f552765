package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

class ClassIndexingHoldTest {

    /** JShell's import suggestions for a simple name read the class index, and say whether it was complete. */
    private static SourceCodeAnalysis.QualifiedNames suggestions(JShell shell) {
        return shell.sourceCodeAnalysis().listQualifiedNames("ArrayDeque", "ArrayDeque".length());
    }

    @Test
    void jshellsIndexWaitsWhileHeldAndIsBuiltOnceReleased() throws Exception {
        ClassIndexingHold hold = ClassIndexingHold.hold(60_000);
        assertTrue(hold.holding(), "JShell's indexer was not found on this JDK: start-up competes with it again");
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.sourceCodeAnalysis(); // starts the indexing, which now queues behind the hold
            Thread.sleep(3000); // unheld, the JDK's classes are indexed in about 0.9 s here
            assertFalse(suggestions(shell).isUpToDate(), "the index was built while held");

            hold.release();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!suggestions(shell).isUpToDate() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            SourceCodeAnalysis.QualifiedNames names = suggestions(shell);
            assertTrue(names.isUpToDate(), "the index was not built within 60 s of the release");
            assertTrue(names.getNames().contains("java.util.ArrayDeque"), names.getNames().toString());
        } finally {
            hold.release();
        }
    }
}
