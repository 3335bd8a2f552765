package io.djinn.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Every environment variable Djinn reads, read here and nowhere else. Each DJINN_ name also answers
 * to IJava's IJAVA_ name (and JJava's JJAVA_), so IJava set-ups keep working; the README lists them.
 */
public final class Env {

    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** Extra classpath entries for every session, separated by the platform's path separator. */
    public List<String> classpath() {
        return split(first("DJINN_CLASSPATH", "IJAVA_CLASSPATH", "JJAVA_CLASSPATH"));
    }

    /** .jsh files run at the start of every runtime, after the default imports. */
    public List<String> startupScriptPaths() {
        return split(first("DJINN_STARTUP_SCRIPTS_PATH", "IJAVA_STARTUP_SCRIPTS_PATH", "JJAVA_STARTUP_SCRIPTS_PATH"));
    }

    /** Java source run at the start of every runtime, after the startup scripts. */
    public String startupScript() {
        return first("DJINN_STARTUP_SCRIPT", "IJAVA_STARTUP_SCRIPT", "JJAVA_STARTUP_SCRIPT");
    }

    /** Options for the runtime JVM, where user code runs (for example -Xmx8g). */
    public String runtimeJvmOptions() {
        return first("DJINN_JVM_OPTS", "IJAVA_JVM_OPTS", "JJAVA_JVM_OPTS");
    }

    /**
     * The options every java started from here reads by itself (JAVA_TOOL_OPTIONS, then JDK_JAVA_OPTIONS), one
     * word each, so that what Djinn adds to the runtime's command line stays out of their way.
     */
    public List<String> javaOptionsFromEnvironment() {
        List<String> words = new ArrayList<>();
        for (String name : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            for (String word : first(name).trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** Options for JShell's compiler (for example --enable-preview). */
    public String compilerOptions() {
        return first("DJINN_COMPILER_OPTS", "IJAVA_COMPILER_OPTS", "JJAVA_COMPILER_OPTS");
    }

    /** Longest run of one cell in milliseconds before it is stopped; none when unset or negative. */
    public long cellTimeoutMillis() {
        String value = first("DJINN_TIMEOUT", "IJAVA_TIMEOUT", "JJAVA_TIMEOUT");
        try {
            return value.isBlank() ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DJINN_TIMEOUT must be a number of milliseconds, not '" + value + "'");
        }
    }

    /** stdout and stderr shown per cell, in bytes (DJINN_OUTPUT_LIMIT_MB, default 8); 0 for no limit. */
    public long outputLimitBytes() {
        String value = first("DJINN_OUTPUT_LIMIT_MB");
        try {
            double megabytes = value.isBlank() ? 8 : Double.parseDouble(value.trim());
            return (long) (megabytes * 1024 * 1024);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DJINN_OUTPUT_LIMIT_MB must be a number of megabytes, not '" + value + "'");
        }
    }

    /**
     * Whether the runtime closes the NDArrays a snippet let go of that nothing in the notebook reaches
     * (DJINN_FREE_ARRAYS, default true).
     */
    public boolean freeUnreachableArrays() {
        return flag("DJINN_FREE_ARRAYS", true);
    }

    /**
     * Whether the runtime's native allocator keeps freed memory for the next training step
     * (DJINN_KEEP_NATIVE_MEMORY, default true; see NativeAllocator); false leaves glibc's defaults.
     */
    public boolean keepNativeMemory() {
        return flag("DJINN_KEEP_NATIVE_MEMORY", true);
    }

    private boolean flag(String variable, boolean unset) {
        String value = first(variable).trim();
        if (value.isEmpty()) {
            return unset;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(variable + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** Where DJL unpacks its native libraries: a directory the kernel owns. */
    public Path djlCacheDir() {
        String explicit = first("DJINN_CACHE_DIR");
        if (!explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = first("XDG_CACHE_HOME");
        Path cache = xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return cache.resolve("djinn").resolve("djl");
    }

    /** DJL offline: it never tries to download (natives, models) and fails at once instead of after time-outs. */
    public boolean offline() {
        return Boolean.parseBoolean(first("DJINN_OFFLINE", "DJL_OFFLINE"));
    }

    /** Which libtorch the runtime loads: auto (CUDA when an NVIDIA driver is present), cpu, or a CUDA flavor. */
    public String torchFlavor() {
        String value = first("DJINN_TORCH_FLAVOR");
        return value.isBlank() ? "auto" : value.trim();
    }

    /** A libtorch directory to load instead of DJL's own (DJL's PYTORCH_LIBRARY_PATH); empty when unset. */
    public String torchLibraryPath() {
        return first("DJINN_TORCH_LIBRARY_PATH");
    }

    /** A DJL JNI library built for the libtorch DJINN_TORCH_LIBRARY_PATH names ({@code djinn build-jni}); empty when unset. */
    public String torchJni() {
        return first("DJINN_TORCH_JNI");
    }

    /**
     * Whether the notebook carries plotly.js ({@code inline}, the default: one copy, 2.7 MB, in an output of its
     * own, so that the notebook's HTML draws its charts anywhere, offline) or not ({@code none}: charts are
     * drawn from their Plotly JSON by JupyterLab's or VS Code's Plotly renderer only).
     */
    public boolean carryPlotlyJs() {
        return plotlyJs().equals("inline");
    }

    public String plotlyJs() {
        String value = first("DJINN_PLOTLY_JS").trim();
        if (value.isEmpty()) {
            return "inline";
        }
        if (!value.equals("inline") && !value.equals("none")) {
            throw new IllegalArgumentException("DJINN_PLOTLY_JS must be inline or none, not '" + value + "'");
        }
        return value;
    }

    /** %maven offline: only the local repository is used. */
    public boolean mavenOffline() {
        return Boolean.parseBoolean(first("DJINN_MAVEN_OFFLINE"));
    }

    /** Whether the runtime loads the PyTorch engine in the background as soon as it starts. */
    public boolean engineWarmup() {
        String value = first("DJINN_WARMUP");
        return value.isBlank() || Boolean.parseBoolean(value);
    }

    /** The kernel's log level (error, warn, info, debug; default warn); the log goes to the Jupyter server's console. */
    public String logLevel() {
        String value = first("DJINN_LOG_LEVEL");
        return value.isBlank() ? "warn" : value;
    }

    /**
     * The process that launched the kernel, which jupyter_client names in JPY_PARENT_PID (LauncherWatch); empty
     * when unset or not a number, since a kernel started by hand has none.
     */
    public OptionalLong launcherPid() {
        try {
            String value = first("JPY_PARENT_PID").trim();
            return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Maven's local repository for %maven. */
    public Path mavenLocalRepository() {
        String explicit = first("DJINN_MAVEN_LOCAL_REPOSITORY");
        return explicit.isBlank() ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(explicit);
    }

    private String first(String... names) {
        for (String name : names) {
            String value = variables.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static List<String> split(String paths) {
        List<String> entries = new ArrayList<>();
        for (String entry : paths.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }
}
