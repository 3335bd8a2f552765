package io.djinn.kernel.execution;

import io.djinn.api.UsageException;
import io.djinn.wire.JShellNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns JShell's compile diagnostics and exceptions into tracebacks that show the user's frames as
 * cell lines and leave out the frames of JShell, reflection and the runtime agent.
 */
final class ErrorFormatter {

    // javac names the class around a missing symbol; in a snippet that is JShell's wrapper, which JShell
    // leaves unnamed ("location: class "), a line that says nothing.
    private static final Pattern WRAPPER_LOCATION = Pattern.compile("\\s*location: class\\s*");

    private static final List<String> HIDDEN_PREFIXES = List.of(
            "jdk.internal.", "java.lang.reflect.", "jdk.jshell.", "io.djinn.runtime.", "java.lang.Thread");

    private static final String USAGE_EXCEPTION = UsageException.class.getName();

    private final SnippetLocations locations;

    ErrorFormatter(SnippetLocations locations) {
        this.locations = locations;
    }

    CellFailure exception(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            String message = "cannot run " + unresolved.getSnippet().source().strip().lines().findFirst().orElse("")
                    + ": it uses something not yet declared";
            return CellFailure.plain("UnresolvedReferenceException", message);
        }
        String name = exception instanceof EvalException eval ? eval.getExceptionClassName()
                : exception.getClass().getName();
        String message = exception.getMessage();
        if (USAGE_EXCEPTION.equals(name)) {
            // Djinn's API refusing its arguments: the message says it all, a stack trace would not help.
            return CellFailure.plain("UsageError", message);
        }
        List<String> traceback = new ArrayList<>();
        Optional<String> outOfMemory = CudaOutOfMemory.summary(message);
        if (outOfMemory.isPresent()) {
            // PyTorch's message is long and ends in allocator advice; the useful part goes first.
            traceback.add(CellFailure.headline(name, outOfMemory.get()));
            CudaOutOfMemory.HINTS.forEach(hint -> traceback.add("  " + hint));
            traceback.add("PyTorch said: " + message);
        } else {
            traceback.add(CellFailure.headline(name, message));
        }
        StackTraceElement[] frames = exception.getStackTrace();
        EngineDifferences.explain(new EngineDifferences.Error(name, message, frames.length > 0 ? frames[0] : null))
                .ifPresent(traceback::add);
        appendFrames(exception, traceback);
        Throwable cause = exception.getCause();
        while (cause != null) {
            String causeName = cause instanceof EvalException eval ? eval.getExceptionClassName()
                    : cause.getClass().getName();
            traceback.add("Caused by: " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            appendFrames(cause, traceback);
            cause = cause.getCause();
        }
        return new CellFailure(name, outOfMemory.orElse(message == null ? "" : message), traceback);
    }

    private void appendFrames(Throwable error, List<String> traceback) {
        for (StackTraceElement frame : error.getStackTrace()) {
            String className = frame.getClassName();
            if (HIDDEN_PREFIXES.stream().anyMatch(className::startsWith)) {
                continue;
            }
            traceback.add("    at " + describe(frame));
        }
    }

    String describe(StackTraceElement frame) {
        String className = frame.getClassName();
        String file = frame.getFileName();
        boolean inSnippet = file != null && file.startsWith("#");
        String member = JShellNames.memberPath(className);
        boolean wrapped = member != null;
        // JShell rewrites snippet frames: the file becomes "#<snippet id>" and the class its name inside
        // the snippet ("" for the snippet itself, "Model" for a class declared in it, "1" for an anonymous one).
        if (!inSnippet && !wrapped && !className.isEmpty()) {
            return frame.toString();
        }
        String where = inSnippet ? locations.describe(file.substring(1), frame.getLineNumber()) : null;
        String declaringClass = wrapped ? member : className;
        String method = frame.getMethodName();
        String name = method.isEmpty() || method.equals(JShellNames.RUN_METHOD) ? "<cell>"
                : (declaringClass.isEmpty() ? "" : readableClass(declaringClass) + ".") + readableMethod(method);
        return name + " (" + (where != null ? where : "snippet " + file) + ")";
    }

    /** "Model$Inner" -> "Model.Inner"; anonymous classes ("1", "Model$2") -> "<anonymous>". */
    private static String readableClass(String binaryName) {
        List<String> parts = new ArrayList<>();
        for (String part : binaryName.split("\\$")) {
            parts.add(!part.isEmpty() && part.chars().allMatch(Character::isDigit) ? "<anonymous>" : part);
        }
        return String.join(".", parts);
    }

    /** javac's lambda bodies ("lambda$do_it$$0", "lambda$fit$1") -> "<lambda>", "<lambda in fit>". */
    private static String readableMethod(String method) {
        if (!method.startsWith("lambda$")) {
            return method;
        }
        String enclosing = method.substring("lambda$".length()).split("\\$", 2)[0];
        return enclosing.isEmpty() || enclosing.equals("do_it") ? "<lambda>" : "<lambda in " + enclosing + ">";
    }

    /**
     * Compile errors of one snippet, each with its cell line and a caret under the problem.
     *
     * @param origin where the source came from: "cell [3]", or a file %load ran
     */
    CellFailure compileErrors(List<Diag> diagnostics, String source, int firstLineInCell, String origin) {
        List<String> traceback = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (Diag diag : diagnostics) {
            if (!diag.isError()) {
                continue;
            }
            String message = diag.getMessage(Locale.ROOT);
            messages.add(message.lines().findFirst().orElse(message));
            long position = Math.max(0, Math.min(diag.getStartPosition(), source.length()));
            int line = countNewlines(source, (int) position);
            int column = (int) position - (source.lastIndexOf('\n', (int) position - 1) + 1);
            traceback.add(CellFailure.headline("CompilationError",
                    origin + ", line " + (firstLineInCell + line + 1)));
            if (line < lines.length) {
                traceback.add("    " + lines[line]);
                traceback.add("    " + " ".repeat(Math.max(0, column)) + "^");
            }
            message.lines().filter(text -> !WRAPPER_LOCATION.matcher(text).matches())
                    .forEach(text -> traceback.add("  " + text));
        }
        if (messages.isEmpty()) {
            messages.add("the snippet was rejected");
            traceback.add(CellFailure.headline("CompilationError", "the snippet was rejected"));
        }
        return new CellFailure("CompilationError", String.join("; ", messages), traceback);
    }

    private static int countNewlines(String text, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
