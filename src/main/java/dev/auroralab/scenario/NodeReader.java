package dev.auroralab.scenario;

import dev.auroralab.engine.InstanceClassSize;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.scenario.LocatedTree.ListNode;
import dev.auroralab.scenario.LocatedTree.Located;
import dev.auroralab.scenario.LocatedTree.MapNode;
import dev.auroralab.scenario.LocatedTree.Node;
import dev.auroralab.scenario.LocatedTree.ScalarKind;
import dev.auroralab.scenario.LocatedTree.ScalarNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of one file's located tree: maps, lists, names, free text, whole numbers, rates, booleans,
 * durations, promotion tiers, instance classes and protection group ids. A value of the wrong kind, out of range or
 * unknown is thrown as a {@link ScenarioError} that names the file (the source name this reader holds) and the line
 * and column of the offending key or value, with a fix; an unknown name gets a "did you mean" suggestion.
 */
final class NodeReader {

    /** How to write each key, for the fix of a missing one. */
    static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("schemaVersion", "schemaVersion: 1"),
            Map.entry("cluster", "cluster: {region: us-east-1, azs: [...], volumeGiB: 30, instances: [...]}"),
            Map.entry("region", "region: us-east-1"),
            Map.entry("azs", "azs: [us-east-1a, us-east-1b, us-east-1c]"),
            Map.entry("volumeGiB", "volumeGiB: 30"),
            Map.entry("instances", "instances: [{id: writer-1, az: us-east-1a, role: writer}]"),
            Map.entry("id", "id: reader-1"),
            Map.entry("az", "az: us-east-1a"),
            Map.entry("at", "at: 10s"),
            Map.entry("do", "do: fail-az"),
            Map.entry("target", "target: ..."),
            Map.entry("tier", "tier: 1"),
            Map.entry("latencyMs", "latencyMs: 75 (one-way network latency from the primary region, in ms)"),
            Map.entry("seconds", "seconds: 20s (or off)"),
            Map.entry("consistency", "consistency: session (eventual, session, global or off)"));

    private static final int MAX_SUGGESTION_LENGTH = 64;
    private static final Pattern PG_ID = Pattern.compile("pg-(0|[1-9][0-9]{0,8})");

    private final String source;

    NodeReader(String source) {
        this.source = source;
    }

    // ---- typed access -------------------------------------------------------------------------------------------

    ScenarioError error(Located at, String problem, String fix) {
        return new ScenarioError(source, at.line(), at.column(), problem, fix);
    }

    void allowOnly(MapNode m, Collection<String> allowed, String where) throws ScenarioError {
        for (LocatedTree.Entry e : m.entries().values()) {
            String key = e.key().name();
            if (!allowed.contains(key)) {
                throw error(e.key(), "unknown key '" + key + "' " + where, useOneOf(key, allowed));
            }
        }
    }

    Node required(MapNode m, String key, String where) throws ScenarioError {
        Node value = m.get(key);
        if (value == null) {
            String example = EXAMPLES.getOrDefault(key, key + ": ...");
            throw error(m, where + " is missing '" + key + "'", "Add " + example);
        }
        return value;
    }

    /**
     * The file's {@code schemaVersion}, which must be there and be {@code supported}: one check for scenarios,
     * lessons and question banks ({@code kind}: "the lesson"; {@code plural}: "lessons ").
     */
    void schemaVersion(MapNode top, String kind, String plural, long supported) throws ScenarioError {
        Node version = required(top, "schemaVersion", kind);
        long v = whole(version, "schemaVersion");
        if (v != supported) {
            throw error(version, "schemaVersion " + v + " is not supported",
                    "This version of Aurora Lab reads " + plural + "schemaVersion: " + supported);
        }
    }

    MapNode map(Node node, String what, String fix) throws ScenarioError {
        if (!(node instanceof MapNode)) {
            throw error(node, what + " must be a map of keys, not " + node.kind(), fix);
        }
        return (MapNode) node;
    }

    ListNode list(Node node, String what, String fix) throws ScenarioError {
        if (!(node instanceof ListNode)) {
            throw error(node, what + " must be a list, not " + node.kind(), fix);
        }
        return (ListNode) node;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && ((ScalarNode) node).scalarKind() == ScalarKind.NULL;
    }

    String text(Node node, String what) throws ScenarioError {
        if (!(node instanceof ScalarNode) || ((ScalarNode) node).scalarKind() != ScalarKind.TEXT) {
            throw error(node, what + " must be text, not " + node.kind(), "Write a name, in quotes if need be");
        }
        String text = ((ScalarNode) node).text().strip();
        if (text.isEmpty()) {
            throw error(node, what + " is empty", "Write a name");
        }
        return text;
    }

    /** Any scalar but null, as text: names and descriptions may look like numbers. */
    String freeText(Node node, String what) throws ScenarioError {
        if (!(node instanceof ScalarNode) || isNull(node)) {
            throw error(node, what + " must be text, not " + node.kind(), "Write it on one line or as a YAML block");
        }
        return ((ScalarNode) node).text();
    }

    String oneOf(Node node, String key, Collection<String> allowed, String noun) throws ScenarioError {
        String value = text(node, key);
        if (!allowed.contains(value)) {
            throw error(node, "unknown " + noun + " '" + value + "'", useOneOf(value, allowed));
        }
        return value;
    }

    long whole(Node node, String what) throws ScenarioError {
        if (!(node instanceof ScalarNode) || ((ScalarNode) node).scalarKind() != ScalarKind.INTEGER) {
            throw error(node, what + " must be a whole number, not " + node.kind(),
                    "Write digits without quotes, e.g. " + what + ": 1");
        }
        BigDecimal n = ((ScalarNode) node).number();
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw error(node, what + " " + n + " is too large", "Use a smaller number");
        }
    }

    long wholeIn(Node node, String what, long min, long max, String fix) throws ScenarioError {
        long n = whole(node, what);
        if (n < min || n > max) {
            String range = max == Long.MAX_VALUE ? min + " or more" : min + " to " + max;
            throw error(node, what + " must be " + range + ", not " + n, fix);
        }
        return n;
    }

    double rate(Node node, String what) throws ScenarioError {
        if (!(node instanceof ScalarNode) || ((ScalarNode) node).number() == null) {
            throw error(node, what + " must be a number, not " + node.kind(),
                    "Write digits without quotes, e.g. " + what + ": 1000");
        }
        BigDecimal n = ((ScalarNode) node).number();
        if (n.signum() < 0) {
            throw error(node, what + " cannot be negative, got " + n.toPlainString(), "Use 0 or more");
        }
        double d = n.doubleValue();
        if (Double.isInfinite(d)) {
            throw error(node, what + " is too large", "Use a smaller number");
        }
        return d;
    }

    boolean bool(Node node, String what) throws ScenarioError {
        ScalarKind kind = node instanceof ScalarNode ? ((ScalarNode) node).scalarKind() : null;
        if (kind != ScalarKind.TRUE && kind != ScalarKind.FALSE) {
            throw error(node, what + " must be true or false, not " + node.kind(),
                    "Write true or false without quotes");
        }
        return kind == ScalarKind.TRUE;
    }

    long time(Node node, String what) throws ScenarioError {
        ScalarKind kind = node instanceof ScalarNode ? ((ScalarNode) node).scalarKind() : null;
        if (kind != ScalarKind.TEXT && kind != ScalarKind.INTEGER && kind != ScalarKind.DECIMAL) {
            throw error(node, what + " must be a duration, not " + node.kind(), "Write e.g. 10s, 250ms, 1.5s or 2m");
        }
        try {
            return Durations.parseMicros(((ScalarNode) node).text());
        } catch (Durations.InvalidDurationException e) {
            throw error(node, what + " " + e.problem(), e.fix());
        }
    }

    /** The time of a timeline entry or an expectation ({@code at}), which must fall within the run. */
    long atTime(Node node, long durationMicros) throws ScenarioError {
        long at = time(node, "at");
        if (at > durationMicros) {
            throw error(node, "at " + Durations.format(at) + " is after the run ends (duration "
                    + Durations.format(durationMicros) + ")", "Use a time up to " + Durations.format(durationMicros)
                    + ", or make duration longer");
        }
        return at;
    }

    // ---- instance settings, read the same in the cluster and in the timeline ------------------------------------

    int tier(Node node) throws ScenarioError {
        return (int) wholeIn(node, "tier", 0, ModelValues.MAX_TIER,
                "Promotion tiers go from 0 (promoted first) to " + ModelValues.MAX_TIER);
    }

    String instanceClass(Node node) throws ScenarioError {
        String instanceClass = text(node, "instanceClass");
        try {
            InstanceClassSize.rank(instanceClass);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage(), "Use an Aurora instance class such as db.r6g.large or db.r6g.2xlarge");
        }
        return instanceClass;
    }

    /**
     * Checks that a protection group id exists for a volume of {@code pgCount} groups; {@code context} ends with a
     * space or is empty.
     */
    void pg(Node node, String pg, String context, int pgCount) throws ScenarioError {
        Matcher m = PG_ID.matcher(pg);
        String range = pgCount == 1 ? "has only pg-0" : "has pg-0 to pg-" + (pgCount - 1);
        if (!m.matches()) {
            throw error(node, "'" + pg + "' " + context + "is not a protection group id",
                    "Write pg-N: this volume " + range);
        }
        if (Integer.parseInt(m.group(1)) >= pgCount) {
            throw error(node, "protection group '" + pg + "' " + context + "does not exist",
                    "This volume " + range + " (one per " + ModelValues.PROTECTION_GROUP_GIB + " GiB)");
        }
    }

    // ---- messages -----------------------------------------------------------------------------------------------

    static String useOneOf(String wrong, Collection<String> allowed) {
        String hint = closest(wrong, allowed);
        return "Use one of: " + String.join(", ", allowed) + (hint == null ? "" : " (did you mean '" + hint + "'?)");
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }

    /**
     * The allowed value a typo most likely meant, or null if none is close or two are equally close. Close means few
     * edits (case-insensitive): up to a third of the typed length, or up to half when the two share a first word of 4
     * letters or more ("fail-zone" gives "fail-az", "instanceType" gives "instanceClass"). Long names get no
     * suggestion, which keeps the quadratic distance cheap.
     */
    static String closest(String wrong, Collection<String> allowed) {
        String w = wrong.toLowerCase(Locale.ROOT);
        if (w.length() > MAX_SUGGESTION_LENGTH) {
            return null;
        }
        String best = null;
        boolean tie = false;
        int bestDistance = Integer.MAX_VALUE;
        int bestPrefix = -1;
        for (String candidate : allowed) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (c.length() > MAX_SUGGESTION_LENGTH) {
                continue;
            }
            int prefix = 0;
            while (prefix < Math.min(w.length(), c.length()) && w.charAt(prefix) == c.charAt(prefix)) {
                prefix++;
            }
            int d = editDistance(w, c);
            int limit = prefix >= 4 ? (w.length() + 1) / 2 : Math.max(1, w.length() / 3);
            if (d > limit || d >= c.length()) {
                continue;
            }
            if (d < bestDistance || (d == bestDistance && prefix > bestPrefix)) {
                best = candidate;
                tie = false;
                bestDistance = d;
                bestPrefix = prefix;
            } else if (d == bestDistance && prefix == bestPrefix) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** Edits (insert, delete, replace, swap two neighbours) from a to b: optimal string alignment distance. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
