package io.djinn.kernel.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a kernelspec goes, chosen as ipykernel's installer chooses: --user, --sys-prefix or --prefix. */
final class KernelSpecLocation {

    @Option(names = "--user", description = "install for the current user (the default)")
    boolean user;

    @Option(names = "--sys-prefix", description = "install into the active Python environment (sys.prefix)")
    boolean sysPrefix;

    @Option(names = "--prefix", paramLabel = "DIR", description = "install into DIR/share/jupyter/kernels")
    Path prefix;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "djinn",
            description = "the kernelspec's name (default: ${DEFAULT-VALUE})")
    String name;

    /** The directory for the process's environment, or null after saying on stderr why there is none. */
    Path kernelDirectoryOrExplain() throws IOException {
        try {
            return kernelDirectory(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return null;
        }
    }

    Path kernelDirectory(Map<String, String> env) throws IOException {
        int chosen = (user ? 1 : 0) + (sysPrefix ? 1 : 0) + (prefix != null ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException("choose one of --user, --sys-prefix and --prefix");
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name may use letters, digits, '.', '_' and '-' only: " + name);
        }
        Path dataDir;
        if (prefix != null) {
            dataDir = prefix.toAbsolutePath().resolve("share").resolve("jupyter");
        } else if (sysPrefix) {
            dataDir = pythonPrefix(env).resolve("share").resolve("jupyter");
        } else {
            dataDir = userDataDir(env);
        }
        return dataDir.resolve("kernels").resolve(name.toLowerCase(Locale.ROOT));
    }

    /** Jupyter's user data directory, as jupyter_core computes it. */
    static Path userDataDir(Map<String, String> env) {
        if (env.containsKey("JUPYTER_DATA_DIR")) {
            return Path.of(env.get("JUPYTER_DATA_DIR"));
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Jupyter");
        }
        if (os.contains("win")) {
            return Path.of(env.getOrDefault("APPDATA", home), "jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("jupyter");
    }

    private static Path pythonPrefix(Map<String, String> env) throws IOException {
        if (env.containsKey("VIRTUAL_ENV")) {
            return Path.of(env.get("VIRTUAL_ENV"));
        }
        if (env.containsKey("CONDA_PREFIX")) {
            return Path.of(env.get("CONDA_PREFIX"));
        }
        Process python = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (python.waitFor() != 0 || out.isEmpty()) {
                throw new IOException("--sys-prefix: python3 did not report sys.prefix; use --prefix DIR");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return Path.of(out);
    }
}
