package io.djinn.kernel.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A doc comment as JShell hands it over (HTML with inline and block tags) turned into the text an IDE's hover
 * shows: the description in paragraphs, then Parameters, Returns, Throws and See also. Notebook tooltips show
 * text/plain, where raw {@code {@link ...}} and {@code <p>} are noise.
 */
final class JavadocText {

    private static final int WIDTH = 100;
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(\\w+)");
    private static final Pattern PRE = Pattern.compile("(?is)<pre[^>]*>(.*?)</pre>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Map<String, String> ENTITIES = Map.of("&lt;", "<", "&gt;", ">", "&quot;", "\"",
            "&#39;", "'", "&apos;", "'", "&nbsp;", " ", "&#64;", "@", "&amp;", "&");
    // Sections in the order IDEs show them; tags not named here (author, since, version, serial...) are left out.
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("param", "Parameters:");
        SECTIONS.put("return", "Returns:");
        SECTIONS.put("throws", "Throws:");
        SECTIONS.put("apiNote", "API note:");
        SECTIONS.put("see", "See also:");
    }

    private JavadocText() {}

    static String format(String javadoc) {
        if (javadoc == null || javadoc.isBlank()) {
            return "";
        }
        Matcher tag = BLOCK_TAG.matcher(javadoc);
        int descriptionEnd = tag.find() ? tag.start() : javadoc.length();
        StringBuilder out = new StringBuilder();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String deprecated = null;
        for (String block : blockTags(javadoc.substring(descriptionEnd))) {
            int space = block.indexOf(' ');
            String name = space < 0 ? block : block.substring(0, space);
            String body = space < 0 ? "" : block.substring(space + 1).strip();
            switch (name) {
                case "exception" -> name = "throws";
                case "deprecated" -> deprecated = body;
                default -> { }
            }
            if (SECTIONS.containsKey(name)) {
                sections.computeIfAbsent(name, key -> new ArrayList<>()).add(entry(name, body));
            }
        }
        if (deprecated != null) {
            out.append(wrap("Deprecated. " + plain(inline(deprecated)), "")).append("\n\n");
        }
        out.append(description(javadoc.substring(0, descriptionEnd)));
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            List<String> entries = sections.get(section.getKey());
            if (entries == null) {
                continue;
            }
            out.append("\n\n").append(section.getValue());
            for (String entry : entries) {
                out.append('\n').append(wrap(entry, "  "));
            }
        }
        return out.toString().strip();
    }

    /** "@param x the x" lines, each with the lines that continue it, without the @. */
    private static List<String> blockTags(String tags) {
        List<String> blocks = new ArrayList<>();
        for (String piece : tags.split("(?m)^\\s*@")) {
            if (!piece.isBlank()) {
                blocks.add(piece.strip());
            }
        }
        return blocks;
    }

    /** One line of a section: "name - what it is" for parameters and exceptions. */
    private static String entry(String tag, String body) {
        if (tag.equals("param") || tag.equals("throws")) {
            String[] nameAndRest = body.split("\\s+", 2);
            // The name as written: a type parameter's <T> is not markup.
            String name = tag.equals("throws") ? simpleName(nameAndRest[0]) : nameAndRest[0];
            return nameAndRest.length == 1 ? name : name + " - " + plain(inline(nameAndRest[1]));
        }
        String text = plain(inline(body));
        return tag.equals("see") ? reference(text) : text;
    }

    /** Paragraphs from HTML: p and br break, list items get a dash, pre keeps its lines, other tags go. */
    private static String description(String html) {
        Matcher pre = PRE.matcher(html);
        int at = 0;
        StringBuilder out = new StringBuilder();
        while (pre.find()) {
            out.append(paragraphs(html.substring(at, pre.start())));
            out.append("\n\n").append(indentPre(plain(inline(pre.group(1))))).append("\n\n");
            at = pre.end();
        }
        out.append(paragraphs(html.substring(at)));
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** HTML as text: tags removed, entities decoded (literals from {@code {@code}} were escaped to survive). */
    private static String plain(String html) {
        return entities(TAG.matcher(html).replaceAll(""));
    }

    private static String paragraphs(String html) {
        String marked = inline(html)
                .replaceAll("(?i)</?p\\s*/?>|</?(ul|ol|dl|table|blockquote)[^>]*>|<h\\d[^>]*>|</h\\d>", "\u0000")
                .replaceAll("(?i)<li[^>]*>|<dt[^>]*>", "\u0000- ")
                .replaceAll("(?i)<br\\s*/?>", "\u0001");
        StringBuilder out = new StringBuilder();
        for (String paragraph : TAG.matcher(marked).replaceAll("").split("\u0000")) {
            String text = entities(paragraph.replaceAll("[ \t\n\r]+", " ")).strip();
            if (text.isEmpty()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\\s*\u0001\\s*")) {
                lines.add(wrap(line, ""));
            }
            out.append(String.join("\n", lines)).append("\n\n");
        }
        return out.toString().replaceAll("(?m)^(- .*)\n\n(?=- )", "$1\n");
    }

    private static String indentPre(String code) {
        // Leading blank lines go; the first line's indentation stays, to be compared with the others'.
        List<String> lines = new ArrayList<>(code.replaceFirst("^(\\s*\n)+", "").stripTrailing().lines().toList());
        int common = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        List<String> indented = new ArrayList<>();
        for (String line : lines) {
            indented.add("    " + (line.isBlank() ? "" : line.substring(Math.min(common, line.length()))));
        }
        return String.join("\n", indented);
    }

    /**
     * Inline tags as their text: {@code {@code x}} and {@code {@literal x}} as x, a link as its label or the member
     * it names, {@code {@inheritDoc}} dropped (JShell has already resolved it where it could).
     */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{@", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            int close = matchingBrace(text, open);
            if (close < 0) {
                out.append(text, open, text.length());
                break;
            }
            String inner = text.substring(open + 2, close);
            int space = firstWhitespace(inner);
            String name = space < 0 ? inner : inner.substring(0, space);
            String raw = space < 0 ? "" : inner.substring(space + 1);
            String argument = raw.strip();
            out.append(switch (name) {
                // A block of code keeps its indentation: indentPre aligns it.
                case "code", "literal" -> escapeForHtml(raw.contains("\n") ? raw.stripTrailing() : argument);
                case "link", "linkplain" -> link(argument);
                case "value" -> argument.isEmpty() ? "" : reference(argument);
                case "inheritDoc", "docRoot" -> "";
                case "index", "summary" -> inline(argument.replaceFirst("^\"([^\"]*)\".*", "$1"));
                default -> inline(argument);
            });
            i = close + 1;
        }
        return out.toString();
    }

    /** Literal text must survive the tag removal and entity decoding that follow. */
    private static String escapeForHtml(String literal) {
        return literal.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String link(String argument) {
        int space = firstWhitespace(argument.contains("(") ? argument.substring(argument.indexOf(')') + 1)
                : argument);
        if (argument.contains("(")) {
            space = space < 0 ? -1 : argument.indexOf(')') + 1 + space;
        }
        if (space >= 0 && !argument.substring(space).isBlank()) {
            return inline(argument.substring(space + 1).strip());
        }
        return reference(argument.strip());
    }

    /** "java.util.List#add(Object)" as "List.add(Object)", "#size()" as "size()". */
    private static String reference(String target) {
        String member = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        String type = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String shortType = type.isEmpty() ? "" : simpleName(type);
        String shortMember = member.replaceAll("[\\w.]+\\.(\\w+)", "$1");
        return shortType.isEmpty() ? shortMember : member.isEmpty() ? shortType : shortType + "." + shortMember;
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String entities(String text) {
        String decoded = text;
        for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
            if (!entity.getKey().equals("&amp;")) {
                decoded = decoded.replace(entity.getKey(), entity.getValue());
            }
        }
        return decoded.replace("&amp;", "&"); // last, so "&amp;lt;" stays "&lt;"
    }

    /** Words wrapped at {@link #WIDTH}, continuation lines indented one step more than the first. */
    private static String wrap(String text, String indent) {
        String flat = text.replaceAll("[ \t\n\r]+", " ").strip();
        StringBuilder out = new StringBuilder(indent);
        int lineLength = indent.length();
        String continuation = indent + (indent.isEmpty() ? "" : "    ");
        for (String word : flat.split(" ")) {
            if (lineLength > indent.length() && lineLength + 1 + word.length() > WIDTH) {
                out.append('\n').append(continuation);
                lineLength = continuation.length();
            } else if (lineLength > indent.length()) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }
}
