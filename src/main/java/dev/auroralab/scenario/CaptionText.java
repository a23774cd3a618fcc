package dev.auroralab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson caption's markup: plain text with elements written {@code [label](kind:id)} ({@code [copy 1 of pg-0 in
 * us-east-1c](segment:pg-0/us-east-1c/1)}, {@code [cluster endpoint](endpoint:cluster)}) and key terms written
 * {@code [label](term)}. The window draws an element
 * as a chip shaped and styled like the diagram's element and a term in bold; the command line prints the label.
 */
public final class CaptionText {

    /** The kinds an element in a caption or a highlight may name; {@code term} takes no id. */
    public static final List<String> KINDS = List.of("instance", "segment", "node", "az", "pg", "region", "endpoint",
            "term");

    /**
     * The endpoints an {@code endpoint:ID} may name: the ones the topology draws. Custom endpoints are not modelled
     * (docs/model.md), so there are none to name.
     */
    public static final List<String> ENDPOINTS = List.of("cluster", "reader");

    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\[]+)]\\(([a-z]+)(?::([^)\\s]+))?\\)");

    /**
     * One run of a caption.
     *
     * @param kind null for plain text, else one of {@link #KINDS}
     * @param id the element's id ({@code pg-0}), or null for plain text and terms
     */
    public record Part(String text, String kind, String id) {

        public boolean isPlain() {
            return kind == null;
        }
    }

    private CaptionText() {
    }

    /** The caption cut into plain runs and marked-up ones, in order. Unknown kinds are left to the reader's checks. */
    public static List<Part> parse(String caption) {
        List<Part> parts = new ArrayList<>();
        Matcher m = LINK.matcher(caption);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(caption.substring(at, m.start()), null, null));
            }
            parts.add(new Part(m.group(1), m.group(2), m.group(3)));
            at = m.end();
        }
        if (at < caption.length()) {
            parts.add(new Part(caption.substring(at), null, null));
        }
        return parts;
    }

    /** The caption as plain text: every label without its markup. */
    public static String plain(String caption) {
        StringBuilder b = new StringBuilder();
        parse(caption).forEach(p -> b.append(p.text()));
        return b.toString();
    }
}
