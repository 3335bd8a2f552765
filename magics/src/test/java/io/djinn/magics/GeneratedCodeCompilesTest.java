package io.djinn.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djinn.magics.device.DeviceMagics;
import io.djinn.magics.plotting.PlottingMagics;
import io.djinn.magics.profiling.ProfilingMagics;
import io.djinn.magics.workspace.WorkspaceMagics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every magic that runs notebook API code: its generated code compiles against the real API (the runtime
 * module, on this module's test class path). A renamed method or a changed parameter list fails here,
 * where comparing the generated text would not. The user's own code runs for real in the same JShell, so
 * what the magic generates around it sees its declarations, as in a kernel.
 */
class GeneratedCodeCompilesTest {

    private static JShell shell;
    private static final MagicRegistry MAGICS = new MagicRegistry();

    @BeforeAll
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        shell.eval("int count = 3;");
        shell.eval("String name = \"n\";");
        shell.eval("java.util.List<String> items = java.util.List.of();");
        ProfilingMagics.registerAll(MAGICS);
        PlottingMagics.registerAll(MAGICS);
        DeviceMagics.registerAll(MAGICS);
        WorkspaceMagics.registerAll(MAGICS);
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "time|1 + 1|",
        "time||var clocked = 1;\\nclocked + 1",
        "timeit|-n 1 -r 1 Math.max(1, 2)|",
        "timeit|-o -n 1 -r 1 Math.max(3, 4)|",
        "timeit|-n 1 -r 1 int base = 3;|record Pair(int a, int b) {}\\nMath.max(base, new Pair(1, 2).b())",
        "profile|--top 3 --shapes --trace trace.json|var profiled = 2;\\nprofiled * 3",
        "plot|line new double[] {1, 2} --title t --logy --bins 3|",
        "device||",
        "device|cpu|",
        "gpu||",
        "memory||",
        "memory|--empty-cache|",
        "memory|--free off|",
        "whos||",
        "whos|NDArray int|",
        "who|String|",
        "summary|new ai.djl.nn.SequentialBlock() --input 1,784 --input (2, 3)|",
        "summary|(ai.djl.nn.Block) null|"})
    void theCodeAMagicGeneratesCompilesAgainstTheApi(String magic, String arguments, String body) throws Exception {
        CompilingContext context = new CompilingContext();
        String args = arguments == null ? "" : arguments;
        if (body == null) {
            MAGICS.runLine(magic, args, context);
        } else {
            MAGICS.runCell(magic, args, body.replace("\\n", "\n"), context);
        }
        assertTrue(!context.generated.isEmpty(), "%" + magic + " generated no API code");
        String method = "void check" + System.nanoTime() + "() throws Throwable {\n"
                + String.join("\n", context.generated) + "\n}";
        List<SnippetEvent> events = shell.eval(method);
        assertEquals(Snippet.Status.VALID, events.get(0).status(), method + "\n"
                + shell.diagnostics(events.get(0).snippet()).map(d -> d.getMessage(null)).toList());
    }

    /** A session whose generated code is collected to compile; the user's own code runs in the shell. */
    private static final class CompilingContext implements MagicContext {

        final List<String> generated = new ArrayList<>();

        @Override
        public boolean runCell(String source, boolean showValue) {
            String code = source.strip();
            // A value to show is an expression: give it a home in the method body.
            generated.add(code.endsWith(";") || code.endsWith("}") ? code : "Object shown" + generated.size() + " = " + code + ";");
            return true;
        }

        @Override
        public boolean runOwnCode(String code, boolean showValue, CodeStart start) {
            for (CodePiece piece : pieces(code)) {
                for (SnippetEvent event : shell.eval(piece.source())) {
                    if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                        throw new AssertionError("the test's own code failed: " + piece.source());
                    }
                }
            }
            return true;
        }

        @Override
        public String expressionType(String code) {
            return shell.sourceCodeAnalysis().analyzeType(code, code.length());
        }

        @Override
        public List<CodePiece> pieces(String code) {
            List<CodePiece> pieces = new ArrayList<>();
            String remaining = code;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
                Snippet snippet = shell.sourceCodeAnalysis().sourceToSnippets(info.source()).get(0);
                CodePiece.Kind kind = switch (snippet.kind()) {
                    case IMPORT -> CodePiece.Kind.IMPORT;
                    case TYPE_DECL -> CodePiece.Kind.TYPE;
                    case METHOD -> CodePiece.Kind.METHOD;
                    case VAR -> snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                            ? CodePiece.Kind.EXPRESSION : CodePiece.Kind.VARIABLE;
                    case EXPRESSION -> CodePiece.Kind.EXPRESSION;
                    case STATEMENT -> CodePiece.Kind.STATEMENT;
                    default -> CodePiece.Kind.ERRONEOUS;
                };
                pieces.add(new CodePiece(info.source().strip(), kind));
                remaining = info.remaining();
            }
            return pieces;
        }

        @Override
        public List<Variable> variables() {
            // Declared in the shell before each test: a primitive, an object and a generic type.
            return List.of(new Variable("count", "int"), new Variable("name", "String"),
                    new Variable("items", "java.util.List<String>"));
        }

        @Override public boolean interrupted() { return false; }
        @Override public void addToClasspath(List<Path> entries) {}
        @Override public void print(String text) {}
        @Override public void display(Map<String, String> bundle) {}
        @Override public Path workingDirectory() { return Path.of("/tmp"); }
    }
}
