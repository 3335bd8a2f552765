package io.djinn.runtime.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** %whos and %who: sorting, and filters that match what a person calls the type. */
class VariableTableTest {

    private static final List<VariableTable.Variable> VARIABLES = List.of(
            new VariableTable.Variable("zeta", "int", 3),
            new VariableTable.Variable("names", "List<String>", new ArrayList<>(List.of("a"))),
            new VariableTable.Variable("alpha", "String", "hi"),
            new VariableTable.Variable("inferred", "ArrayList<Integer>", new ArrayList<Integer>()));

    private static String text(VariableTable table, boolean details) {
        return (String) (details ? table.details() : table.names()).toMimeBundle().data().get("text/plain");
    }

    @Test
    void namesAreSorted() {
        assertEquals("alpha   inferred   names   zeta", text(new VariableTable(VARIABLES, List.of()), false));
    }

    @Test
    void aFilterMatchesTheDeclaredTypeOrAnySupertypeOfTheValue() {
        assertEquals("inferred   names", text(new VariableTable(VARIABLES, List.of("List")), false));
        assertEquals("inferred   names", text(new VariableTable(VARIABLES, List.of("Collection")), false));
        assertEquals("alpha   zeta", text(new VariableTable(VARIABLES, List.of("int", "String")), false));
        assertEquals("No variables of type Model, NDArray.",
                text(new VariableTable(VARIABLES, List.of("NDArray", "Model")), true));
        assertEquals("No variables yet.", text(new VariableTable(List.of(), List.of()), true));
    }

    @Test
    void detailsShowTheTypeAsDeclaredAndTheValueInBrief() {
        String text = text(new VariableTable(VARIABLES, List.of("List")), true);
        assertTrue(text.startsWith("2 variables of type List\n"), text);
        assertTrue(text.contains("names     List<String>        1 element"), text);
    }
}
