package io.djinn.magics;

import java.util.ArrayList;
import java.util.List;

/** Splits a magic's argument line into words as a POSIX shell would for quotes and backslashes. */
public final class MagicArguments {

    private MagicArguments() {}

    /** A word and where it starts in the line. */
    public record Word(String text, int start) {}

    public static List<String> split(String line) throws MagicException {
        return words(line).stream().map(Word::text).toList();
    }

    public static List<Word> words(String line) throws MagicException {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!inWord && quote == 0 && !Character.isWhitespace(c)) {
                start = i;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(new Word(word.toString(), start));
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new MagicException("unclosed " + quote + " quote in: " + line);
        }
        if (inWord) {
            words.add(new Word(word.toString(), start));
        }
        return words;
    }
}
