package dev.auroralab.scenario;

import static dev.auroralab.scenario.NodeReader.isNull;
import static dev.auroralab.scenario.NodeReader.useOneOf;

import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.scenario.LocatedTree.ListNode;
import dev.auroralab.scenario.LocatedTree.Located;
import dev.auroralab.scenario.LocatedTree.MapNode;
import dev.auroralab.scenario.LocatedTree.Node;
import dev.auroralab.scenario.LocatedTree.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario's expectations ({@code expect:}): what must hold at a time or at the end of the run, for the
 * cluster (writable, readable, the writer, a protection group's quorums and segments, lost writes) and for a Global
 * Database's regions (the writer's region, each region's role, lag, availability and stale reads, blocked commits,
 * split brain).
 */
final class ExpectationMapper {

    private static final List<String> EXPECT_KEYS = List.of("at", "writable", "readable", "writer", "pg",
            "writeQuorum", "readQuorum", "segmentsUp", "acknowledgedWritesLost", "acknowledgedWritesLostAtLeast",
            "writesPending", "writesFailed", "writesPendingAtMost", "writesPendingAtLeast",
            "replicaLagMillisAtMost", "replicaLagMillisAtLeast", "commitLatencyMillisAtMost",
            "commitLatencyMillisAtLeast", "failoverPhase", "clusterEndpoint", "membershipChanging", "membershipEpoch",
            "writerRegion", "regionRole", "regionLagMillisAtMost", "regionWritable", "regionReadable",
            "commitsBlocked", "splitBrain", "staleReadsSeen");
    private static final List<String> REGION_ROLES = java.util.Arrays.stream(RegionRole.values()).map(RegionRole::word).toList();
    /** The keys that check something of the expectation's pg, so need one. */
    private static final List<String> NEEDS_PG = List.of("writeQuorum", "readQuorum", "segmentsUp",
            "membershipChanging", "membershipEpoch");

    private final NodeReader read;
    private final ScenarioMapper.Declared declared;
    private final String primaryRegion;

    ExpectationMapper(NodeReader read, ScenarioMapper.Declared declared) {
        this.read = read;
        this.declared = declared;
        this.primaryRegion = declared.primaryRegion();
    }

    /** {@code everInstance}: every instance id of the scenario, those the timeline adds included. */
    List<Expectation> expectations(Node node, Set<String> everInstance) throws ScenarioError {
        if (node == null || isNull(node)) {
            return List.of();
        }
        ListNode list = read.list(node, "expect", "Write expect: [{at: 11s, writable: true}]");
        List<Expectation> result = new ArrayList<>();
        for (Node item : list.items()) {
            MapNode m = read.map(item, "an expectation", "Write e.g. {at: 11s, writable: true}");
            read.allowOnly(m, EXPECT_KEYS, "in an expectation");
            Node atNode = read.required(m, "at", "this expectation");
            Long at = null;
            String atText = "end";
            if (!(atNode instanceof ScalarNode && ((ScalarNode) atNode).text().equals("end"))) {
                at = read.atTime(atNode, declared.durationMicros());
                atText = ((ScalarNode) atNode).text();
            }
            if (m.entries().size() == 1) {
                throw read.error(m, "this expectation checks nothing", "Add at least one of: "
                        + String.join(", ", EXPECT_KEYS.subList(1, EXPECT_KEYS.size())));
            }
            result.add(checks(m, at, atText, everInstance));
        }
        return result;
    }

    /**
     * A lesson step's end condition ({@code until: {when: {...}}}): the expectation keys without {@code at}, checked
     * whenever the step looks.
     */
    Expectation condition(Node node, Set<String> everInstance) throws ScenarioError {
        MapNode m = read.map(node, "a condition", "Write e.g. when: {writable: false}");
        List<String> keys = EXPECT_KEYS.subList(1, EXPECT_KEYS.size());
        read.allowOnly(m, keys, "in a condition");
        if (m.entries().isEmpty()) {
            throw read.error(m, "this condition checks nothing", "Add at least one of: " + String.join(", ", keys));
        }
        return checks(m, null, "when", everInstance);
    }

