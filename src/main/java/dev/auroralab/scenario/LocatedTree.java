package dev.auroralab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * A parsed JSON or YAML document that remembers where each value came from. Jackson's own tree drops locations, and a
 * useful error must say "line 12, column 7", so this reads Jackson's token stream into maps, lists and scalars that
 * each carry the line and column of their first token (and map keys carry their own).
 */
final class LocatedTree {

    enum Format { JSON, YAML }

    /** Deeper than any scenario needs; keeps a hostile file from exhausting the stack. */
    private static final int MAX_DEPTH = 32;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    /** Jackson names a character as "('x' (code 120))", "((CTRL-CHAR, code 10))" or "'x' (code 120)". */
    private static final Pattern JSON_CHARACTER = Pattern.compile(
            "\\((?:'.{1,2}'|\\(CTRL-CHAR,) \\(?code (\\d+)\\)\\)|'.{1,2}' \\(code (\\d+)\\)");

    /** Anything with a position in the file. */
    interface Located {
        int line();

        int column();
    }

    sealed interface Node extends Located permits MapNode, ListNode, ScalarNode {
        /** Plain words for messages: "a map", "a list", "text", "a number", ... */
        String kind();
    }

    record Key(String name, int line, int column) implements Located {
    }

    record Entry(Key key, Node value) {
    }

    /** Keys in file order. */
    record MapNode(Map<String, Entry> entries, int line, int column) implements Node {
        MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        public String kind() {
            return "a map";
        }
    }

    record ListNode(List<Node> items, int line, int column) implements Node {
        ListNode {
            items = List.copyOf(items);
        }

        public String kind() {
            return "a list";
        }
    }

    /** YAML's yes/no/on/off are booleans too (Jackson reads YAML 1.1); {@code text} keeps the spelling. */
    enum ScalarKind { TEXT, INTEGER, DECIMAL, TRUE, FALSE, NULL }

    /** A single value. {@code number} is set for INTEGER and DECIMAL; {@code text} is the value as written. */
    record ScalarNode(ScalarKind scalarKind, String text, BigDecimal number, int line, int column) implements Node {
        public String kind() {
            switch (scalarKind) {
                case TEXT:
                    return "text '" + text + "'";
                case INTEGER:
                case DECIMAL:
                    return "the number " + text;
                case TRUE:
                case FALSE:
                    return "the boolean " + text;
                default:
                    return "no value";
            }
        }
    }

    private final String sourceName;
    private final JsonParser parser;

    private LocatedTree(String sourceName, JsonParser parser) {
        this.sourceName = sourceName;
        this.parser = parser;
    }

    /** The document's root, or an error for a syntax error, an empty document or more than one document. */
    static Node parse(String sourceName, String text, Format format) throws ScenarioError {
        try (JsonParser p = (format == Format.JSON ? JSON : YAML).createParser(text)) {
            LocatedTree reader = new LocatedTree(sourceName, p);
            JsonToken first = p.nextToken();
            if (first == null || (first == JsonToken.VALUE_NULL && format == Format.YAML)) {
                throw new ScenarioError(sourceName, 1, 1, "the file is empty",
                        "Start with 'schemaVersion: 1' and describe a cluster");
            }
            Node root = reader.readValue(0);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new ScenarioError(sourceName, at.getLineNr(), at.getColumnNr(),
                        "there is more after the end of the scenario", "Keep one scenario per file");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(sourceName, text, format, e);
        } catch (IOException | RuntimeException e) {
            // not expected from a String source, but a user must see a message, never a stack trace
            throw new ScenarioError(sourceName, 1, 1, format + " could not be read: " + firstLine(e.getMessage()),
                    "Check the file");
        }
    }

