package io.djinn.api;

import io.djinn.runtime.workspace.VariableTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The notebook's variables, as {@code %whos} and {@code %who} show them. The magics pass the variables the kernel
 * knows (names, declared types, values); from Java, pass your own, as in
 * {@code Workspace.whos(new String[] {"x"}, new String[] {"NDArray"}, new Object[] {x})}.
 */
public final class Workspace {

    private Workspace() {}

    /**
     * A table of the variables: name, declared type, and a line about the value (an NDArray's shape, dtype,
     * device and bytes; an NDManager's open arrays; a Model's or Block's parameter count; a Table's size).
     *
     * @param types keep only variables of these types (simple names: "NDArray", "int", "Table"); none keeps all
     */
    public static Displayable whos(String[] names, String[] declaredTypes, Object[] values, String... types) {
        return table(names, declaredTypes, values, types).details();
    }

    /** The variables' names, sorted, filtered by type as {@link #whos}. */
    public static Displayable who(String[] names, String[] declaredTypes, Object[] values, String... types) {
        return table(names, declaredTypes, values, types).names();
    }

    private static VariableTable table(String[] names, String[] declaredTypes, Object[] values, String[] types) {
        if (names.length != declaredTypes.length || names.length != values.length) {
            throw new IllegalArgumentException("names, declaredTypes and values must be as long as each other");
        }
        List<VariableTable.Variable> variables = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            variables.add(new VariableTable.Variable(names[i], declaredTypes[i], values[i]));
        }
        return new VariableTable(variables, List.of(types));
    }
}