    private Expectation checks(MapNode m, Long at, String atText, Set<String> everInstance) throws ScenarioError {
        Boolean writable = m.has("writable") ? read.bool(m.get("writable"), "writable") : null;
        Boolean readable = m.has("readable") ? read.bool(m.get("readable"), "readable") : null;
        String writer = null;
        if (m.has("writer") && !isNull(m.get("writer"))) {
            writer = read.text(m.get("writer"), "writer");
            if (!everInstance.contains(writer)) {
                throw read.error(m.get("writer"), "writer '" + writer + "' is not an instance of this scenario",
                        useOneOf(writer, everInstance) + ", or null for no writer");
            }
        }
        String pg = null;
        if (m.has("pg")) {
            pg = expectedPg(m.get("pg"), read.text(m.get("pg"), "pg"));
        } else {
            for (String needsPg : NEEDS_PG) {
                if (m.has(needsPg)) {
                    throw read.error(m.entries().get(needsPg).key(), needsPg + " needs a pg to refer to",
                            "Add pg: pg-0 (the protection group to check)");
                }
            }
        }
        Boolean writeQuorum = m.has("writeQuorum") ? read.bool(m.get("writeQuorum"), "writeQuorum") : null;
        Boolean readQuorum = m.has("readQuorum") ? read.bool(m.get("readQuorum"), "readQuorum") : null;
        Integer segmentsUp = m.has("segmentsUp") ? (int) read.wholeIn(m.get("segmentsUp"), "segmentsUp", 0,
                ModelValues.COPIES_PER_PG, "A protection group has " + ModelValues.COPIES_PER_PG + " segments")
                : null;
        Long lost = m.has("acknowledgedWritesLost") ? read.wholeIn(m.get("acknowledgedWritesLost"),
                "acknowledgedWritesLost", 0, Long.MAX_VALUE, "Count lost writes: 0 or more") : null;
        Long lostAtLeast = m.has("acknowledgedWritesLostAtLeast") ? read.wholeIn(m.get(
                "acknowledgedWritesLostAtLeast"), "acknowledgedWritesLostAtLeast", 0, Long.MAX_VALUE,
                "Count lost writes: 0 or more") : null;
        Long pending = m.has("writesPending") ? read.wholeIn(m.get("writesPending"), "writesPending", 0,
                Long.MAX_VALUE, "Count the writes still waiting: 0 or more (0: every commit has drained)") : null;
        Long failed = m.has("writesFailed") ? read.wholeIn(m.get("writesFailed"), "writesFailed", 0,
                Long.MAX_VALUE, "Count failed writes: 0 or more") : null;
        return new Expectation(at, atText, writable, readable, m.has("writer"), writer, pg, writeQuorum,
                readQuorum, segmentsUp, lost, lostAtLeast, pending, failed, globalChecks(m), liveChecks(m, everInstance),
                m.line());
    }

