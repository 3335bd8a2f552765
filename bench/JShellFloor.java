import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * JShell's own floor on this machine, with no kernel around it: one JVM builds a JShell that runs code in
 * itself (the "local" engine: no second JVM, no sockets, no Jupyter messages), evaluates {@code 1+1} and
 * prints {@code first-result}; bench/kernel_latency.py times that line from the process's start, interleaved
 * with the kernels' starts. Then it times {@code 1+1} again in the same JShell, as a kernel's trivial cell is
 * timed (--cells after --warmup), and prints one JSON line. Any JShell kernel does at least this much work.
 *
 * <pre>
 * java [JVM options] -cp DIR JShellFloor [--class-path CP] [--imports FILE] [--warmup N] [--cells N]
 * </pre>
 * --class-path adds a class path to the shell, --imports evaluates every line of FILE that starts with
 * "import " first, one snippet each (as Djinn's default imports are evaluated).
 */
public final class JShellFloor {

    public static void main(String[] args) throws Exception {
        String classPath = null;
        Path imports = null;
        int warmup = 10;
        int cells = 50;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--class-path" -> classPath = value;
                case "--imports" -> imports = Path.of(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--cells" -> cells = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            if (classPath != null) {
                shell.addToClasspath(classPath);
            }
            int imported = 0;
            if (imports != null) {
                for (String line : Files.readAllLines(imports)) {
                    if (line.startsWith("import ")) {
                        evaluate(shell, line);
                        imported++;
                    }
                }
            }
            String first = evaluate(shell, "1+1");
            if (!"2".equals(first)) {
                throw new IllegalStateException("1+1 gave " + first);
            }
            System.out.println("first-result");
            System.out.flush();
            for (int i = 0; i < warmup; i++) {
                evaluate(shell, "1+1");
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < cells; i++) {
                long started = System.nanoTime();
                evaluate(shell, "1+1");
                millis.add((System.nanoTime() - started) / 1e6);
            }
            Collections.sort(millis);
            double median = cells % 2 == 1 ? millis.get(cells / 2)
                    : (millis.get(cells / 2 - 1) + millis.get(cells / 2)) / 2;
            System.out.printf("{\"imports\": %d, \"trivial_eval_ms_median\": %.3f, \"trivial_eval_ms_p90\": %.3f}%n",
                    imported, median, millis.get(Math.max(0, (int) (0.9 * cells) - 1)));
        }
    }

    /** The snippet's value; a snippet that fails stops the measurement, which would no longer be the floor's. */
    private static String evaluate(JShell shell, String code) {
        String value = null;
        for (SnippetEvent event : shell.eval(code)) {
            if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                throw new IllegalStateException("'" + code + "' failed: " + (event.exception() != null
                        ? event.exception() : shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList()));
            }
            value = event.value();
        }
        return value;
    }
}
