package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import jdk.jshell.spi.ExecutionControl;
import org.junit.jupiter.api.Test;

class DeferredExecutionControlTest {

    /** Records the calls it gets, in order. */
    static final class RecordingControl implements ExecutionControl {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void load(ClassBytecodes[] classes) {
            calls.add("load " + classes.length);
        }

        /** As Djinn's runtime answers: JShell then loads a new class instead. */
        @Override
        public void redefine(ClassBytecodes[] classes) throws NotImplementedException {
            calls.add("redefine " + classes.length);
            throw new NotImplementedException("redefine not supported");
        }

        @Override
        public String invoke(String className, String methodName) {
            calls.add("invoke " + className + "." + methodName);
            return "42";
        }

        @Override
        public String varValue(String className, String variableName) {
            calls.add("varValue " + variableName);
            return "7";
        }

        @Override
        public void addToClasspath(String path) {
            calls.add("classpath " + path);
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public Object extensionCommand(String command, Object argument) {
            calls.add("extension " + command);
            return null;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void callsWaitForTheRuntimeAndTheClasspathAddedMeanwhileGoesFirst() throws Exception {
        CompletableFuture<ExecutionControl> starting = new CompletableFuture<>();
        DeferredExecutionControl deferred = new DeferredExecutionControl(starting);
        deferred.addToClasspath("a.jar"); // does not wait: JShell adds the class path right after building
        deferred.addToClasspath("b.jar");
        CompletableFuture<String> invoked = CompletableFuture.supplyAsync(() -> {
            try {
                return deferred.invoke("Cell", "run");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(invoked.isDone(), "an invoke before the runtime is up waits for it");

        RecordingControl runtime = new RecordingControl();
        starting.complete(runtime);
        assertEquals("42", invoked.get(10, TimeUnit.SECONDS));
        deferred.addToClasspath("c.jar");
        assertEquals("7", deferred.varValue("Cell", "x"));
        assertEquals(List.of("classpath a.jar", "classpath b.jar", "invoke Cell.run", "classpath c.jar", "varValue x"),
                runtime.calls);
    }

    @Test
    void aRuntimeThatDidNotStartFailsEveryCallAsAnEndedEngineWithItsReason() throws Exception {
        CompletableFuture<ExecutionControl> starting = new CompletableFuture<>();
        DeferredExecutionControl deferred = new DeferredExecutionControl(starting);
        starting.completeExceptionally(new IOException("the runtime JVM exited during start with status 1"));

        ExecutionControl.EngineTerminationException ended = assertThrows(
                ExecutionControl.EngineTerminationException.class, () -> deferred.invoke("Cell", "run"));
        assertTrue(ended.getMessage().contains("exited during start with status 1"), ended.getMessage());
        assertThrows(ExecutionControl.EngineTerminationException.class,
                () -> deferred.load(new ExecutionControl.ClassBytecodes[0]));
        deferred.stop(); // nothing to stop
        deferred.close(); // nothing to close
    }

    @Test
    void stopBeforeTheRuntimeIsUpDoesNothingAndCloseWaitsToCloseIt() throws Exception {
        CompletableFuture<ExecutionControl> starting = new CompletableFuture<>();
        DeferredExecutionControl deferred = new DeferredExecutionControl(starting);
        deferred.stop();
        deferred.close(); // JShell closed while the runtime still starts
        RecordingControl runtime = new RecordingControl();
        starting.complete(runtime);
        assertEquals(List.of("close"), runtime.calls, "the runtime that came up late is closed, not left running");
    }

    @Test
    void theRuntimesOwnRefusalsPassUnchanged() {
        RecordingControl runtime = new RecordingControl();
        DeferredExecutionControl deferred = new DeferredExecutionControl(CompletableFuture.completedFuture(runtime));
        // NotImplementedException is an InternalException: turned into an ended engine, JShell would close
        // the runtime on every redeclaration that changes a variable's type
        assertThrows(ExecutionControl.NotImplementedException.class,
                () -> deferred.redefine(new ExecutionControl.ClassBytecodes[0]));
        assertEquals(List.of("redefine 0"), runtime.calls);
    }

    @Test
    void stopReachesARuntimeThatIsUp() throws Exception {
        RecordingControl runtime = new RecordingControl();
        DeferredExecutionControl deferred = new DeferredExecutionControl(CompletableFuture.completedFuture(runtime));
        deferred.stop();
        deferred.close();
        assertEquals(List.of("stop", "close"), runtime.calls);
    }
}
