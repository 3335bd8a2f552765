package io.djinn.kernel.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definitions the kernel makes in every runtime (its default imports and {@code manager}), kept out
 * of the user's way and kept working, whatever a cell declares or imports. Call {@link #afterSnippet}
 * with the events of each snippet a cell evaluates, holding the analysis gate. Three rules:
 * <ul>
 *   <li>A user's on-demand import wins over the default on-demand imports for the simple names they
 *       share ({@code import java.awt.*} makes {@code Font} AWT's, not Tablesaw's), except names the
 *       defaults import singly ({@code List}, {@code Shape}). Java would call those names ambiguous, and
 *       only where the user uses them, cells later.</li>
 *   <li>A type a user declares replaces a single-type import of the same simple name. JShell keeps both,
 *       and then every later snippet fails to compile ("a type with the same simple name is already
 *       defined by the single-type-import").</li>
 *   <li>A kernel variable ({@code manager}) that a user's declaration reset or made unusable is declared
 *       again. Its source names everything fully qualified, so that it compiles whatever is imported.</li>
 * </ul>
 * Each rule applied is one line of the returned notes.
 */
final class KernelDefinitions {

    private static final Logger LOG = LoggerFactory.getLogger(KernelDefinitions.class);

    /** What one snippet's evaluation led to here: notes for the user, and the events of what was evaluated. */
    record Outcome(List<String> notes, List<SnippetEvent> events) {
        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    private final List<VarSnippet> variables = new ArrayList<>();
    private final Set<String> onDemandPackages = new TreeSet<>();
    // The simple names the default on-demand imports bring, each with its package; filled when first needed.
    private Map<String, String> onDemandTypes;
    private final Map<String, Set<String>> typesByPackage = new HashMap<>();

    /** @param kernelSnippets the imports and declarations of the kernel's own startup sources */
    KernelDefinitions(List<Snippet> kernelSnippets) {
        for (Snippet snippet : kernelSnippets) {
            if (snippet instanceof VarSnippet variable) {
                variables.add(variable);
            } else if (snippet instanceof ImportSnippet imported
                    && imported.subKind() == Snippet.SubKind.TYPE_IMPORT_ON_DEMAND_SUBKIND) {
                onDemandPackages.add(packageOf(imported));
            }
        }
    }

    /** @param lostValue whether a recompiled variable, by name, lost its value */
    Outcome afterSnippet(JShell shell, List<SnippetEvent> events, Predicate<String> lostValue) {
        List<String> notes = new ArrayList<>();
        List<SnippetEvent> evaluated = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null || !event.status().isActive()) {
                continue;
            }
            if (event.snippet() instanceof TypeDeclSnippet type) {
                replaceSameNamedImport(shell, type, notes, evaluated);
            } else if (event.snippet() instanceof ImportSnippet imported
                    && imported.subKind() == Snippet.SubKind.TYPE_IMPORT_ON_DEMAND_SUBKIND) {
                preferUserPackage(shell, packageOf(imported), notes, evaluated);
            }
        }
        List<SnippetEvent> all = new ArrayList<>(events);
        all.addAll(evaluated);
        restoreVariables(shell, all, lostValue, notes, evaluated);
        return notes.isEmpty() && evaluated.isEmpty() ? Outcome.NONE : new Outcome(notes, evaluated);
    }

    /** Whether JShell's record of this snippet is one of the kernel's own variables. */
    boolean isKernelVariable(Snippet snippet) {
        return variables.contains(snippet);
    }

    private static void replaceSameNamedImport(JShell shell, TypeDeclSnippet type, List<String> notes,
            List<SnippetEvent> evaluated) {
        shell.imports()
                .filter(imported -> imported.subKind() == Snippet.SubKind.SINGLE_TYPE_IMPORT_SUBKIND
                        && imported.name().equals(type.name()) && shell.status(imported).isActive())
                .toList()
                .forEach(imported -> {
                    evaluated.addAll(shell.drop(imported));
                    notes.add(kind(type) + " " + type.name() + " replaces import " + imported.fullname() + ".");
                });
    }

    private void preferUserPackage(JShell shell, String userPackage, List<String> notes, List<SnippetEvent> evaluated) {
        if (onDemandPackages.contains(userPackage)) {
            return;
        }
        Map<String, String> defaults = onDemandTypes(shell);
        Set<String> named = shell.imports()
                .filter(imported -> imported.subKind() == Snippet.SubKind.SINGLE_TYPE_IMPORT_SUBKIND
                        && shell.status(imported).isActive())
                .map(ImportSnippet::name)
                .collect(Collectors.toSet());
        shell.types().filter(type -> shell.status(type).isActive()).forEach(type -> named.add(type.name()));
        for (String name : types(shell, userPackage)) {
            String defaultPackage = defaults.get(name);
            if (defaultPackage == null || named.contains(name)) {
                continue;
            }
            List<SnippetEvent> made = shell.eval("import " + userPackage + "." + name + ";");
            evaluated.addAll(made);
            if (!made.isEmpty() && made.get(0).status().isActive()) {
                notes.add(name + " means " + userPackage + "." + name + " now: your import " + userPackage
                        + ".* comes before Djinn's default import " + defaultPackage + ".*.");
            }
        }
    }

    private void restoreVariables(JShell shell, List<SnippetEvent> seen, Predicate<String> lostValue, List<String> notes,
            List<SnippetEvent> evaluated) {
        for (int i = 0; i < variables.size(); i++) {
            VarSnippet variable = variables.get(i);
            Snippet.Status status = shell.status(variable);
            if (status == Snippet.Status.OVERWRITTEN || status == Snippet.Status.DROPPED) {
                continue; // the user declared their own: theirs it is
            }
            // JShell recompiles a variable's class when something it names changes, and the value is lost where
            // it no longer fits; a status that is not VALID means it cannot be used at all.
            if (status == Snippet.Status.VALID && !(wasRecompiled(variable, seen) && lostValue.test(variable.name()))) {
                continue;
            }
            List<SnippetEvent> made = shell.eval(variable.source());
            evaluated.addAll(made);
            SnippetEvent own = made.stream().filter(event -> event.causeSnippet() == null).findFirst().orElse(null);
            if (own != null && own.status() == Snippet.Status.VALID && own.exception() == null) {
                variables.set(i, (VarSnippet) own.snippet());
                LOG.debug("restored the kernel's variable {}", variable.name());
            } else {
                notes.add("Djinn's variable " + variable.name() + " could not be restored: "
                        + (own == null ? "JShell did not evaluate it" : own.exception() != null
                                ? own.exception().toString()
                                : shell.diagnostics(own.snippet()).map(d -> d.getMessage(null)).findFirst().orElse("")));
            }
        }
    }

    /** Whether JShell updated the variable as a consequence of another snippet (which resets it). */
    private static boolean wasRecompiled(VarSnippet variable, List<SnippetEvent> events) {
        return events.stream().anyMatch(event -> event.snippet() == variable && event.causeSnippet() != null);
    }

    private Map<String, String> onDemandTypes(JShell shell) {
        if (onDemandTypes == null) {
            Map<String, String> types = new LinkedHashMap<>();
            for (String defaultPackage : onDemandPackages) {
                types(shell, defaultPackage).forEach(name -> types.putIfAbsent(name, defaultPackage));
            }
            onDemandTypes = types;
        }
        return onDemandTypes;
    }

    /** The types of a package as the compiler sees it, from JShell's completion of "package.". */
    private Set<String> types(JShell shell, String packageName) {
        return typesByPackage.computeIfAbsent(packageName, name -> {
            String code = name + ".";
            return shell.sourceCodeAnalysis().completionSuggestions(code, code.length(), new int[1]).stream()
                    .map(SourceCodeAnalysis.Suggestion::continuation)
                    .filter(continuation -> !continuation.isEmpty() && Character.isUpperCase(continuation.charAt(0)))
                    .collect(Collectors.toCollection(TreeSet::new));
        });
    }

    private static String packageOf(ImportSnippet onDemand) {
        String name = onDemand.fullname();
        return name.endsWith(".*") ? name.substring(0, name.length() - 2) : name;
    }

    static String kind(TypeDeclSnippet type) {
        return switch (type.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation";
            case RECORD_SUBKIND -> "record";
            default -> "class";
        };
    }
}
