package io.djinn.magics.profiling;

import io.djinn.magics.MagicContext;

/** Small pieces of generated Java that the profiling magics wrap around the user's code. */
final class JavaSource {

    private JavaSource() {}

    /** A Java string literal for the text. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default: out.append(c);
            }
        }
        return out.append('"').toString();
    }

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
