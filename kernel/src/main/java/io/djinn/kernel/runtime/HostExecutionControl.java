package io.djinn.kernel.runtime;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.concurrent.Semaphore;
import jdk.jshell.execution.StreamingExecutionControl;

/**
 * The kernel's end of the command channel. Two changes to the JDK's streaming control: a stop goes
 * over its own connection (the runtime does not read commands while user code runs), and while user
 * code runs the analysis gate is open, so completion and inspection can use JShell meanwhile.
 */
final class HostExecutionControl extends StreamingExecutionControl {

    private final RuntimeProcess process;
    private final Semaphore analysisGate;

    HostExecutionControl(ObjectOutput out, ObjectInput in, RuntimeProcess process, Semaphore analysisGate) {
        super(out, in);
        this.process = process;
        this.analysisGate = analysisGate;
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException,
            InternalException {
        analysisGate.release();
        try {
            return super.invoke(className, methodName);
        } finally {
            analysisGate.acquireUninterruptibly();
        }
    }

    @Override
    public void stop() {
        process.requestStop();
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            process.close();
        }
    }
}
