package dev.auroralab.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * SnakeYAML's syntax errors in words a scenario author can act on: what was found (always named), where the
 * enclosing list, map or quote starts, and how to fix it.
 *
 * <p>Why this exists: SnakeYAML names what it found in three ways, and each lost the token in a plain message. A
 * token by its internal name ("but got :", "found '&lt;block mapping start&gt;'"): the reader used to drop a trailing
 * colon, which was the token itself ("but got&nbsp; (while parsing..."). A character followed by its code point
 * ("found  (32)" for a space, a raw line break that cut the message short, a NUL standing for the end of the input).
 * Or an escaped character inside a sentence ("found character '\t(TAB)' that cannot start any token"). Every kind is
 * rewritten here, so no message shows an empty token, a raw control character or an internal class name.
 */
final class YamlProblems {

    /** A problem in words and how to fix it; both single lines. */
    record Problem(String what, String fix) {
    }

    static final String GENERIC_FIX = "Check the indentation, colons, quotes and brackets on this line and the one before";

    /** SnakeYAML's token names (Token.ID) as a reader says them. */
    private static final Map<String, String> TOKENS = Map.ofEntries(
            Map.entry("<stream end>", "the end of the file"),
            Map.entry("<stream start>", "the start of the file"),
            Map.entry("<block end>", "the end of the indented block"),
            Map.entry("<block mapping start>", "a map (key: value) indented differently from the lines above"),
            Map.entry("<block sequence start>", "a list ('- ' items) indented differently from the lines above"),
            Map.entry("<scalar>", "a value"),
            Map.entry("<document start>", "'---' (the start of a document)"),
            Map.entry("<document end>", "'...' (the end of a document)"),
            Map.entry("<alias>", "an alias (*name)"),
            Map.entry("<anchor>", "an anchor (&name)"),
            Map.entry("<tag>", "a tag (!name)"),
            Map.entry("<directive>", "a directive (%...)"),
            Map.entry("<whitespace>", "a space"),
            Map.entry("<error>", "something YAML cannot read"),
            Map.entry("?", "a key (key: value)"),
            Map.entry(":", "':'"),
            Map.entry("-", "'-' (a list item)"),
            Map.entry(",", "','"),
            Map.entry("#", "a comment"),
            Map.entry("[", "'['"),
            Map.entry("]", "']'"),
            Map.entry("{", "'{'"),
            Map.entry("}", "'}'"));

    /** "expected X, but found 'T'" / "but got T" / "expected 'X', but found 'T'": X and T are token names. */
    private static final Pattern EXPECTED_TOKEN = Pattern.compile(
            "(?s)expected (?:'(?<q>[^']*)'|(?<x>.+?)), but (?:found|got) '?(?<t>.*?)'?");

    /** "... found X(N)" or "... found 'X' (N)": a character, then its code point. */
    private static final Pattern CODE_POINT = Pattern.compile("(?s)(?<head>.*?)\\((?<n>\\d+)\\)");

    private static final Pattern CANNOT_START = Pattern.compile(
            "(?s)found character '(?<c>.*)' that cannot start any token.*");

    private YamlProblems() {
    }

    /** The problem and fix for SnakeYAML's exception, naming what was found. */
    static Problem of(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark at = e.getProblemMark();
        Mark opened = e.getContextMark();
        String where = where(context, opened, at);
        Matcher m;
        if ((m = CANNOT_START.matcher(problem)).matches()) {
            int c = charAt(at, m.group("c"));
            if (c == '\t') {
                return new Problem("found a tab where YAML expects spaces" + where,
                        "Indent with spaces, not tabs");
            }
            return new Problem("found " + character(c) + ", which cannot start a value" + where,
                    "Quote the value (e.g. \"" + new String(Character.toChars(c)) + "x\"), or remove the character");
        }
        if (problem.startsWith("found unexpected end of stream")) {
            if (context.contains("quoted scalar") && opened != null) {
                return new Problem("found the end of the file inside quoted text" + where,
                        "Close the quote opened at line " + (opened.getLine() + 1) + ", column "
                                + (opened.getColumn() + 1));
            }
            return new Problem("found the end of the file" + where, GENERIC_FIX);
        }
        if ((m = EXPECTED_TOKEN.matcher(problem)).matches() && TOKENS.containsKey(m.group("t"))) {
            String expected = m.group("q") != null ? m.group("q") : m.group("x");
            String what = "expected " + expectedInWords(expected) + ", but found " + TOKENS.get(m.group("t"));
            return new Problem(what + where, fixFor(context, m.group("t"), opened));
        }
        switch (problem) {
            case "mapping values are not allowed here":
                return new Problem("found ':' where a map value cannot start" + where,
                        "Quote a value that contains ': ', or check the indentation of this line");
            case "sequence entries are not allowed here":
                return new Problem("found '-' (a list item) where a list cannot start" + where,
                        "Start a list on its own line under its key, or quote a value that starts with '-'");
            case "mapping keys are not allowed here":
                return new Problem("found '?' (a complex key) where a key cannot start" + where,
                        "Quote a value that starts with '?'");
            case "could not find expected ':'":
                return new Problem("expected ':' after a key, but found the end of the line" + where,
                        "Write keys as 'key: value' on one line, or quote a value that runs over several lines");
            default:
                break;
        }
        if ((m = CODE_POINT.matcher(problem)).matches()) {
            int c = Integer.parseInt(m.group("n"));
            String head = withoutRawCharacter(m.group("head"), c);
            // the scanner's words for an anchor or alias name that does not start or end right
            head = head.equals("unexpected character found") ? "expected a name (letters, digits, '-' or '_'), but found"
                    : head;
            // SnakeYAML reads a NUL past the last character: "found \0" is the end of the input
            return new Problem(head + " " + (c == 0 ? "the end of the file" : character(c)) + where, GENERIC_FIX);
        }
        return new Problem(oneLine(problem) + where, GENERIC_FIX);
    }

