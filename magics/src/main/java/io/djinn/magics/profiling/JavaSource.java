package io.djinn.magics.profiling;

import io.djinn.magics.MagicContext;
import io.djinn.magics.NotebookApi;

/** Small pieces of generated Java that the profiling magics wrap around the user's code. */
final class JavaSource {

    private JavaSource() {}

    /**
     * The code as statements of a lambda body, to run many times after it has run once as a cell: its
     * imports, types and methods are declared by then and are left out (a lambda cannot declare them).
     * An expression with a value is handed to {@code Timing.consume}, which makes it a statement and keeps
     * the JIT from dropping its work.
     */
    static String asStatements(MagicContext context, String code) {
        StringBuilder body = new StringBuilder();
        for (MagicContext.CodePiece piece : context.pieces(code)) {
            if (piece.declaresOnly()) {
                continue;
            }
            String source = piece.source();
            if (piece.kind() == MagicContext.CodePiece.Kind.EXPRESSION) {
                String expression = source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
                String type = context.expressionType(expression);
                source = type != null && !type.equals("void") ? NotebookApi.consume(expression) : expression + ";";
            } else if (!source.endsWith(";") && !source.endsWith("}")) {
                source += ";";
            }
            body.append(body.length() == 0 ? "" : "\n").append(source);
        }
        return body.toString();
    }
}
