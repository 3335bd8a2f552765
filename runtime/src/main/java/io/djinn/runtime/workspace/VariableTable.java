package io.djinn.runtime.workspace;

import io.djinn.api.Displayable;
import io.djinn.api.MimeBundle;
import io.djinn.runtime.render.ReportTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The notebook's variables as {@code %whos} and {@code %who} show them, sorted by name, filtered by type. */
public final class VariableTable {

    /** A variable as the kernel knows it: its name, declared type, and value (boxed if primitive). */
    public record Variable(String name, String declaredType, Object value) {}

    private final List<Variable> variables;
    private final Set<String> typeFilters;

    public VariableTable(List<Variable> variables, List<String> typeFilters) {
        this.typeFilters = Set.copyOf(typeFilters);
        List<Variable> kept = new ArrayList<>();
        for (Variable variable : variables) {
            if (this.typeFilters.isEmpty() || this.typeFilters.stream().anyMatch(filter -> isOfType(variable, filter))) {
                kept.add(variable);
            }
        }
        kept.sort(Comparator.comparing(Variable::name));
        this.variables = List.copyOf(kept);
    }

    public List<Variable> variables() {
        return variables;
    }

    /** {@code %whos}: name, type, and what the value is. */
    public Displayable details() {
        if (variables.isEmpty()) {
            return text(emptyMessage());
        }
        ReportTable table = new ReportTable(variables.size() + " variable" + (variables.size() == 1 ? "" : "s")
                + (typeFilters.isEmpty() ? "" : " of type " + String.join(", ", new TreeSet<>(typeFilters))),
                "Variable", "Type", "Data/Info");
        for (Variable variable : variables) {
            table.row(variable.name(), variable.declaredType(), ValueSummary.describe(variable.value()));
        }
        return table;
    }

    /** {@code %who}: the names only. */
    public Displayable names() {
        if (variables.isEmpty()) {
            return text(emptyMessage());
        }
        return text(String.join("   ", variables.stream().map(Variable::name).toList()));
    }

    private String emptyMessage() {
        return typeFilters.isEmpty() ? "No variables yet." : "No variables of type " + String.join(", ",
                new TreeSet<>(typeFilters)) + ".";
    }

    private static Displayable text(String text) {
        return () -> MimeBundle.text(text);
    }

    /**
     * Whether the variable's declared type, or the class of its value or any of its supertypes, has this simple
     * name: {@code NDArray} matches a PtNDArray in a {@code var}, {@code List} a {@code List<String>}.
     */
    static boolean isOfType(Variable variable, String type) {
        if (simpleName(variable.declaredType()).equals(type)) {
            return true;
        }
        Object value = variable.value();
        return value != null && hasSupertypeNamed(value.getClass(), type);
    }

    private static boolean hasSupertypeNamed(Class<?> type, String name) {
        if (type == null) {
            return false;
        }
        if (type.getSimpleName().equals(name)) {
            return true;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (hasSupertypeNamed(implemented, name)) {
                return true;
            }
        }
        return hasSupertypeNamed(type.getSuperclass(), name);
    }

    /** "java.util.List<String>" -> "List"; "int[]" stays "int[]". */
    private static String simpleName(String declaredType) {
        String raw = declaredType.contains("<") ? declaredType.substring(0, declaredType.indexOf('<')) : declaredType;
        return raw.substring(raw.lastIndexOf('.') + 1).strip();
    }
}
