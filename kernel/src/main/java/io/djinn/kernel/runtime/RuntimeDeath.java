package io.djinn.kernel.runtime;

import io.djinn.wire.RuntimeConnection;
import java.util.List;

/** Why a runtime ended, in words a notebook user can act on. */
public record RuntimeDeath(Integer exitStatus, List<String> lastLogLines) {

    static final int AGENT_OUT_OF_MEMORY = RuntimeConnection.EXIT_AGENT_OUT_OF_MEMORY;

    public String describe() {
        StringBuilder text = new StringBuilder("The runtime JVM ");
        if (exitStatus == null) {
            text.append("stopped answering and was killed.");
        } else if (exitStatus == AGENT_OUT_OF_MEMORY) {
            text.append("ran out of heap memory and could no longer work (exit status " + AGENT_OUT_OF_MEMORY + "). "
                    + "Give it more with DJINN_JVM_OPTS=-Xmx..., or keep fewer large objects.");
        } else if (exitStatus > 128) {
            text.append("was killed by signal ").append(exitStatus - 128).append(" (")
                    .append(signalMeaning(exitStatus - 128)).append(", exit status ").append(exitStatus).append(").");
        } else {
            text.append("exited with status ").append(exitStatus)
                    .append(" (System.exit or Runtime.halt in user code, or a fatal JVM error).");
        }
        List<String> evidence = lastLogLines.stream().filter(line -> !line.isBlank()).toList();
        if (!evidence.isEmpty()) {
            text.append("\nIts last messages:\n  ").append(String.join("\n  ",
                    evidence.subList(Math.max(0, evidence.size() - 8), evidence.size())));
        }
        return text.toString();
    }

    static String signalMeaning(int signal) {
        switch (signal) {
            case 6: return "SIGABRT: a native library such as libtorch aborted";
            case 9: return "SIGKILL: killed from outside, often by the out-of-memory killer";
            case 11: return "SIGSEGV: a native crash";
            case 15: return "SIGTERM: asked to terminate from outside";
            default: return "signal " + signal;
        }
    }
}