    /**
     * Jackson's own YAML messages that quote SnakeYAML's events by class name, e.g. "Expected a field name (Scalar
     * value in YAML), got this instead: &lt;org.yaml.snakeyaml.events.AliasEvent(anchor=x)&gt;"; null when the message
     * is not one of those.
     */
    static Problem ofJackson(String message) {
        if (message == null || !message.startsWith("Expected a field name")) {
            return null;
        }
        Matcher alias = Pattern.compile("AliasEvent\\(anchor=([^)]*)\\)").matcher(message);
        String found = alias.find() ? "an alias (*" + alias.group(1) + ")"
                : message.contains("SequenceStartEvent") ? "a list"
                : message.contains("MappingStartEvent") ? "a map" : "something other than text";
        return new Problem("a map key must be plain text, but found " + found,
                "Write each key as plain text before its ':' (anchors, aliases, lists and maps cannot be keys)");
    }

    /** A character in words: "a space", "a tab", "the end of the line", "the control character U+0000", or quoted. */
    static String character(int c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n', '\r', 0x85, 0x2028, 0x2029 -> "the end of the line";
            case '\'' -> "a quote (')";
            default -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    ? String.format(Locale.ROOT, "the control character U+%04X", c)
                    : "'" + new String(Character.toChars(c)) + "'";
        };
    }

    private static String expectedInWords(String expected) {
        if (expected.equals("the node content")) {
            return "a value";
        }
        String token = TOKENS.get(expected);
        return token != null ? token : expected;
    }

    private static String fixFor(String context, String found, Mark opened) {
        String from = opened == null ? "" : " opened at line " + (opened.getLine() + 1) + ", column "
                + (opened.getColumn() + 1);
        if (context.contains("flow sequence")) {
            return "Separate the items with ',' and close the list" + from + " with ']'";
        }
        if (context.contains("flow mapping")) {
            return "Separate the entries with ',' (and put a space after each ':'), and close the map" + from
                    + " with '}'";
        }
        if (found.equals("]") || found.equals("}")) {
            return "Remove the extra '" + found + "', or open it with '" + (found.equals("]") ? "[" : "{") + "'";
        }
        return GENERIC_FIX;
    }

    /** " (in the [ ] list opened at line 3, column 8)": where the construct being read started, if elsewhere. */
    private static String where(String context, Mark opened, Mark at) {
        String what;
        if (context.contains("flow sequence")) {
            what = "the [ ] list";
        } else if (context.contains("flow mapping")) {
            what = "the { } map";
        } else if (context.contains("block mapping")) {
            what = "the map";
        } else if (context.contains("block collection")) {
            what = "the list";
        } else if (context.contains("quoted scalar")) {
            what = "the quoted text";
        } else if (context.contains("simple key")) {
            what = "the key";
        } else if (context.contains("block scalar")) {
            what = "the block text (| or >)";
        } else if (context.contains("anchor")) {
            what = "the anchor (&name)";
        } else if (context.contains("alias")) {
            what = "the alias (*name)";
        } else if (context.contains("tag")) {
            what = "the tag (!name)";
        } else if (context.contains("directive")) {
            what = "the directive (%...)";
        } else {
            return "";
        }
        if (opened == null || (at != null && opened.getLine() == at.getLine() && opened.getColumn() == at.getColumn())) {
            return " (in " + what + ")";
        }
        return " (in " + what + " that starts at line " + (opened.getLine() + 1) + ", column "
                + (opened.getColumn() + 1) + ")";
    }

    /** The character at the problem mark, or the one the message quotes. */
    private static int charAt(Mark at, String quoted) {
        if (at != null && at.getBuffer() != null && at.getPointer() >= 0 && at.getPointer() < at.getBuffer().length) {
            return at.getBuffer()[at.getPointer()];
        }
        return quoted.startsWith("\\t") ? '\t' : quoted.isEmpty() ? 0 : quoted.codePointAt(0);
    }

    /** "expected ' ', but found '}' " less the raw '}' and its quotes: the words before the character. */
    private static String withoutRawCharacter(String head, int c) {
        String raw = new String(Character.toChars(c));
        String h = head;
        h = h.endsWith(" ") && !raw.equals(" ") ? h.substring(0, h.length() - 1) : h;
        h = h.endsWith("'") ? h.substring(0, h.length() - 1) : h;
        h = h.endsWith(raw) ? h.substring(0, h.length() - raw.length()) : h;
        h = h.endsWith("'") ? h.substring(0, h.length() - 1) : h;
        return oneLine(h.stripTrailing());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
