package dev.auroralab.scenario;

import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.command.Command;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a scenario, plus the actions a user took in the window, as a YAML file that {@link ScenarioReader} reads
 * back to the same scenario. The YAML is written by hand rather than by Jackson so that it looks like the built-in
 * files (one flow-style entry per line, a folded description); every text value goes through one quoting rule that
 * leaves a value plain only when YAML cannot read it as anything else.
 */
public final class ScenarioWriter {

    /** The built-in files keep their lines to about this width. */
    private static final int WIDTH = 118;
    private static final String INDENT = "  ";

    /** What YAML 1.1 (which Jackson reads) takes for booleans or null when unquoted; compared in lower case. */
    private static final Set<String> RESERVED_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false",
            "null");
    /** Ids, AZs, addresses, classes: a letter, then letters, digits and . _ / -; nothing YAML treats specially. */
    private static final Pattern PLAIN_IN_FLOW = Pattern.compile("\\p{L}[\\p{L}\\p{N}._/-]*");
    /** Free text at the top level may also hold spaces and common punctuation, but no ':' or '#'. */
    private static final Pattern PLAIN_IN_BLOCK = Pattern.compile(
            "\\p{L}([\\p{L}\\p{N} ._/(),;!?'+-]*[\\p{L}\\p{N}._/(),;!?'+-])?");
    /** A duration as {@link Durations#format} writes it; it never reads as a number. */
    private static final Pattern PLAIN_DURATION = Pattern.compile("[0-9]+(\\.[0-9]+)?(ms|s|m|h)");
    /** Any file name with a YAML extension: the read-back check needs one to pick the format. */
    private static final String CHECK_SOURCE = "saved-scenario.yaml";

    private ScenarioWriter() {
    }

    /**
     * YAML text of the scenario, with {@code extraCommands} (user actions taken in the window) merged into the
     * timeline in time order (after file commands at the same time). Expectations are kept as they were.
     *
     * @throws IllegalArgumentException when the result would not read back to the same scenario, e.g. an action
     *         after the end of the run, a set-workload that changes nothing, or a rate that is not a finite number
     *         of 0 or more; the message says why in the reader's words
     */
    public static String toYaml(Scenario scenario, List<TimedCommand> extraCommands) {
        List<TimedCommand> timeline = new ArrayList<>(scenario.timeline());
        timeline.addAll(extraCommands);
        // a stable sort: at equal times the file's commands, which come first in the list, stay first
        timeline.sort(Comparator.comparingLong(TimedCommand::atMicros));

        StringBuilder out = new StringBuilder();
        out.append("schemaVersion: ").append(ScenarioMapper.SCHEMA_VERSION).append('\n');
        out.append(blockText("name", scenario.name()));
        if (scenario.description() != null) {
            out.append(blockText("description", scenario.description()));
        }
        out.append("seed: ").append(scenario.seed()).append('\n');
        out.append("duration: ").append(Durations.format(scenario.durationMicros())).append('\n');
        ClusterSpec cluster = scenario.cluster();
        out.append("cluster:\n");
        out.append(INDENT).append("region: ").append(flowText(cluster.region())).append('\n');
        if (cluster.engine() != dev.auroralab.engine.EngineFlavour.AURORA_MYSQL) {
            out.append(INDENT).append("engine: ").append(cluster.engine().key()).append('\n');
        }
        out.append(INDENT).append("azs: [")
                .append(String.join(", ", cluster.azs().stream().map(ScenarioWriter::flowText).toList()))
                .append("]\n");
        out.append(INDENT).append("volumeGiB: ").append(cluster.volumeGiB()).append('\n');
        out.append(INDENT).append("instances:\n");
        for (InstanceSpec instance : cluster.instances()) {
            out.append(INDENT).append(INDENT).append("- ").append(flowMap(instance(instance))).append('\n');
        }
        if (!cluster.secondaries().isEmpty()) {
            out.append("secondaries:\n");
            for (SecondarySpec secondary : cluster.secondaries()) {
                String under = INDENT + INDENT;
                out.append(INDENT).append("- region: ").append(flowText(secondary.region())).append('\n');
                out.append(under).append("azs: [")
                        .append(String.join(", ", secondary.azs().stream().map(ScenarioWriter::flowText).toList()))
                        .append("]\n");
                out.append(under).append("latencyMs: ").append(secondary.latencyMs()).append('\n');
                if (!secondary.instances().isEmpty()) {
                    out.append(under).append("instances:\n");
                    for (InstanceSpec instance : secondary.instances()) {
                        out.append(under).append(INDENT).append("- ").append(flowMap(instance(instance)))
                                .append('\n');
                    }
                }
            }
        }
        Map<String, String> workload = new LinkedHashMap<>();
        workload.put("writesPerSecond", rate(cluster.writesPerSecond()));
        workload.put("readsPerSecond", rate(cluster.readsPerSecond()));
        out.append("workload: ").append(flowMap(workload)).append('\n');
        if (!cluster.timings().overridden().isEmpty()) {
            Map<String, String> timings = new LinkedHashMap<>();
            for (dev.auroralab.engine.Timings.Timing t : cluster.timings().overridden()) {
                timings.put(t.key(), Durations.format(cluster.timings().micros(t)));
            }
            out.append("timings: ").append(flowMap(timings)).append('\n');
        }
        if (!timeline.isEmpty()) {
            out.append("timeline:\n");
            for (TimedCommand tc : timeline) {
                out.append(INDENT).append("- ").append(flowMap(action(tc))).append('\n');
            }
        }
        if (!scenario.expectations().isEmpty()) {
            out.append("expect:\n");
            for (Expectation e : scenario.expectations()) {
                out.append(INDENT).append("- ").append(flowMap(expectation(e))).append('\n');
            }
        }
        String yaml = out.toString();
        checkReadsBack(yaml, new Scenario(scenario.name(), scenario.description(), scenario.seed(),
                scenario.durationMicros(), cluster, timeline, scenario.expectations(), scenario.sourceName()));
        return yaml;
    }

    /**
     * Writes {@link #toYaml} to {@code path} atomically (temp file + move) so a failed save never leaves a
     * half-written file: the old file, if any, stays as it was until the complete new one replaces it.
     *
     * @throws IllegalArgumentException as {@link #toYaml}, before anything is written
     */
    public static void write(Path path, Scenario scenario, List<TimedCommand> extraCommands) throws IOException {
        AtomicFile.write(path, toYaml(scenario, extraCommands).getBytes(StandardCharsets.UTF_8));
    }

    // ---- entries ------------------------------------------------------------------------------------------------

    private static Map<String, String> instance(InstanceSpec i) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", flowText(i.id()));
        m.put("az", flowText(i.az()));
        // like the built-in files: readers are the default role; the writer's tier only shows when not the default
        if (i.role() == Role.WRITER) {
            m.put("role", "writer");
        }
        if (i.role() == Role.READER || i.tier() != ModelValues.DEFAULT_TIER) {
            m.put("tier", Integer.toString(i.tier()));
        }
        m.put("instanceClass", flowText(i.instanceClass()));
        return m;
    }

    /** The timeline entry ScenarioMapper maps back to {@code tc}'s command. */
    private static Map<String, String> action(TimedCommand tc) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("at", duration(Durations.format(tc.atMicros())));
        Command c = tc.command();
        if (c instanceof Command.FailInstance x) {
            targeted(m, "fail-instance", x.instanceId());
        } else if (c instanceof Command.RestoreInstance x) {
            targeted(m, "restore-instance", x.instanceId());
        } else if (c instanceof Command.CrashInstance x) {
            targeted(m, "crash-instance", x.instanceId());
        } else if (c instanceof Command.FailAvailabilityZone x) {
            targeted(m, "fail-az", x.az());
        } else if (c instanceof Command.RestoreAvailabilityZone x) {
            targeted(m, "restore-az", x.az());
        } else if (c instanceof Command.ReconfigureQuorum x) {
            targeted(m, "reconfigure-quorum", x.az());
        } else if (c instanceof Command.FailSegment x) {
            targeted(m, "fail-segment", x.address());
        } else if (c instanceof Command.RestoreSegment x) {
            targeted(m, "restore-segment", x.address());
        } else if (c instanceof Command.DestroySegment x) {
            targeted(m, "destroy-segment", x.address());
        } else if (c instanceof Command.FailStorageNode x) {
            targeted(m, "fail-storage-node", x.nodeId());
        } else if (c instanceof Command.RestoreStorageNode x) {
            targeted(m, "restore-storage-node", x.nodeId());
        } else if (c instanceof Command.Failover x) {
            m.put("do", "failover");
            // no target lets Aurora choose, as in the file format
            if (x.targetInstanceId() != null) {
                m.put("target", flowText(x.targetInstanceId()));
            }
        } else if (c instanceof Command.AddReplica x) {
            m.put("do", "add-replica");
            m.put("id", flowText(x.instanceId()));
            m.put("az", flowText(x.az()));
            m.put("tier", Integer.toString(x.tier()));
            m.put("instanceClass", flowText(x.instanceClass()));
        } else if (c instanceof Command.RemoveReplica x) {
            targeted(m, "remove-replica", x.instanceId());
        } else if (c instanceof Command.SetPromotionTier x) {
            targeted(m, "set-tier", x.instanceId());
            m.put("tier", Integer.toString(x.tier()));
        } else if (c instanceof Command.SetWorkload x) {
            m.put("do", "set-workload");
            // a null rate keeps the current one, as does a key left out of the file
            if (x.writesPerSecond() != null) {
                m.put("writesPerSecond", rate(x.writesPerSecond()));
            }
            if (x.readsPerSecond() != null) {
                m.put("readsPerSecond", rate(x.readsPerSecond()));
            }
        } else if (c instanceof Command.FailRegion x) {
            targeted(m, "fail-region", x.region());
        } else if (c instanceof Command.RestoreRegion x) {
            targeted(m, "restore-region", x.region());
        } else if (c instanceof Command.Switchover x) {
            targeted(m, "switchover", x.region());
        } else if (c instanceof Command.FailoverGlobal x) {
            targeted(m, "failover-global", x.region());
        } else if (c instanceof Command.DetachAndPromote x) {
            targeted(m, "detach-and-promote", x.region());
        } else if (c instanceof Command.SetWriteForwarding x) {
            targeted(m, "set-write-forwarding", x.region());
            m.put("consistency", x.consistency() == null ? "off" : x.consistency().label());
        } else if (c instanceof Command.SetManagedRpo x) {
            m.put("do", "set-managed-rpo");
            if (x.seconds() == null) {
                m.put("seconds", "off");
            } else if (x.seconds() > Long.MAX_VALUE / 1_000_000 || x.seconds() < 0) {
                throw new IllegalArgumentException("a managed RPO of " + x.seconds() + " s cannot be written");
            } else {
                m.put("seconds", duration(Durations.format(x.seconds() * 1_000_000)));
            }
        } else {
            throw new IllegalArgumentException("the scenario file format has no action for: " + c.describe());
        }
        return m;
    }

    private static void targeted(Map<String, String> m, String action, String target) {
        m.put("do", action);
        m.put("target", flowText(target));
    }

    private static Map<String, String> expectation(Expectation e) {
        Map<String, String> m = new LinkedHashMap<>();
        // the time as the file wrote it ("11s", "1m"), unless it no longer says the same time
        if (e.atEnd()) {
            m.put("at", "end");
        } else {
            m.put("at", duration(sameTime(e.atText(), e.atMicros()) ? e.atText() : Durations.format(e.atMicros())));
        }
        putIfSet(m, "writable", e.writable());
        putIfSet(m, "readable", e.readable());
        if (e.writerSpecified()) {
            m.put("writer", e.writer() == null ? "null" : flowText(e.writer()));
        }
        if (e.pg() != null) {
            m.put("pg", flowText(e.pg()));
        }
        putIfSet(m, "writeQuorum", e.writeQuorum());
        putIfSet(m, "readQuorum", e.readQuorum());
        putIfSet(m, "segmentsUp", e.segmentsUp());
        putIfSet(m, "acknowledgedWritesLost", e.acknowledgedWritesLost());
        putIfSet(m, "acknowledgedWritesLostAtLeast", e.acknowledgedWritesLostAtLeast());
        putIfSet(m, "writesPending", e.writesPending());
        putIfSet(m, "writesFailed", e.writesFailed());
        Expectation.GlobalChecks g = e.global();
        if (g.writerRegion() != null) {
            m.put("writerRegion", flowText(g.writerRegion()));
        }
        putByRegion(m, "regionRole", g.regionRole());
        putByRegion(m, "regionLagMillisAtMost", g.regionLagMillisAtMost());
        putByRegion(m, "regionWritable", g.regionWritable());
        putByRegion(m, "regionReadable", g.regionReadable());
        putIfSet(m, "commitsBlocked", g.commitsBlocked());
        putIfSet(m, "splitBrain", g.splitBrain());
        putByRegion(m, "staleReadsSeen", g.staleReadsSeen());
        Expectation.LiveChecks live = e.live();
        putIfSet(m, "writesPendingAtMost", live.writesPendingAtMost());
        putIfSet(m, "writesPendingAtLeast", live.writesPendingAtLeast());
        putByRegion(m, "replicaLagMillisAtMost", live.replicaLagMillisAtMost());
        putByRegion(m, "replicaLagMillisAtLeast", live.replicaLagMillisAtLeast());
        putIfSet(m, "commitLatencyMillisAtMost", live.commitLatencyMillisAtMost());
        putIfSet(m, "commitLatencyMillisAtLeast", live.commitLatencyMillisAtLeast());
        if (live.failoverPhase() != null) {
            m.put("failoverPhase", ExpectationMapper.phaseWord(live.failoverPhase()));
        }
        if (live.clusterEndpoint() != null) {
            m.put("clusterEndpoint", flowText(live.clusterEndpoint()));
        }
        putIfSet(m, "membershipChanging", live.membershipChanging());
        putIfSet(m, "membershipEpoch", live.membershipEpoch());
        return m;
    }

    /**
     * A map keyed by region (or by instance, for replica lag), as a nested flow map: {@code regionRole: {eu-west-1:
     * primary}}.
     */
    private static void putByRegion(Map<String, String> m, String key, Map<String, ?> byRegion) {
        if (!byRegion.isEmpty()) {
            Map<String, String> inner = new LinkedHashMap<>();
            byRegion.forEach((region, value) -> inner.put(flowText(region), value.toString()));
            m.put(key, flowMap(inner));
        }
    }

    private static boolean sameTime(String text, long micros) {
        try {
            return text != null && !text.strip().equals("end") && Durations.parseMicros(text) == micros;
        } catch (Durations.InvalidDurationException e) {
            return false;
        }
    }

    private static void putIfSet(Map<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }

    // ---- scalars ------------------------------------------------------------------------------------------------

    private static String flowMap(Map<String, String> m) {
        List<String> pairs = new ArrayList<>();
        m.forEach((key, value) -> pairs.add(key + ": " + value));
        return "{" + String.join(", ", pairs) + "}";
    }

    /** Exact decimal digits of a rate ({@code 1000}, {@code 2500.5}); the reader turns them into the same double. */
    private static String rate(double perSecond) {
        if (!Double.isFinite(perSecond) || perSecond < 0) {
            throw new IllegalArgumentException("a rate must be a finite number of 0 or more, not " + perSecond);
        }
        return BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString();
    }

    private static String duration(String text) {
        return PLAIN_DURATION.matcher(text).matches() ? text : quoted(text);
    }

    /** A value inside {@code {...}} or {@code [...]}, where commas and brackets would also end it. */
    private static String flowText(String text) {
        return text != null && PLAIN_IN_FLOW.matcher(text).matches() && !reserved(text) ? text : quoted(text);
    }

    /**
     * A top-level {@code key: value} line (or lines). Plain when safe; a folded block ({@code >}) for a paragraph
     * like the built-in descriptions, which YAML joins back with single spaces; otherwise double-quoted, which holds
     * any text exactly.
     */
    private static String blockText(String key, String text) {
        String head = key + ": ";
        boolean fitsOnTheLine = head.length() + text.length() <= WIDTH;
        if (PLAIN_IN_BLOCK.matcher(text).matches() && !reserved(text) && fitsOnTheLine) {
            return head + text + "\n";
        }
        boolean endsWithNewline = text.endsWith("\n");
        String body = endsWithNewline ? text.substring(0, text.length() - 1) : text;
        // a short name with a ':' reads better quoted; a paragraph ending in a newline is what '>' makes
        if (!foldable(body) || (fitsOnTheLine && !endsWithNewline)) {
            return head + quoted(text) + "\n";
        }
        // '>' keeps the one final newline, '>-' strips it: the text comes back with or without it, as it was
        StringBuilder out = new StringBuilder(head).append(endsWithNewline ? ">" : ">-").append('\n');
        StringBuilder line = new StringBuilder();
        for (String word : body.split(" ")) {
            if (line.length() > 0 && INDENT.length() + line.length() + 1 + word.length() > WIDTH) {
                out.append(INDENT).append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        return out.append(INDENT).append(line).append('\n').toString();
    }

    /**
     * True when a folded block gives back exactly {@code body}: one paragraph of printable characters with single
     * spaces between words, so that each line break the writer puts in place of a space folds back into that space.
     */
    private static boolean foldable(String body) {
        if (body.isEmpty() || body.startsWith(" ") || body.endsWith(" ") || body.contains("  ")) {
            return false;
        }
        return body.codePoints().allMatch(cp -> cp == ' ' || (unescaped(cp) && !Character.isWhitespace(cp)
                && !Character.isSpaceChar(cp)));
    }

    private static boolean reserved(String text) {
        return RESERVED_WORDS.contains(text.toLowerCase(Locale.ROOT));
    }

    /** A YAML double-quoted scalar: holds any text, with escapes for what a YAML file may not contain as is. */
    private static String quoted(String text) {
        if (text == null) {
            return "null"; // the reader refuses it where text is needed, with its own message
        }
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (unescaped(cp)) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append(String.format("\\u%04X", cp));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /**
     * Characters that may stand as they are in a YAML value: YAML's printable set (YAML 1.1, section 5.1) less tab,
     * the line breaks (YAML 1.1 also breaks lines at U+0085, U+2028 and U+2029) and the byte-order mark. The rest
     * (controls, lone surrogates) is escaped.
     */
    private static boolean unescaped(int cp) {
        return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029)
                || (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    // ---- the check ----------------------------------------------------------------------------------------------

    /**
     * Reads the text back and compares. A save the window cannot open again is worse than no save, so anything the
     * reader would refuse (an action after the end of the run, an unknown instance) fails here, before a file is
     * touched, in the reader's own words.
     */
    private static void checkReadsBack(String yaml, Scenario expected) {
        Scenario back;
        try {
            back = ScenarioReader.read(CHECK_SOURCE, yaml);
        } catch (ScenarioError e) {
            throw new IllegalArgumentException("the scenario cannot be saved: " + e.problem()
                    + (e.fix().isEmpty() ? "" : ". " + e.fix()), e);
        }
        if (!withoutPositions(back).equals(withoutPositions(expected))) {
            throw new IllegalArgumentException("the scenario cannot be saved: the file would read back as a "
                    + "different scenario (a value the file format cannot hold exactly)");
        }
    }

    /** The scenario with file line numbers and file name dropped: where it came from, not what it says. */
    static Scenario withoutPositions(Scenario s) {
        return new Scenario(s.name(), s.description(), s.seed(), s.durationMicros(), s.cluster(),
                s.timeline().stream().map(t -> new TimedCommand(t.atMicros(), t.command(), 0)).toList(),
                s.expectations().stream().map(e -> e.atLine(0)).toList(), "");
    }
}
