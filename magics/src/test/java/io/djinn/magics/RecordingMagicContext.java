package io.djinn.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A magic context for magic tests: records the code magics run in the runtime and whether its value is shown;
 * says "NDArray" is the type of any expression containing "add(". With {@code failBody}, code that is not a
 * call of the notebook API fails, as a user's failing cell does.
 */
public final class RecordingMagicContext implements MagicContext {
    public final List<String> ran = new ArrayList<>();
    public final List<Boolean> shown = new ArrayList<>();
    public final StringBuffer out = new StringBuffer();
    public final StringBuffer err = new StringBuffer();
    public boolean failBody;
    public volatile boolean interrupt;
    public Path directory = Path.of("/work");
    public final List<Variable> variables = new ArrayList<>();

    @Override
    public boolean runCell(String source, boolean showValue) {
        ran.add(source);
        shown.add(showValue);
        return !(failBody && !source.startsWith("io.djinn.api."));
    }

    @Override
    public String expressionType(String code) {
        return code.contains("add(") ? "NDArray" : code.endsWith(".close()") ? "void" : null;
    }

    /** One piece per line, told apart by how it starts and ends (JShell's analysis, in the kernel, does it properly). */
    @Override
    public List<CodePiece> pieces(String code) {
        List<CodePiece> pieces = new ArrayList<>();
        for (String line : code.split("\n")) {
            String source = line.strip();
            if (source.isEmpty() || source.startsWith("//")) {
                continue;
            }
            CodePiece.Kind kind = source.startsWith("import ") ? CodePiece.Kind.IMPORT
                    : source.startsWith("record ") || source.startsWith("class ") ? CodePiece.Kind.TYPE
                    : source.matches("\\w+ \\w+\\(.*\\) \\{.*}") && !source.startsWith("for ") ? CodePiece.Kind.METHOD
                    : source.startsWith("var ") ? CodePiece.Kind.VARIABLE
                    : source.endsWith(";") || source.endsWith("}") ? CodePiece.Kind.STATEMENT
                    : CodePiece.Kind.EXPRESSION;
            pieces.add(new CodePiece(source, kind));
        }
        return pieces;
    }

    @Override public List<Variable> variables() { return variables; }
    @Override public boolean interrupted() { return interrupt; }
    @Override public void addToClasspath(List<Path> entries) {}
    @Override public void print(String text) { out.append(text); }
    @Override public void printError(String text) { err.append(text); }
    @Override public void display(Map<String, String> bundle) {}
    @Override public Path workingDirectory() { return directory; }
}
