package io.djinn.kernel.analysis;

import io.djinn.magics.MagicContext;
import java.util.List;

/** What magics ask of JShell's analysis without running anything. */
public interface SnippetAnalysis {

    /** The static type of an expression ("int", "NDArray", "void"), or null when the code is not one. */
    String expressionType(String code);

    /** The code as JShell's snippets, each with its kind. */
    List<MagicContext.CodePiece> pieces(String code);

    /** The variables code can use now, in the order they were declared; JShell's result variables left out. */
    List<MagicContext.Variable> variables();
}
