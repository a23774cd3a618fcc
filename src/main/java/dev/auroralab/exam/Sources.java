package dev.auroralab.exam;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The source tags a question may cite, as aurora-reference.md and docs/model.md use them. A question's source is a
 * tag, or a tag and a place in it: "P17 §2.1", "UG Concepts.AuroraHighAvailability", "model value".
 */
public final class Sources {

    /** What each tag stands for, in the order a list of sources prints them. */
    public static final Map<String, String> TAGS = tags();

    private Sources() {
    }

    /** The tag a source starts with ("P17 §6.1" → "P17"; the longest that fits), or null when it names none. */
    public static String tagOf(String source) {
        String best = null;
        for (String tag : TAGS.keySet()) {
            if ((source.equals(tag) || source.startsWith(tag + " ")) && (best == null || tag.length() > best.length())) {
                best = tag;
            }
        }
        return best;
    }

    private static Map<String, String> tags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("P17", "SIGMOD 2017 paper \"Amazon Aurora: Design Considerations for High Throughput Cloud-Native"
                + " Relational Databases\"");
        m.put("P18", "SIGMOD 2018 paper \"Amazon Aurora: On Avoiding Distributed Consensus for I/Os, Commits, and"
                + " Membership Changes\"");
        m.put("UG", "the Amazon Aurora User Guide, current text (page name after the tag)");
        m.put("UG-2023", "the Amazon Aurora User Guide, June 2023 text");
        m.put("RDS UG", "the Amazon RDS User Guide (Multi-AZ deployments)");
        m.put("Aurora FAQ", "the Amazon Aurora FAQ on aws.amazon.com");
        m.put("AWS pages", "Aurora's product pages on aws.amazon.com");
        m.put("AWS Database Blog", "the AWS Database Blog");
        m.put("API", "the Amazon RDS API Reference (action name after the tag)");
        m.put("GK", "general knowledge, not confirmed against a source");
        m.put("model value", "this simulator's own choice (engine/ModelValues.java, docs/model.md)");
        return Collections.unmodifiableMap(m);
    }
}
