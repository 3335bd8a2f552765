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
}
