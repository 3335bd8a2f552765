package io.djinn.kernel.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeAnalysisTest {

    @Test
    void indentFollowsTheLastLineAndOpensAfterABrace() {
        assertEquals("    ", CodeAnalysis.indentAfter("for (int i = 0; i < 3; i++) {"));
        assertEquals("        ", CodeAnalysis.indentAfter("if (x) {\n    while (y) {"));
        assertEquals("    ", CodeAnalysis.indentAfter("if (x) {\n    foo(1,"));
    }

    @Test
    void magicLinesBecomeBlanksOfTheSameLength() {
        String code = "%maven a:b:1\nint x = 1;";
        String blanked = CodeAnalysis.blankMagics(code);
        assertEquals(code.length(), blanked.length());
        assertEquals("            \nint x = 1;", blanked);
    }

    @Test
    void linesTheSplitterCallsJavaStayJava() {
        // A modulo operator starting a line, and a % line inside a text block, are Java (they used to be blanked).
        assertEquals("int r = 7\n% 3;", CodeAnalysis.blankMagics("int r = 7\n% 3;"));
        String textBlock = "String s = \"\"\"\n%not magic\n\"\"\";";
        assertEquals(textBlock, CodeAnalysis.blankMagics(textBlock));
    }
}
