package io.djinn.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeDeathTest {

    @Test
    void explainsAnAbortWithTheLastMessages() {
        String text = new RuntimeDeath(134, List.of("", "terminate called after throwing c10::Error")).describe();
        assertTrue(text.startsWith("The runtime JVM was killed by signal 6 (SIGABRT: a native library such as"
                + " libtorch aborted, exit status 134)."), text);
        assertTrue(text.endsWith("Its last messages:\n  terminate called after throwing c10::Error"), text);
    }

    @Test
    void explainsAnExit() {
        assertEquals("The runtime JVM exited with status 3 (System.exit or Runtime.halt in user code, or a fatal JVM "
                + "error).", new RuntimeDeath(3, List.of()).describe());
    }

    @Test
    void explainsAKillAndTheAgentOutOfMemoryStatus() {
        assertTrue(new RuntimeDeath(137, List.of()).describe().contains("SIGKILL"));
        assertTrue(new RuntimeDeath(RuntimeDeath.AGENT_OUT_OF_MEMORY, List.of()).describe().contains("heap memory"));
        assertTrue(new RuntimeDeath(null, List.of()).describe().contains("stopped answering"));
    }
}
