package io.djinn.kernel.output;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How much stdout and stderr one cell may send to the notebook. Past the limit, text is dropped and
 * counted, and the notebook is told once, when it happens and how much was dropped at the cell's end:
 * a cell that prints 200 MB would otherwise hang the browser that shows it.
 */
final class OutputLimit {

    private final long limitBytes;
    private long sent;
    private long dropped;
    private boolean warned;

    /** @param limitBytes bytes per cell; 0 or less for no limit */
    OutputLimit(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    synchronized void reset() {
        sent = 0;
        dropped = 0;
        warned = false;
    }

    /** The part of the text that may still be shown ("" when none). */
    synchronized String admit(String text) {
        if (limitBytes <= 0) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long room = limitBytes - sent;
        if (bytes.length <= room) {
            sent += bytes.length;
            return text;
        }
        String kept = room > 0 ? prefix(text, (int) room) : "";
        int keptBytes = kept.getBytes(StandardCharsets.UTF_8).length;
        sent += keptBytes;
        dropped += bytes.length - keptBytes;
        return kept;
    }

    /** The note to show the first time text is dropped in this cell, else null. */
    synchronized String warningOnce() {
        if (dropped == 0 || warned) {
            return null;
        }
        warned = true;
        return "\n[Djinn: this cell's output passed " + megabytes(limitBytes) + "; the rest is not shown. "
                + "DJINN_OUTPUT_LIMIT_MB changes the limit, 0 removes it.]\n";
    }

    /** The summary to show when the cell ends, if anything was dropped; else null. */
    synchronized String summary() {
        if (dropped == 0) {
            return null;
        }
        return "[Djinn: " + megabytes(dropped) + " of output not shown (" + megabytes(sent + dropped)
                + " written, the first " + megabytes(sent) + " shown).]\n";
    }

    private static String prefix(String text, int maxBytes) {
        int end = 0;
        int bytes = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