    private Node readValue(int depth) throws IOException, ScenarioError {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new ScenarioError(sourceName, line, column, "the file is nested more than " + MAX_DEPTH
                    + " levels deep", "Scenarios need only a few levels: check the indentation or brackets");
        }
        switch (parser.currentToken()) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    Key key = new Key(parser.currentName(), keyAt.getLineNr(), keyAt.getColumnNr());
                    if (entries.containsKey(key.name())) {
                        Key first = entries.get(key.name()).key();
                        throw new ScenarioError(sourceName, key.line(), key.column(), "key '" + key.name()
                                + "' appears twice in this map (first on line " + first.line() + ")",
                                "Keep only one");
                    }
                    parser.nextToken();
                    entries.put(key.name(), new Entry(key, readValue(depth + 1)));
                }
                return new MapNode(entries, line, column);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(depth + 1));
                }
                return new ListNode(items, line, column);
            }
            case VALUE_STRING:
                return new ScalarNode(ScalarKind.TEXT, parser.getText(), null, line, column);
            case VALUE_NUMBER_INT:
                return new ScalarNode(ScalarKind.INTEGER, parser.getText(), parser.getDecimalValue(), line, column);
            case VALUE_NUMBER_FLOAT: {
                String text = parser.getText();
                double d = parser.getDoubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new ScenarioError(sourceName, line, column, "'" + text + "' is not a finite number",
                            "Write an ordinary number, e.g. 1000");
                }
                return new ScalarNode(ScalarKind.DECIMAL, text, parser.getDecimalValue(), line, column);
            }
            case VALUE_TRUE:
                return new ScalarNode(ScalarKind.TRUE, parser.getText(), null, line, column);
            case VALUE_FALSE:
                return new ScalarNode(ScalarKind.FALSE, parser.getText(), null, line, column);
            case VALUE_NULL:
                return new ScalarNode(ScalarKind.NULL, "null", null, line, column);
            default:
                throw new ScenarioError(sourceName, line, column, "this kind of value (e.g. binary) is not supported",
                        "Use only maps, lists, text, numbers and booleans");
        }
    }

    private static ScenarioError syntaxError(String sourceName, String text, Format format,
            JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
        int column = at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
        String fix = format == Format.YAML ? YamlProblems.GENERIC_FIX
                : "Check the commas, quotes, colons and brackets on this line and the one before";
        String detail = firstLine(e.getOriginalMessage());
        // SnakeYAML's own exception separates the problem and its position from the context ("while parsing ...")
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                line = y.getProblemMark().getLine() + 1;
                column = y.getProblemMark().getColumn() + 1;
                YamlProblems.Problem p = YamlProblems.of(y);
                return new ScenarioError(sourceName, line, column, format + " syntax error: " + p.what(), p.fix());
            }
            if (t instanceof ReaderException r) {
                // a character YAML refuses anywhere (a NUL, a stray control character): found by its position
                int[] lineColumn = lineAndColumn(text, r.getPosition());
                return new ScenarioError(sourceName, lineColumn[0], lineColumn[1], format + " syntax error: found "
                        + YamlProblems.character(r.getCodePoint()) + ", which YAML does not allow in a file",
                        "Remove it, or save the file as plain UTF-8 text");
            }
        }
        YamlProblems.Problem jackson = format == Format.YAML ? YamlProblems.ofJackson(e.getOriginalMessage()) : null;
        if (jackson != null) {
            return new ScenarioError(sourceName, line, column, format + " syntax error: " + jackson.what(),
                    jackson.fix());
        }
        return new ScenarioError(sourceName, line, column, format + " syntax error: " + detail, fix);
    }

    /** 1-based line and column of the code point at {@code index} (a reader's position counts code points). */
    private static int[] lineAndColumn(String text, int index) {
        int line = 1;
        int column = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < index; i += Character.charCount(text.codePointAt(i)), cp++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "the file cannot be read";
        }
        String first = message.strip().lines().findFirst().orElse("").strip();
        // Jackson's position of an opening bracket, in words; its character "('}' (code 125))", in words
        first = first.replaceAll(" at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]", " at line $1, column $2");
        Matcher c = JSON_CHARACTER.matcher(first);
        StringBuilder named = new StringBuilder();
        while (c.find()) {
            String words = YamlProblems.character(Integer.parseInt(c.group(1) != null ? c.group(1) : c.group(2)));
            c.appendReplacement(named, Matcher.quoteReplacement(c.group(1) != null ? "(" + words + ")" : words));
        }
        first = c.appendTail(named).toString();
        // Jackson quotes source excerpts after this marker; the position is reported separately
        int cut = first.indexOf(" at [Source");
        first = cut >= 0 ? first.substring(0, cut) : first;
        // only a full stop is dropped: a trailing ':' can be the very token a message names ("but got :")
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }
}
