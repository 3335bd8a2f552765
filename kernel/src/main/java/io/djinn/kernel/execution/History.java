package io.djinn.kernel.execution;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The inputs of this session's cells, and the text of their results, for history_request (tail, range
 * and search; with {@code output}, each entry is an (input, output) pair, output null for a cell without
 * a result, as IPython answers).
 */
public final class History {

    private static final int SESSION = 1;

    private record Entry(int line, String input, String output) {}

    private final List<Entry> entries = new ArrayList<>();

    /** @param output the text of the cell's result, null when it had none */
    public synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    public synchronized JsonArray tail(int n, boolean output) {
        return toJson(entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size()), output);
    }

    /** Lines start..stop-1 of this session (IPython's convention); other sessions have no history here. */
    public synchronized JsonArray range(int session, int start, int stop, boolean output) {
        List<Entry> selected = new ArrayList<>();
        if (session == SESSION || session == 0) {
            for (Entry entry : entries) {
                if (entry.line() >= start && (stop <= 0 || entry.line() < stop)) {
                    selected.add(entry);
                }
            }
        }
        return toJson(selected, output);
    }

    /** Glob pattern search (* and ?), newest last, at most n (0: all), optionally unique inputs. */
    public synchronized JsonArray search(String glob, int n, boolean unique, boolean output) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<Entry> selected = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && (n <= 0 || selected.size() < n); i--) {
            Entry entry = entries.get(i);
            if (pattern.matcher(entry.input()).matches() && !(unique && seen.contains(entry.input()))) {
                selected.add(0, entry);
                seen.add(entry.input());
            }
        }
        return toJson(selected, output);
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*': regex.append(".*"); break;
                case '?': regex.append('.'); break;
                default: regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static JsonArray toJson(List<Entry> selected, boolean output) {
        JsonArray history = new JsonArray();
        for (Entry entry : selected) {
            JsonArray item = new JsonArray();
            item.add(SESSION);
            item.add(entry.line());
            if (output) {
                JsonArray pair = new JsonArray();
                pair.add(entry.input());
                pair.add(entry.output());
                item.add(pair);
            } else {
                item.add(entry.input());
            }
            history.add(item);
        }
        return history;
    }
}
