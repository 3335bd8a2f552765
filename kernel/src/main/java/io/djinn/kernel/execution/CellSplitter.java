package io.djinn.kernel.execution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java code and magics, IJava's way: {@code %%name} on the first line makes the
 * whole cell a cell magic; a line starting with {@code %name} anywhere else is a line magic. Lines
 * inside a text block are code, whatever they start with.
 */
public final class CellSplitter {

    /** A magic's name: what may follow % or %%. */
    public static final String NAME = "[A-Za-z_][\\w.-]*";
    private static final Pattern MAGIC = Pattern.compile("^\\s*(%{1,2})(" + NAME + ")(\\?)?(?:\\s+(.*))?\\s*$");
    private static final String TEXT_BLOCK = "\"\"\"";

    private CellSplitter() {}

    public static List<CellSegment> split(String cell) {
        List<CellSegment> segments = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length) {
            Matcher cellMagic = MAGIC.matcher(lines[first]);
            if (cellMagic.matches() && cellMagic.group(1).equals("%%")) {
                String body = String.join("\n", java.util.Arrays.asList(lines).subList(first + 1, lines.length));
                segments.add(new CellSegment.CellMagic(cellMagic.group(2), arguments(cellMagic),
                        body, cellMagic.group(3) != null, first));
                return segments;
            }
        }
        StringBuilder code = new StringBuilder();
        int codeStart = 0;
        boolean inTextBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher magic = MAGIC.matcher(line);
            if (!inTextBlock && magic.matches() && magic.group(1).equals("%")) {
                flush(segments, code, codeStart);
                segments.add(new CellSegment.LineMagic(magic.group(2), arguments(magic), magic.group(3) != null, i));
                codeStart = i + 1;
                continue;
            }
            if (code.length() == 0) {
                codeStart = i;
            } else {
                code.append('\n');
            }
            code.append(line);
            inTextBlock ^= occurrences(line, TEXT_BLOCK) % 2 == 1;
        }
        flush(segments, code, codeStart);
        return segments;
    }

    /** The lines of the cell (0-based) that are magics; the others are Java. */
    public static Set<Integer> magicLines(String cell) {
        Set<Integer> lines = new HashSet<>();
        for (CellSegment segment : split(cell)) {
            if (segment instanceof CellSegment.LineMagic line) {
                lines.add(line.line());
            } else if (segment instanceof CellSegment.CellMagic magic) {
                lines.add(magic.line());
            }
        }
        return lines;
    }

    private static String arguments(Matcher matcher) {
        return matcher.group(4) == null ? "" : matcher.group(4).strip();
    }

    private static void flush(List<CellSegment> segments, StringBuilder code, int startLine) {
        if (!code.toString().isBlank()) {
            segments.add(new CellSegment.Code(code.toString(), startLine));
        }
        code.setLength(0);
    }

    private static int occurrences(String line, String token) {
        int count = 0;
        for (int at = line.indexOf(token); at >= 0; at = line.indexOf(token, at + token.length())) {
            count++;
        }
        return count;
    }
}