    /** The failover phase as a file writes it: the engine's phase name in lower case, words joined by hyphens. */
    static String phaseWord(FailoverPhase phase) {
        return phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static final List<String> PHASE_WORDS = java.util.Arrays.stream(FailoverPhase.values())
            .map(ExpectationMapper::phaseWord).toList();

    private Expectation.LiveChecks liveChecks(MapNode m, Set<String> everInstance) throws ScenarioError {
        Map<String, Long> lagAtMost = lagByInstance(m, "replicaLagMillisAtMost", everInstance);
        Map<String, Long> lagAtLeast = lagByInstance(m, "replicaLagMillisAtLeast", everInstance);
        for (Map.Entry<String, Long> e : lagAtLeast.entrySet()) {
            Long most = lagAtMost.get(e.getKey());
            if (most != null && most < e.getValue()) {
                throw read.error(m.entries().get("replicaLagMillisAtLeast").key(), "the lag of " + e.getKey()
                        + " must be at least " + e.getValue() + " ms and at most " + most + " ms: it can never hold",
                        "Give a lower bound at or below the upper one");
            }
        }
        Long latencyAtMost = bound(m, "commitLatencyMillisAtMost", "Write the most commit latency allowed, in whole"
                + " milliseconds, e.g. 10");
        Long latencyAtLeast = bound(m, "commitLatencyMillisAtLeast", "Write the least commit latency awaited, in whole"
                + " milliseconds, e.g. 1000");
        ordered(m, "commitLatencyMillisAtLeast", latencyAtLeast, latencyAtMost, " ms");
        Long pendingAtMost = bound(m, "writesPendingAtMost", "Count the writes still waiting: 0 or more");
        Long pendingAtLeast = bound(m, "writesPendingAtLeast", "Count the writes still waiting: 0 or more");
        ordered(m, "writesPendingAtLeast", pendingAtLeast, pendingAtMost, " writes");
        FailoverPhase phase = null;
        if (m.has("failoverPhase")) {
            String word = read.oneOf(m.get("failoverPhase"), "failoverPhase", PHASE_WORDS, "failover phase");
            phase = FailoverPhase.values()[PHASE_WORDS.indexOf(word)];
        }
        Boolean changing = m.has("membershipChanging") ? read.bool(m.get("membershipChanging"),
                "membershipChanging") : null;
        Long epoch = m.has("membershipEpoch") ? read.wholeIn(m.get("membershipEpoch"), "membershipEpoch", 1,
                Long.MAX_VALUE, "A protection group's membership epoch starts at 1 and goes up by one with each"
                        + " membership change: write e.g. membershipEpoch: 2") : null;
        String endpoint = null;
        if (m.has("clusterEndpoint")) {
            endpoint = read.text(m.get("clusterEndpoint"), "clusterEndpoint");
            if (!everInstance.contains(endpoint)) {
                throw read.error(m.get("clusterEndpoint"), "clusterEndpoint '" + endpoint + "' is not an instance of"
                        + " this scenario", useOneOf(endpoint, everInstance) + ": the instance the cluster (writer)"
                                + " endpoint resolves to");
            }
        }
        return new Expectation.LiveChecks(lagAtMost, lagAtLeast, latencyAtMost, latencyAtLeast, pendingAtMost,
                pendingAtLeast, phase, changing, epoch, endpoint);
    }

    private Long bound(MapNode m, String key, String fix) throws ScenarioError {
        return m.has(key) ? read.wholeIn(m.get(key), key, 0, Long.MAX_VALUE, fix) : null;
    }

    /** Refuses a lower bound above the upper one, at the lower bound's key: such an expectation never holds. */
    private void ordered(MapNode m, String atLeastKey, Long atLeast, Long atMost, String unit) throws ScenarioError {
        if (atLeast != null && atMost != null && atLeast > atMost) {
            throw read.error(m.entries().get(atLeastKey).key(), atLeastKey + " " + atLeast + unit + " is above the"
                    + " AtMost bound of " + atMost + unit + ": it can never hold", "Give a lower bound at or below"
                            + " the upper one");
        }
    }

    /** A map of replica id to a whole number of milliseconds, each id an instance of the scenario. */
    private Map<String, Long> lagByInstance(MapNode m, String key, Set<String> everInstance) throws ScenarioError {
        Map<String, Long> result = new LinkedHashMap<>();
        if (!m.has(key)) {
            return result;
        }
        String example = "{" + exampleReplica(everInstance) + ": 100}";
        MapNode byInstance = read.map(m.get(key), key, "Write " + key + ": " + example);
        if (byInstance.entries().isEmpty()) {
            throw read.error(byInstance, key + " checks nothing", "Name at least one replica, e.g. " + key + ": "
                    + example);
        }
        for (LocatedTree.Entry e : byInstance.entries().values()) {
            String id = e.key().name();
            if (!everInstance.contains(id)) {
                throw read.error(e.key(), "instance '" + id + "' in " + key + " is not an instance of this scenario",
                        useOneOf(id, everInstance));
            }
            String fix = "Write the replica lag in whole milliseconds, e.g. " + key + ": {" + id + ": 100}";
            if (!(e.value() instanceof ScalarNode v) || v.scalarKind() != LocatedTree.ScalarKind.INTEGER) {
                // the generic "e.g. a lag bound: 1" would not show where the number goes
                throw read.error(e.value(), "a lag bound must be a whole number, not " + e.value().kind(), fix);
            }
            result.put(id, read.wholeIn(e.value(), "a lag bound", 0, Long.MAX_VALUE, fix));
        }
        return result;
    }

    /** An instance id for an example: the second listed (the first is usually the writer), else the first. */
    private static String exampleReplica(Set<String> everInstance) {
        return everInstance.stream().skip(everInstance.size() > 1 ? 1 : 0).findFirst().orElse("reader-1");
    }

    /**
     * A protection group to check, as the engine names it: pg-N in the primary region, REGION/pg-N in a secondary
     * one. The primary's may also be written REGION/pg-N, as in a segment address; it is then read as pg-N.
     */
    private String expectedPg(Node node, String pg) throws ScenarioError {
        int slash = pg.lastIndexOf('/');
        if (slash < 0) {
            read.pg(node, pg, "", declared.pgCount());
            return pg;
        }
        String region = pg.substring(0, slash);
        if (region.equals(primaryRegion)) {
            read.pg(node, pg.substring(slash + 1), "in '" + pg + "' ", declared.pgCount());
            return pg.substring(slash + 1);
        }
        if (!declared.regionAzs().containsKey(region)) {
            List<String> secondaryNames = declared.secondaryRegionNames();
            throw read.error(node, "region '" + region + "' in pg '" + pg + "' is not a secondary region of this "
                    + "scenario", secondaryNames.isEmpty() ? "Write pg-N for the cluster's protection groups"
                            : useOneOf(region, secondaryNames));
        }
        read.pg(node, pg.substring(slash + 1), "in '" + pg + "' ", declared.pgCount());
        return pg;
    }

    private Expectation.GlobalChecks globalChecks(MapNode m) throws ScenarioError {
        String writerRegion = null;
        if (m.has("writerRegion")) {
            Node node = m.get("writerRegion");
            writerRegion = read.text(node, "writerRegion");
            knownRegion(node, writerRegion);
        }
        Map<String, RegionRole> roles = new LinkedHashMap<>();
        for (Map.Entry<LocatedTree.Key, Node> e : regionMap(m, "regionRole", "{" + primaryRegion + ": primary}")) {
            roles.put(e.getKey().name(), RegionRole.ofWord(read.oneOf(e.getValue(), "a region's role", REGION_ROLES,
                    "region role")));
        }
        Map<String, Long> lags = new LinkedHashMap<>();
        for (Map.Entry<LocatedTree.Key, Node> e : regionMap(m, "regionLagMillisAtMost", "{" + exampleSecondary()
                + ": 1000}")) {
            lags.put(e.getKey().name(), read.wholeIn(e.getValue(), "a lag bound", 0, Long.MAX_VALUE,
                    "Write the most RPO lag allowed, in whole milliseconds, e.g. 1000"));
        }
        Map<String, Boolean> writable = booleansByRegion(m, "regionWritable");
        Map<String, Boolean> readable = booleansByRegion(m, "regionReadable");
        Boolean commitsBlocked = m.has("commitsBlocked") ? read.bool(m.get("commitsBlocked"), "commitsBlocked")
                : null;
        Boolean splitBrain = m.has("splitBrain") ? read.bool(m.get("splitBrain"), "splitBrain") : null;
        Map<String, Boolean> stale = booleansByRegion(m, "staleReadsSeen");
        return new Expectation.GlobalChecks(writerRegion, roles, lags, writable, readable, commitsBlocked, splitBrain,
                stale);
    }

    private Map<String, Boolean> booleansByRegion(MapNode m, String key) throws ScenarioError {
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (Map.Entry<LocatedTree.Key, Node> e : regionMap(m, key, "{" + primaryRegion + ": true}")) {
            result.put(e.getKey().name(), read.bool(e.getValue(), key + " of " + e.getKey().name()));
        }
        return result;
    }

    /** The entries of a map keyed by region name, each region checked; empty when the key is absent. */
    private List<Map.Entry<LocatedTree.Key, Node>> regionMap(MapNode m, String key, String example)
            throws ScenarioError {
        if (!m.has(key)) {
            return List.of();
        }
        MapNode regions = read.map(m.get(key), key, "Write " + key + ": " + example);
        if (regions.entries().isEmpty()) {
            throw read.error(regions, key + " checks nothing", "Name at least one region, e.g. " + key + ": "
                    + example);
        }
        List<Map.Entry<LocatedTree.Key, Node>> result = new ArrayList<>();
        for (LocatedTree.Entry e : regions.entries().values()) {
            knownRegion(e.key(), e.key().name());
            result.add(Map.entry(e.key(), e.value()));
        }
        return result;
    }

    private void knownRegion(Located at, String region) throws ScenarioError {
        if (!declared.regionAzs().containsKey(region)) {
            throw read.error(at, "region '" + region + "' is not a region of this scenario",
                    useOneOf(region, declared.regionAzs().keySet()));
        }
    }

    private String exampleSecondary() {
        List<String> names = declared.secondaryRegionNames();
        return names.isEmpty() ? primaryRegion : names.get(0);
    }
}
