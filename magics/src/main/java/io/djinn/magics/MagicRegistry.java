package io.djinn.magics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * Every magic, by name: parses arguments with picocli, prints help, and turns bad input into a
 * {@link MagicException} with the usage beside it.
 */
public final class MagicRegistry {

    /** One registered magic: its factory and what its {@code @Command} annotation says. */
    public record Entry(String name, String summary, boolean cell, Supplier<Object> factory) {}

    private final Map<String, Entry> lineMagics = new TreeMap<>();
    private final Map<String, Entry> cellMagics = new TreeMap<>();

    /** Registers a picocli {@code @Command} class implementing {@link LineMagic} or {@link CellMagic}. */
    public MagicRegistry register(Supplier<Object> factory) {
        Object sample = factory.get();
        Command command = sample.getClass().getAnnotation(Command.class);
        if (command == null) {
            throw new IllegalArgumentException(sample.getClass() + " has no @Command annotation");
        }
        // Descriptions are format strings for picocli ("%%" for a sigil), the summary is plain text.
        String summary = command.description().length > 0
                ? command.description()[0].replace("%n", " ").replace("%%", "%") : "";
        List<String> names = new ArrayList<>(List.of(command.name()));
        names.addAll(List.of(command.aliases()));
        for (String name : names) {
            if (sample instanceof LineMagic) {
                lineMagics.put(name, new Entry(name, summary, false, factory));
            }
            if (sample instanceof CellMagic) {
                cellMagics.put(name, new Entry(name, summary, true, factory));
            }
        }
        return this;
    }

    public List<Entry> lineMagics() {
        return new ArrayList<>(lineMagics.values());
    }

    public List<Entry> cellMagics() {
        return new ArrayList<>(cellMagics.values());
    }

    /** Magic names (without %) starting with the prefix, for completion. */
    public List<String> namesStartingWith(String prefix, boolean cell) {
        List<String> names = new ArrayList<>();
        (cell ? cellMagics : lineMagics).keySet().forEach(name -> {
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        });
        return names;
    }

    public void runLine(String name, String arguments, MagicContext context) throws Exception {
        Entry entry = find(lineMagics, name, "%");
        Object magic = parse(entry, arguments, context);
        if (magic != null) {
            ((LineMagic) magic).run(context);
        }
    }

    public void runCell(String name, String arguments, String body, MagicContext context) throws Exception {
        Entry entry = find(cellMagics, name, "%%");
        Object magic = parse(entry, arguments, context);
        if (magic != null) {
            ((CellMagic) magic).run(context, body);
        }
    }

    /** The help text of a magic, as {@code %name?} and {@code %name --help} show it. */
    public String help(String name, boolean cell) throws MagicException {
        Entry entry = find(cell ? cellMagics : lineMagics, name, cell ? "%%" : "%");
        return usage(new CommandLine(entry.factory().get()));
    }

    /** Parses into a fresh instance; null when help was asked for and printed instead. */
    private Object parse(Entry entry, String arguments, MagicContext context) throws MagicException {
        Object magic = entry.factory().get();
        CommandLine commandLine = new CommandLine(magic);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        String options = arguments;
        if (magic instanceof TakesCode takesCode) {
            int codeStart = codeStart(commandLine, arguments);
            options = arguments.substring(0, codeStart);
            takesCode.code(arguments.substring(codeStart).strip());
        }
        try {
            commandLine.parseArgs(MagicArguments.split(options).toArray(String[]::new));
        } catch (ParameterException e) {
            throw new MagicException((entry.cell() ? "%%" : "%") + entry.name() + ": " + e.getMessage()
                    + "\n\n" + usage(commandLine));
        }
        if (commandLine.isUsageHelpRequested()) {
            context.print(usage(commandLine));
            return null;
        }
        return magic;
    }

    /**
     * Where the code starts: after the leading options the magic declares (and their values, attached
     * or not), or after a lone {@code --}.
     */
    static int codeStart(CommandLine commandLine, String arguments) throws MagicException {
        List<MagicArguments.Word> words = MagicArguments.words(arguments);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).text();
            if (word.equals("--")) {
                return i + 1 < words.size() ? words.get(i + 1).start() : arguments.length();
            }
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            picocli.CommandLine.Model.OptionSpec option = commandLine.getCommandSpec().findOption(name);
            if (!word.startsWith("-") || option == null) {
                if (word.startsWith("-") && word.length() > 2 && !word.startsWith("--")
                        && commandLine.getCommandSpec().findOption(word.substring(0, 2)) != null) {
                    continue; // a short option with its value attached: -n100
                }
                return words.get(i).start();
            }
            boolean takesValue = option.arity().max() > 0 && !word.contains("=");
            if (takesValue) {
                i++;
            }
        }
        return arguments.length();
    }

    private static String usage(CommandLine commandLine) {
        StringWriter text = new StringWriter();
        commandLine.usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString();
    }

    private Entry find(Map<String, Entry> magics, String name, String sigil) throws MagicException {
        Entry entry = magics.get(name);
        if (entry != null) {
            return entry;
        }
        String message = "Unknown magic " + sigil + name + ".";
        String closest = magics.keySet().stream()
                .min(Comparator.comparingInt(candidate -> distance(candidate, name))).orElse(null);
        if (closest != null && distance(closest, name) <= 2) {
            message += " Did you mean " + sigil + closest + "?";
        }
        throw new MagicException(message + " %lsmagic lists the magics.");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
