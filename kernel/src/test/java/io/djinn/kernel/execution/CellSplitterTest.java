package io.djinn.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellSplitterTest {

    @Test
    void plainJavaIsOneCodeSegment() {
        assertEquals(List.of(new CellSegment.Code("int a = 1;\na + 1", 0)), CellSplitter.split("int a = 1;\na + 1"));
    }

    @Test
    void lineMagicsSplitTheCodeAndKeepLineNumbers() {
        List<CellSegment> segments = CellSplitter.split("%maven g:a:1\nint a = 1;\n%jars lib/*.jar\na");
        assertEquals(List.of(
                new CellSegment.LineMagic("maven", "g:a:1", false, 0),
                new CellSegment.Code("int a = 1;", 1),
                new CellSegment.LineMagic("jars", "lib/*.jar", false, 2),
                new CellSegment.Code("a", 3)), segments);
    }

    @Test
    void cellMagicOwnsTheRestOfTheCell() {
        assertEquals(List.of(new CellSegment.CellMagic("loadFromPOM", "--quiet", "<dependency/>\n%not a magic", false, 1)),
                CellSplitter.split("\n%%loadFromPOM --quiet\n<dependency/>\n%not a magic"));
    }

    @Test
    void questionMarkAsksForHelp() {
        assertEquals(List.of(new CellSegment.LineMagic("maven", "", true, 0)), CellSplitter.split("%maven?"));
        assertEquals(List.of(new CellSegment.CellMagic("loadFromPOM", "", "", true, 0)), CellSplitter.split("%%loadFromPOM?"));
    }

    @Test
    void linesInsideATextBlockAreCode() {
        String cell = "String s = \"\"\"\n%not magic\n\"\"\";\n%lsmagic";
        assertEquals(List.of(new CellSegment.Code("String s = \"\"\"\n%not magic\n\"\"\";", 0),
                new CellSegment.LineMagic("lsmagic", "", false, 3)), CellSplitter.split(cell));
    }

    @Test
    void moduloOperatorIsNotAMagic() {
        assertEquals(List.of(new CellSegment.Code("int r = 7\n% 3;", 0)), CellSplitter.split("int r = 7\n% 3;"));
    }

    @Test
    void blankCellHasNoSegments() {
        assertEquals(List.of(), CellSplitter.split("  \n\n "));
    }
}
