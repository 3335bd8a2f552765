package io.djinn.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * What a snippet did to earlier declarations, one line per effect, as the jshell tool reports it: which
 * name, what happened, why. JShell resets a variable whose class it recompiled when the value no longer
 * fits (a class it names was redefined; the runtime keeps the other values), makes a declaration unusable
 * when a name it uses is gone or ambiguous, and replaces a method or class declared again. Without a word, the user finds out cells
 * later from a null or a "cannot find symbol".
 */
final class UpdateNotes {

    private UpdateNotes() {}

    /**
     * @param skip snippets whose updates are someone else's to report (the kernel's own)
     * @param lostValue whether a recompiled variable, by name, lost its value (the runtime keeps the others')
     */
    static List<String> describe(JShell shell, List<SnippetEvent> events, Predicate<Snippet> skip,
            Predicate<String> lostValue) {
        List<String> notes = new ArrayList<>();
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            Snippet cause = event.causeSnippet();
            if (cause == null || !(snippet instanceof PersistentSnippet) || skip.test(snippet)) {
                continue;
            }
            String note = describe(shell, event, snippet, cause, lostValue);
            if (note != null) {
                notes.add(note);
            }
        }
        return notes;
    }

    private static String describe(JShell shell, SnippetEvent event, Snippet snippet, Snippet cause,
            Predicate<String> lostValue) {
        Snippet.Status before = event.previousStatus();
        Snippet.Status now = event.status();
        if (now == Snippet.Status.OVERWRITTEN) {
            return replaced(snippet, cause);
        }
        if (now == Snippet.Status.DROPPED) {
            return null;
        }
        if (before == Snippet.Status.VALID && now == Snippet.Status.VALID) {
            return snippet instanceof VarSnippet variable && lostValue.test(variable.name())
                    ? "variable " + variable.name() + " was reset to " + defaultValue(variable) + " because "
                            + name(cause) + " changed; run its cell again to set it."
                    : null;
        }
        if (before == Snippet.Status.VALID && !now.isDefined()) {
            return name(snippet) + " cannot be used now: " + reason(shell, snippet) + ".";
        }
        if (before == Snippet.Status.VALID && now == Snippet.Status.RECOVERABLE_DEFINED) {
            return name(snippet) + " can only be used once " + reason(shell, snippet) + ".";
        }
        boolean recoverable = before == Snippet.Status.RECOVERABLE_DEFINED || before == Snippet.Status.RECOVERABLE_NOT_DEFINED;
        if (recoverable && now == Snippet.Status.VALID) {
            return name(snippet) + " can be used again.";
        }
        return null;
    }

    /** An import that replaced another of the same name, or a method or class declared anew, not re-run. */
    private static String replaced(Snippet old, Snippet replacement) {
        if (old instanceof ImportSnippet oldImport && replacement instanceof ImportSnippet newImport) {
            return oldImport.fullname().equals(newImport.fullname()) ? null
                    : newImport.name() + " means " + newImport.fullname() + " now (it meant " + oldImport.fullname() + ").";
        }
        if ((old instanceof MethodSnippet || old instanceof TypeDeclSnippet) && !sameSource(old, replacement)) {
            return name(replacement) + " replaces its earlier declaration.";
        }
        return null;
    }

    private static boolean sameSource(Snippet a, Snippet b) {
        return a.source().strip().replaceAll("\\s+", " ").equals(b.source().strip().replaceAll("\\s+", " "));
    }

    /** Why a declaration cannot be used: the names it lacks, or the compiler's first complaint. */
    private static String reason(JShell shell, Snippet snippet) {
        if (snippet instanceof DeclarationSnippet declaration) {
            String missing = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                return missing + " is declared";
            }
        }
        return shell.diagnostics(snippet).filter(diag -> diag.isError())
                .map(diag -> diag.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                .findFirst().orElse("it no longer compiles");
    }

    /** "variable x", "method f(int)", "class Foo", "import java.awt.*". */
    static String name(Snippet snippet) {
        if (snippet instanceof VarSnippet variable) {
            return "variable " + variable.name();
        } else if (snippet instanceof MethodSnippet method) {
            return "method " + method.name() + "(" + method.parameterTypes() + ")";
        } else if (snippet instanceof TypeDeclSnippet type) {
            return KernelDefinitions.kind(type) + " " + type.name();
        } else if (snippet instanceof ImportSnippet imported) {
            return "import " + (imported.isStatic() ? "static " : "") + imported.fullname();
        }
        return "snippet " + snippet.id();
    }

    private static String defaultValue(VarSnippet variable) {
        return switch (variable.typeName()) {
            case "boolean" -> "false";
            case "byte", "short", "int", "long", "char" -> "0";
            case "float", "double" -> "0.0";
            default -> "null";
        };
    }
}
