package io.djinn.magics.shell;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment variables of the processes a session starts: the kernel's own, with what {@code %env NAME=VALUE}
 * set on top. Shell magics run with it; the kernel starts runtimes with it. A running JVM's environment cannot
 * change, so the runtime running now keeps the one it started with.
 */
public final class SessionEnvironment {

    private static final String[] SECRET_WORDS = {"TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY", "CREDENTIAL"};

    private final Map<String, String> inherited;
    private final Map<String, String> set = new ConcurrentHashMap<>();

    public SessionEnvironment() {
        this(System.getenv());
    }

    /** @param inherited the environment the kernel started with */
    public SessionEnvironment(Map<String, String> inherited) {
        this.inherited = Map.copyOf(inherited);
    }

    public void set(String name, String value) {
        set.put(name, value);
    }

    /** What {@code %env} set in this session, for a process to add to the environment it inherits. */
    public Map<String, String> overrides() {
        return Collections.unmodifiableMap(set);
    }

    /** The whole environment of a process started now, sorted by name. */
    public Map<String, String> all() {
        Map<String, String> all = new TreeMap<>(inherited);
        all.putAll(set);
        return all;
    }

    /** The value, or null when the variable is not set. */
    public String get(String name) {
        return set.containsKey(name) ? set.get(name) : inherited.get(name);
    }

    /** Whether a variable's name suggests a secret (a token, a password, a key), whose value a listing hides. */
    static boolean looksSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (upper.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
