package io.djinn.magics.profiling;

import io.djinn.magics.MagicContext;

/** Small pieces of generated Java that the profiling magics wrap around the user's code. */
final class JavaSource {

    private JavaSource() {}

    /**
     * The code as statements of a lambda body. A lone expression with a value is handed to
     * {@code Timing.consume}, which makes it a statement and keeps the JIT from dropping its work.
     */
    static String asStatements(MagicContext context, String code) {
        String trimmed = code.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        String type = context.expressionType(trimmed);
        if (type != null && !type.equals("void")) {
            return "io.djinn.api.Timing.consume(" + trimmed + ");";
        }
        return trimmed.endsWith(";") || trimmed.endsWith("}") ? trimmed : trimmed + ";";
    }
}
