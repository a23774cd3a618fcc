package dev.auroralab.scenario;

import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.InstanceClassSize;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Preconditions;
import dev.auroralab.engine.command.Command;
import dev.auroralab.scenario.LocatedTree.ListNode;
import dev.auroralab.scenario.LocatedTree.Located;
import dev.auroralab.scenario.LocatedTree.MapNode;
import dev.auroralab.scenario.LocatedTree.Node;
import dev.auroralab.scenario.LocatedTree.ScalarKind;
import dev.auroralab.scenario.LocatedTree.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a located tree against the scenario format and maps it to engine values. Every check runs before anything is
 * built, and the first problem found is thrown as a {@link ScenarioError} pointing at the offending key or value.
 * The timeline is checked twice: each entry on its own (file order), then instance ids and region roles in time
 * order, tracking add-replica and remove-replica, so "fail reader-3" before "add reader-3" is caught, and switchover,
 * global failover and detach, so "switch over to eu-west-1" after eu-west-1 became the primary is caught.
 *
 * <p>A Global Database's secondary regions ({@code secondaries:}) are checked as the cluster is: each region once and
 * not the primary's, AZs and instance ids unique across all regions, at most 10 regions of at most 16 read-only
 * instances. One mapper reads one file: it keeps the regions and ids it has seen.
 */
final class ScenarioMapper {

    static final int SCHEMA_VERSION = 1;
    static final long DEFAULT_SEED = 1;
    static final long DEFAULT_DURATION_MICROS = 60_000_000;
    static final double DEFAULT_WRITES_PER_SECOND = 1000;
    static final double DEFAULT_READS_PER_SECOND = 4000;
    static final String DEFAULT_INSTANCE_CLASS = "db.r6g.large";
    /** An Aurora cluster volume grows to at most 128 TiB (Aurora User Guide, Aurora storage). */
    static final int MAX_VOLUME_GIB = 128 * 1024;

    private static final List<String> TOP_KEYS = List.of("schemaVersion", "name", "description", "seed", "duration",
            "cluster", "secondaries", "workload", "timeline", "expect");
    private static final List<String> CLUSTER_KEYS = List.of("region", "azs", "volumeGiB", "instances");
    private static final List<String> SECONDARY_KEYS = List.of("region", "azs", "latencyMs", "instances");
    private static final List<String> INSTANCE_KEYS = List.of("id", "az", "role", "tier", "instanceClass");
    private static final List<String> WORKLOAD_KEYS = List.of("writesPerSecond", "readsPerSecond");
    private static final List<String> EXPECT_KEYS = List.of("at", "writable", "readable", "writer", "pg",
            "writeQuorum", "readQuorum", "segmentsUp", "acknowledgedWritesLost", "acknowledgedWritesLostAtLeast",
            "writerRegion", "regionRole", "regionLagMillisAtMost", "regionWritable", "regionReadable",
            "commitsBlocked", "splitBrain", "staleReadsSeen");
    private static final List<String> ROLES = List.of("writer", "reader");
    private static final List<String> REGION_ROLES = java.util.Arrays.stream(RegionRole.values()).map(RegionRole::word).toList();
    private static final List<String> CONSISTENCIES = List.of("eventual", "session", "global", "off");
    /** Real one-way latencies between AWS regions stay well under a second; this only keeps typos out. */
    static final long MAX_LATENCY_MS = 10_000;

    /** Each action and the keys it takes besides {@code at} and {@code do}. */
    private static final Map<String, List<String>> ACTIONS = new LinkedHashMap<>();

    static {
        for (String targetOnly : List.of("fail-instance", "restore-instance", "fail-az", "restore-az", "fail-segment",
                "restore-segment", "destroy-segment", "fail-storage-node", "restore-storage-node", "failover",
                "remove-replica")) {
            ACTIONS.put(targetOnly, List.of("target"));
        }
        ACTIONS.put("add-replica", List.of("id", "az", "tier", "instanceClass"));
        ACTIONS.put("set-tier", List.of("target", "tier"));
        ACTIONS.put("set-workload", List.of("writesPerSecond", "readsPerSecond"));
        for (String regionTarget : List.of("fail-region", "restore-region", "switchover", "failover-global",
                "detach-and-promote")) {
            ACTIONS.put(regionTarget, List.of("target"));
        }
        ACTIONS.put("set-write-forwarding", List.of("target", "consistency"));
        ACTIONS.put("set-managed-rpo", List.of("seconds"));
    }

    private static final Map<String, String> EXAMPLES = Map.ofEntries(
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
    private static final Pattern NODE_ID = Pattern.compile("sn-(.+)-([0-9]{1,9})");

    /**
     * A timeline entry checked on its own; {@code instanceAt} points at the instance id it names, if any, and
     * {@code regionAt} at the region it names, if any.
     */
    private record Pending(long atMicros, Command command, int line, Located instanceAt, Located regionAt) {
    }

    private final String source;
    private long durationMicros;
    /** The primary region's AZs (the {@code cluster:} ones). */
    private List<String> azs;
    private String primaryRegion;
    /** Every region's AZs, the primary's first, then the secondaries in file order. */
    private final Map<String, List<String>> regionAzs = new LinkedHashMap<>();
    /** The region of each AZ. */
    private final Map<String, String> azRegion = new LinkedHashMap<>();
    /** The line each instance id is first given on, across all regions. */
    private final Map<String, Integer> lineOfId = new HashMap<>();
    private int pgCount;

    ScenarioMapper(String source) {
        this.source = source;
    }

    Scenario map(Node root) throws ScenarioError {
        MapNode top = map(root, "the scenario", "Write keys like schemaVersion, cluster and timeline at the top level");
        Node version = required(top, "schemaVersion", "the scenario");
        long v = whole(version, "schemaVersion");
        if (v != SCHEMA_VERSION) {
            throw error(version, "schemaVersion " + v + " is not supported",
                    "This version of Aurora Lab reads schemaVersion: " + SCHEMA_VERSION);
        }
        allowOnly(top, TOP_KEYS, "at the top level");

        String name = top.has("name") ? freeText(top.get("name"), "name") : source;
        if (name.isBlank()) {
            throw error(top.get("name"), "name is empty", "Write a name or remove the line to use the file name");
        }
        String description = top.has("description") ? freeText(top.get("description"), "description") : null;
        long seed = top.has("seed") ? whole(top.get("seed"), "seed") : DEFAULT_SEED;
        durationMicros = DEFAULT_DURATION_MICROS;
        if (top.has("duration")) {
            durationMicros = time(top.get("duration"), "duration");
            if (durationMicros <= 0) {
                throw error(top.get("duration"), "duration must be more than 0", "Write e.g. duration: 60s");
            }
        }

        MapNode clusterNode = map(required(top, "cluster", "the scenario"), "cluster",
                "Write " + EXAMPLES.get("cluster"));
        allowOnly(clusterNode, CLUSTER_KEYS, "in cluster");
        String region = text(required(clusterNode, "region", "cluster"), "region");
        primaryRegion = region;
        azs = azs(required(clusterNode, "azs", "cluster"), region);
        Node volume = required(clusterNode, "volumeGiB", "cluster");
        int volumeGiB = (int) wholeIn(volume, "volumeGiB", 1, MAX_VOLUME_GIB,
                "A volume holds 1 GiB to 128 TiB; each 10 GiB is one protection group");
        List<InstanceSpec> instances = instances(required(clusterNode, "instances", "cluster"));
        List<SecondarySpec> secondaries = top.has("secondaries") ? secondaries(top.get("secondaries"))
                : List.of();

        double writes = DEFAULT_WRITES_PER_SECOND;
        double reads = DEFAULT_READS_PER_SECOND;
        if (top.has("workload")) {
            MapNode workload = map(top.get("workload"), "workload",
                    "Write workload: {writesPerSecond: 1000, readsPerSecond: 4000}");
            allowOnly(workload, WORKLOAD_KEYS, "in workload");
            if (workload.has("writesPerSecond")) {
                writes = rate(workload.get("writesPerSecond"), "writesPerSecond");
            }
            if (workload.has("readsPerSecond")) {
                reads = rate(workload.get("readsPerSecond"), "readsPerSecond");
            }
        }

        ClusterSpec cluster = new ClusterSpec(region, azs, volumeGiB, instances, writes, reads, seed, secondaries);
        pgCount = cluster.protectionGroupCount();
        try {
            cluster.validate();
        } catch (IllegalArgumentException e) {
            // the checks above should have caught it first; still refuse rather than build a broken cluster
            throw error(clusterNode, e.getMessage(), "Fix the cluster");
        }

        List<TimedCommand> timeline = timeline(top.get("timeline"), cluster);
        Set<String> everInstance = new LinkedHashSet<>();
        instances.forEach(i -> everInstance.add(i.id()));
        secondaries.forEach(sec -> sec.instances().forEach(i -> everInstance.add(i.id())));
        timeline.stream().map(TimedCommand::command).filter(c -> c instanceof Command.AddReplica)
                .forEach(c -> everInstance.add(((Command.AddReplica) c).instanceId()));
        List<Expectation> expectations = expectations(top.get("expect"), everInstance);

        return new Scenario(name, description, seed, durationMicros, cluster, timeline, expectations, source);
    }

    // ---- cluster ------------------------------------------------------------------------------------------------

    /** A region's three AZs, each in no other region; records them as the region's. */
    private List<String> azs(Node node, String region) throws ScenarioError {
        ListNode list = list(node, "azs", "Write " + (region.equals(primaryRegion) ? EXAMPLES.get("azs")
                : "azs: [" + region + "a, " + region + "b, " + region + "c]"));
        List<String> result = new ArrayList<>();
        for (Node item : list.items()) {
            String az = text(item, "an AZ");
            if (result.contains(az)) {
                throw error(item, "AZ '" + az + "' is listed twice", "List 3 different AZs");
            }
            if (azRegion.containsKey(az)) {
                throw error(item, "AZ '" + az + "' is already an AZ of region " + azRegion.get(az),
                        "Each region has AZs of its own, e.g. " + region + "a");
            }
            if (result.size() == 3) {
                throw error(item, "a 4th AZ '" + az + "': a cluster uses exactly 3 AZs",
                        "Remove it; Aurora keeps 2 copies of each protection group in each of 3 AZs");
            }
            result.add(az);
        }
        if (result.size() != 3) {
            throw error(list, "only " + result.size() + " AZ" + (result.size() == 1 ? "" : "s")
                    + " listed: a cluster uses exactly 3 AZs", "Write " + EXAMPLES.get("azs"));
        }
        regionAzs.put(region, List.copyOf(result));
        result.forEach(az -> azRegion.put(az, region));
        return result;
    }

    private List<InstanceSpec> instances(Node node) throws ScenarioError {
        ListNode list = list(node, "instances", "Write " + EXAMPLES.get("instances"));
        List<InstanceSpec> result = new ArrayList<>();
        String writer = null;
        int replicas = 0;
        for (Node item : list.items()) {
            MapNode m = map(item, "an instance", "Write e.g. {id: reader-1, az: us-east-1b, tier: 1}");
            allowOnly(m, INSTANCE_KEYS, "in an instance");
            Node idNode = required(m, "id", "this instance");
            String id = text(idNode, "id");
            if (lineOfId.containsKey(id)) {
                throw error(idNode, "instance id '" + id + "' is used twice (first on line " + lineOfId.get(id) + ")",
                        "Give each instance its own id");
            }
            lineOfId.put(id, idNode.line());
            String az = instanceAz(required(m, "az", "instance '" + id + "'"), id);
            Role role = Role.READER;
            if (m.has("role")) {
                String r = oneOf(m.get("role"), "role", ROLES, "role");
                role = r.equals("writer") ? Role.WRITER : Role.READER;
            }
            if (role == Role.WRITER) {
                if (writer != null) {
                    throw error(m.get("role"), "a second writer '" + id + "' (the writer is '" + writer + "')",
                            "A cluster has exactly one writer: make this one role: reader");
                }
                writer = id;
            } else if (++replicas > ModelValues.MAX_REPLICAS) {
                throw error(m, "a " + ordinal(replicas) + " read replica '" + id + "'", "A cluster has at most "
                        + ModelValues.MAX_REPLICAS + " read replicas (Aurora User Guide): remove one");
            }
            int tier = m.has("tier") ? tier(m.get("tier")) : ModelValues.DEFAULT_TIER;
            String instanceClass = m.has("instanceClass") ? instanceClass(m.get("instanceClass"))
                    : DEFAULT_INSTANCE_CLASS;
            result.add(new InstanceSpec(id, az, role, tier, instanceClass));
        }
        if (writer == null) {
            throw error(list, "the cluster has no writer", "Mark one instance role: writer");
        }
        return result;
    }

    private String instanceAz(Node node, String id) throws ScenarioError {
        String az = text(node, "az");
        if (!azs.contains(az)) {
            throw error(node, "instance '" + id + "' is in AZ '" + az + "', which is not one of the cluster's AZs",
                    useOneOf(az, azs));
        }
        return az;
    }

    // ---- secondary regions (Global Database) --------------------------------------------------------------------

    private List<SecondarySpec> secondaries(Node node) throws ScenarioError {
        if (isNull(node)) {
            return List.of();
        }
        ListNode list = list(node, "secondaries", "Write secondaries: [{region: eu-west-1, azs: [eu-west-1a, "
                + "eu-west-1b, eu-west-1c], latencyMs: 75, instances: [...]}]");
        List<SecondarySpec> result = new ArrayList<>();
        Map<String, Integer> lineOfRegion = new HashMap<>();
        for (Node item : list.items()) {
            MapNode m = map(item, "a secondary region", "Write e.g. {region: eu-west-1, azs: [eu-west-1a, "
                    + "eu-west-1b, eu-west-1c], latencyMs: 75, instances: [...]}");
            if (result.size() == ModelValues.MAX_SECONDARY_REGIONS) {
                String named = m.has("region") && m.get("region") instanceof ScalarNode
                        ? " '" + ((ScalarNode) m.get("region")).text() + "'" : "";
                throw error(m, "an " + ordinal(result.size() + 1) + " secondary region" + named,
                        "A global database has at most " + ModelValues.MAX_SECONDARY_REGIONS
                                + " secondary regions (Aurora User Guide): remove one");
            }
            allowOnly(m, SECONDARY_KEYS, "in a secondary region");
            Node regionNode = required(m, "region", "this secondary region");
            String region = text(regionNode, "region");
            if (region.equals(primaryRegion)) {
                throw error(regionNode, "region '" + region + "' is the primary region (cluster: region), so it "
                        + "cannot also be a secondary", "A secondary is another region, e.g. eu-west-1 or us-west-2");
            }
            if (lineOfRegion.containsKey(region)) {
                throw error(regionNode, "secondary region '" + region + "' is listed twice (first on line "
                        + lineOfRegion.get(region) + ")", "List each region once");
            }
            lineOfRegion.put(region, regionNode.line());
            List<String> regionAzList = azs(required(m, "azs", "secondary region '" + region + "'"), region);
            long latencyMs = latencyMs(required(m, "latencyMs", "secondary region '" + region + "'"));
            List<InstanceSpec> instances = m.has("instances") && !isNull(m.get("instances"))
                    ? secondaryInstances(m.get("instances"), region, regionAzList) : List.of();
            result.add(new SecondarySpec(region, regionAzList, instances, latencyMs));
        }
        return result;
    }

    private long latencyMs(Node node) throws ScenarioError {
        long ms = whole(node, "latencyMs");
        String fix = "Write the one-way network latency from the primary region in milliseconds, e.g. latencyMs: 75 "
                + "(us-east-1 to eu-west-1)";
        if (ms < 0) {
            throw error(node, "latencyMs cannot be negative, got " + ms, fix);
        }
        if (ms > MAX_LATENCY_MS) {
            throw error(node, "latencyMs " + ms + " is more than " + MAX_LATENCY_MS + " (10 s)", fix);
        }
        return ms;
    }

    /** A secondary region's instances: read-only, at most 16, ids unique across every region. */
    private List<InstanceSpec> secondaryInstances(Node node, String region, List<String> regionAzList)
            throws ScenarioError {
        ListNode list = list(node, "instances", "Write instances: [{id: " + region + "-reader-1, az: "
                + regionAzList.get(0) + "}]");
        List<InstanceSpec> result = new ArrayList<>();
        for (Node item : list.items()) {
            MapNode m = map(item, "an instance", "Write e.g. {id: " + region + "-reader-1, az: " + regionAzList.get(0)
                    + ", tier: 1}");
            allowOnly(m, INSTANCE_KEYS, "in an instance");
            Node idNode = required(m, "id", "this instance");
            String id = text(idNode, "id");
            if (result.size() == ModelValues.MAX_SECONDARY_INSTANCES) {
                throw error(m, "a " + ordinal(result.size() + 1) + " instance '" + id + "' in secondary region "
                        + region, "A secondary region has at most " + ModelValues.MAX_SECONDARY_INSTANCES
                                + " read-only instances (Aurora User Guide): remove one");
            }
            if (lineOfId.containsKey(id)) {
                throw error(idNode, "instance id '" + id + "' is used twice (first on line " + lineOfId.get(id) + ")",
                        "Give each instance its own id, across all regions");
            }
            lineOfId.put(id, idNode.line());
            Node azNode = required(m, "az", "instance '" + id + "'");
            String az = text(azNode, "az");
            if (!regionAzList.contains(az)) {
                String other = azRegion.get(az);
                throw error(azNode, "instance '" + id + "' of secondary region " + region + " is in AZ '" + az + "', "
                        + (other == null ? "which is not one of " + region + "'s AZs" : "which is in " + other),
                        useOneOf(az, regionAzList));
            }
            if (m.has("role") && oneOf(m.get("role"), "role", ROLES, "role").equals("writer")) {
                throw error(m.get("role"), "instance '" + id + "' in secondary region " + region
                        + " cannot be a writer: a secondary region is read-only",
                        "Remove role: writer (instances of a secondary are readers; the primary's writer takes "
                                + "every write)");
            }
            int tier = m.has("tier") ? tier(m.get("tier")) : ModelValues.DEFAULT_TIER;
            String instanceClass = m.has("instanceClass") ? instanceClass(m.get("instanceClass"))
                    : DEFAULT_INSTANCE_CLASS;
            result.add(new InstanceSpec(id, az, Role.READER, tier, instanceClass));
        }
        return result;
    }

    private int tier(Node node) throws ScenarioError {
        return (int) wholeIn(node, "tier", 0, ModelValues.MAX_TIER,
                "Promotion tiers go from 0 (promoted first) to " + ModelValues.MAX_TIER);
    }

    private String instanceClass(Node node) throws ScenarioError {
        String instanceClass = text(node, "instanceClass");
        try {
            InstanceClassSize.rank(instanceClass);
        } catch (IllegalArgumentException e) {
            throw error(node, e.getMessage(), "Use an Aurora instance class such as db.r6g.large or db.r6g.2xlarge");
        }
        return instanceClass;
    }

    // ---- timeline -----------------------------------------------------------------------------------------------

    private List<TimedCommand> timeline(Node node, ClusterSpec cluster) throws ScenarioError {
        if (node == null || isNull(node)) {
            return List.of();
        }
        ListNode list = list(node, "timeline", "Write timeline: [{at: 10s, do: fail-az, target: us-east-1c}]");
        List<Pending> pending = new ArrayList<>();
        for (Node item : list.items()) {
            pending.add(timelineEntry(item));
        }
        pending.sort(Comparator.comparingLong(Pending::atMicros)); // stable: equal times keep file order

        Map<String, Long> present = new LinkedHashMap<>(); // id -> time added (-1 for the initial cluster)
        cluster.instances().forEach(i -> present.put(i.id(), -1L));
        Map<String, String> regionOfId = new HashMap<>();
        cluster.instances().forEach(i -> regionOfId.put(i.id(), primaryRegion));
        for (SecondarySpec sec : cluster.secondaries()) {
            sec.instances().forEach(i -> {
                present.put(i.id(), -1L);
                regionOfId.put(i.id(), sec.region());
            });
        }
        // the regions' roles as the timeline changes them: a switchover or a global failover makes its target the
        // primary and the old primary a secondary; a detached region leaves the global database
        String primaryNow = primaryRegion;
        Set<String> secondariesNow = new LinkedHashSet<>();
        cluster.secondaries().forEach(sec -> secondariesNow.add(sec.region()));
        Map<String, Long> detachedAt = new HashMap<>();
        Map<String, Long> promotedAt = new HashMap<>();
        Map<String, Long> removedAt = new HashMap<>();
        Map<String, Long> addedAt = new HashMap<>();
        for (Pending p : pending) {
            if (p.command() instanceof Command.AddReplica) {
                addedAt.putIfAbsent(((Command.AddReplica) p.command()).instanceId(), p.atMicros());
            }
        }
        List<TimedCommand> result = new ArrayList<>();
        for (Pending p : pending) {
            Command c = p.command();
            if (c instanceof Command.AddReplica) {
                String id = ((Command.AddReplica) c).instanceId();
                if (present.containsKey(id)) {
                    throw error(p.instanceAt(), "instance id '" + id + "' already exists at "
                            + Durations.format(p.atMicros()), "Give the new replica its own id");
                }
                String region = azRegion.get(((Command.AddReplica) c).az());
                int inRegion = (int) present.keySet().stream().filter(i -> region.equals(regionOfId.get(i))).count();
                // the engine's own count rule (Preconditions), so a file and the window refuse the same replica
                String tooMany = Preconditions.replicaLimit(!region.equals(primaryRegion), inRegion);
                if (tooMany != null) {
                    throw error(p.instanceAt(), "adding '" + id + "' at " + Durations.format(p.atMicros())
                            + (region.equals(primaryRegion) ? " makes a " + ordinal(inRegion) + " read replica"
                                    : " makes a " + ordinal(inRegion + 1) + " instance in secondary region " + region),
                            "Remove one first: " + tooMany + " (Aurora User Guide)");
                }
                present.put(id, p.atMicros());
                regionOfId.put(id, region);
            } else {
                String id = instanceTarget(c);
                if (id != null && !present.containsKey(id)) {
                    String when = "instance '" + id + "' does not exist at " + Durations.format(p.atMicros());
                    if (removedAt.containsKey(id)) {
                        throw error(p.instanceAt(), when + " (it is removed at " + Durations.format(removedAt.get(id))
                                + ")", useOneOf(id, present.keySet()));
                    }
                    if (addedAt.containsKey(id)) {
                        throw error(p.instanceAt(), when + " (it is added at " + Durations.format(addedAt.get(id))
                                + ")", "Move this to " + Durations.format(addedAt.get(id)) + " or later");
                    }
                    throw error(p.instanceAt(), when, useOneOf(id, present.keySet()));
                }
                if (c instanceof Command.RemoveReplica) {
                    present.remove(id);
                    removedAt.put(id, p.atMicros());
                }
            }
            String region = secondaryTarget(c);
            if (region != null) {
                if (!secondariesNow.contains(region)) {
                    throw notASecondary(p, region, primaryNow, secondariesNow, detachedAt, promotedAt);
                }
                if (c instanceof Command.Switchover || c instanceof Command.FailoverGlobal) {
                    secondariesNow.remove(region);
                    secondariesNow.add(primaryNow);
                    primaryNow = region;
                    promotedAt.put(region, p.atMicros());
                } else if (c instanceof Command.DetachAndPromote) {
                    secondariesNow.remove(region);
                    detachedAt.put(region, p.atMicros());
                }
            }
            result.add(new TimedCommand(p.atMicros(), c, p.line()));
        }
        return result;
    }

    /** The region a switchover, global failover, detach or write-forwarding setting names, or null. */
    private static String secondaryTarget(Command c) {
        if (c instanceof Command.Switchover x) {
            return x.region();
        } else if (c instanceof Command.FailoverGlobal x) {
            return x.region();
        } else if (c instanceof Command.DetachAndPromote x) {
            return x.region();
        } else if (c instanceof Command.SetWriteForwarding x) {
            return x.region();
        }
        return null;
    }

    private ScenarioError notASecondary(Pending p, String region, String primaryNow, Set<String> secondariesNow,
            Map<String, Long> detachedAt, Map<String, Long> promotedAt) {
        String when = Durations.format(p.atMicros());
        String action = actionName(p.command());
        String problem;
        if (region.equals(primaryNow)) {
            problem = action + " needs a secondary region, and '" + region + "' is the primary at " + when
                    + (promotedAt.containsKey(region) ? " (it became the primary at "
                            + Durations.format(promotedAt.get(region)) + ")" : "");
        } else if (detachedAt.containsKey(region)) {
            problem = action + " needs a secondary region, and '" + region + "' was detached at "
                    + Durations.format(detachedAt.get(region)) + ": it is a standalone cluster at " + when;
        } else if (regionAzs.containsKey(region)) {
            problem = action + " needs a secondary region, and '" + region + "' is not one at " + when;
        } else {
            problem = action + " needs a secondary region, and '" + region + "' is not a region of this scenario";
        }
        List<String> inFileOrder = regionAzs.keySet().stream().filter(secondariesNow::contains).toList();
        String fix = inFileOrder.isEmpty()
                ? "This scenario has no secondary region at " + when + ": add one under secondaries:, e.g. "
                        + "{region: eu-west-1, azs: [eu-west-1a, eu-west-1b, eu-west-1c], latencyMs: 75}"
                : "The secondary regions at " + when + " are: " + (regionAzs.containsKey(region)
                        // a region of the scenario is no typo: no "did you mean"
                        ? String.join(", ", inFileOrder)
                        : useOneOf(region, inFileOrder).substring("Use one of: ".length()));
        return error(p.regionAt(), problem, fix);
    }

    private static String actionName(Command c) {
        if (c instanceof Command.Switchover) {
            return "switchover";
        } else if (c instanceof Command.FailoverGlobal) {
            return "failover-global";
        } else if (c instanceof Command.DetachAndPromote) {
            return "detach-and-promote";
        }
        return "set-write-forwarding";
    }

    private static String instanceTarget(Command c) {
        if (c instanceof Command.FailInstance) {
            return ((Command.FailInstance) c).instanceId();
        } else if (c instanceof Command.RestoreInstance) {
            return ((Command.RestoreInstance) c).instanceId();
        } else if (c instanceof Command.Failover) {
            return ((Command.Failover) c).targetInstanceId();
        } else if (c instanceof Command.RemoveReplica) {
            return ((Command.RemoveReplica) c).instanceId();
        } else if (c instanceof Command.SetPromotionTier) {
            return ((Command.SetPromotionTier) c).instanceId();
        }
        return null;
    }

    private Pending timelineEntry(Node item) throws ScenarioError {
        MapNode m = map(item, "a timeline entry", "Write e.g. {at: 10s, do: fail-az, target: us-east-1c}");
        if (!m.has("do")) {
            Set<String> anyKey = new LinkedHashSet<>(List.of("at", "do"));
            ACTIONS.values().forEach(anyKey::addAll);
            allowOnly(m, anyKey, "in a timeline entry");
            throw error(m, "this timeline entry has no 'do'", "Say what happens, e.g. do: fail-az");
        }
        String action = oneOf(m.get("do"), "do", ACTIONS.keySet(), "action");
        List<String> allowed = new ArrayList<>(List.of("at", "do"));
        allowed.addAll(ACTIONS.get(action));
        allowOnly(m, allowed, "for " + action);
        long at = atTime(required(m, "at", action));
        Node target = m.get("target");
        Command command;
        Located instanceAt = null;
        Located regionAt = null;
        switch (action) {
            case "fail-instance":
            case "restore-instance":
            case "remove-replica": {
                target = required(m, "target", action);
                String id = text(target, "target");
                instanceAt = target;
                command = action.equals("fail-instance") ? new Command.FailInstance(id)
                        : action.equals("restore-instance") ? new Command.RestoreInstance(id)
                        : new Command.RemoveReplica(id);
                break;
            }
            case "fail-az":
            case "restore-az": {
                target = required(m, "target", action);
                String az = text(target, "target");
                if (!azRegion.containsKey(az)) {
                    throw error(target, "AZ '" + az + "' is not one of the cluster's AZs",
                            useOneOf(az, azRegion.keySet()));
                }
                command = action.equals("fail-az") ? new Command.FailAvailabilityZone(az)
                        : new Command.RestoreAvailabilityZone(az);
                break;
            }
            case "fail-segment":
            case "restore-segment":
            case "destroy-segment": {
                String address = segmentAddress(required(m, "target", action));
                command = action.equals("fail-segment") ? new Command.FailSegment(address)
                        : action.equals("restore-segment") ? new Command.RestoreSegment(address)
                        : new Command.DestroySegment(address);
                break;
            }
            case "fail-storage-node":
            case "restore-storage-node": {
                String nodeId = storageNode(required(m, "target", action));
                command = action.equals("fail-storage-node") ? new Command.FailStorageNode(nodeId)
                        : new Command.RestoreStorageNode(nodeId);
                break;
            }
            case "failover": {
                String id = null;
                if (target != null && !isNull(target)) {
                    id = text(target, "target");
                    instanceAt = target;
                }
                command = new Command.Failover(id);
                break;
            }
            case "add-replica": {
                Node idNode = required(m, "id", action);
                String id = text(idNode, "id");
                instanceAt = idNode;
                // a replica of the primary, or a read-only instance of a secondary: the AZ says which region
                Node azNode = required(m, "az", action);
                String az = text(azNode, "az");
                if (!azRegion.containsKey(az)) {
                    throw error(azNode, "instance '" + id + "' is in AZ '" + az + "', which is not one of the "
                            + "cluster's AZs", useOneOf(az, azRegion.keySet()));
                }
                int tier = m.has("tier") ? tier(m.get("tier")) : ModelValues.DEFAULT_TIER;
                String cls = m.has("instanceClass") ? instanceClass(m.get("instanceClass")) : DEFAULT_INSTANCE_CLASS;
                command = new Command.AddReplica(id, az, tier, cls);
                break;
            }
            case "set-tier": {
                target = required(m, "target", action);
                String id = text(target, "target");
                instanceAt = target;
                command = new Command.SetPromotionTier(id, tier(required(m, "tier", action)));
                break;
            }
            case "set-workload": {
                if (!m.has("writesPerSecond") && !m.has("readsPerSecond")) {
                    throw error(m, "set-workload changes nothing", "Add writesPerSecond, readsPerSecond or both");
                }
                Double writes = m.has("writesPerSecond") ? rate(m.get("writesPerSecond"), "writesPerSecond") : null;
                Double reads = m.has("readsPerSecond") ? rate(m.get("readsPerSecond"), "readsPerSecond") : null;
                command = new Command.SetWorkload(writes, reads);
                break;
            }
            case "fail-region":
            case "restore-region": {
                target = required(m, "target", action);
                String region = text(target, "target");
                if (!regionAzs.containsKey(region)) {
                    throw error(target, "region '" + region + "' is not a region of this scenario",
                            useOneOf(region, regionAzs.keySet()));
                }
                regionAt = target;
                command = action.equals("fail-region") ? new Command.FailRegion(region)
                        : new Command.RestoreRegion(region);
                break;
            }
            case "switchover":
            case "failover-global":
            case "detach-and-promote": {
                // whether the target is a secondary at that time is checked in time order, with the other entries
                target = required(m, "target", action);
                String region = text(target, "target");
                regionAt = target;
                command = action.equals("switchover") ? new Command.Switchover(region)
                        : action.equals("failover-global") ? new Command.FailoverGlobal(region)
                        : new Command.DetachAndPromote(region);
                break;
            }
            case "set-write-forwarding": {
                target = required(m, "target", action);
                String region = text(target, "target");
                regionAt = target;
                command = new Command.SetWriteForwarding(region, consistency(required(m, "consistency", action)));
                break;
            }
            case "set-managed-rpo": {
                if (regionAzs.size() == 1) {
                    throw error(m.get("do"), "set-managed-rpo needs a global database, and this scenario has no "
                            + "secondary region", "Add a secondary region under secondaries:, or remove this entry");
                }
                Node seconds = required(m, "seconds", action);
                command = new Command.SetManagedRpo(isOff(seconds) ? null : managedRpoSeconds(seconds));
                break;
            }
            default:
                throw new IllegalStateException("action without a mapping: " + action);
        }
        return new Pending(at, command, m.line(), instanceAt, regionAt);
    }

    /** {@code off}, written plainly (which YAML reads as the boolean false) or quoted. */
    private static boolean isOff(Node node) {
        if (!(node instanceof ScalarNode)) {
            return false;
        }
        ScalarNode n = (ScalarNode) node;
        return (n.scalarKind() == ScalarKind.TEXT || n.scalarKind() == ScalarKind.FALSE)
                && n.text().strip().equalsIgnoreCase("off");
    }

    private Command.ReadConsistency consistency(Node node) throws ScenarioError {
        if (isOff(node)) {
            return null;
        }
        ScalarKind kind = node instanceof ScalarNode ? ((ScalarNode) node).scalarKind() : null;
        if (kind != ScalarKind.TEXT && kind != ScalarKind.TRUE && kind != ScalarKind.FALSE) {
            throw error(node, "consistency must be text, not " + node.kind(), useOneOf("", CONSISTENCIES));
        }
        String value = ((ScalarNode) node).text().strip();
        if (!CONSISTENCIES.contains(value)) {
            throw error(node, "unknown consistency '" + value + "' (aurora_replica_read_consistency)",
                    useOneOf(value, CONSISTENCIES));
        }
        return Command.ReadConsistency.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private long managedRpoSeconds(Node node) throws ScenarioError {
        long micros = time(node, "seconds");
        String text = ((ScalarNode) node).text();
        long min = ModelValues.MANAGED_RPO_MIN_SECONDS;
        if (micros % 1_000_000 != 0) {
            throw error(node, "a managed RPO of " + text + " is not a whole number of seconds",
                    "rds.global_db_rpo is set in whole seconds, e.g. seconds: " + min + "s");
        }
        if (micros < min * 1_000_000) {
            throw error(node, "a managed RPO of " + text + " is below the minimum of " + min + " s",
                    "rds.global_db_rpo takes " + min + " seconds or more (Aurora User Guide): write seconds: " + min
                            + "s or more, or off");
        }
        return micros / 1_000_000;
    }

    /**
     * A segment address as the engine spells it: PG/AZ/COPY in the primary ({@code pg-0/us-east-1a/1}), and
     * REGION/PG/AZ/COPY in a secondary ({@code eu-west-1/pg-0/eu-west-1a/1}), whose protection groups the engine
     * names {@code eu-west-1/pg-0}.
     */
    private String segmentAddress(Node node) throws ScenarioError {
        String address = text(node, "target");
        String[] parts = address.split("/", -1);
        String example = "pg-0/" + azs.get(0) + "/1";
        List<String> secondaryNames = secondaryRegionNames();
        if (!secondaryNames.isEmpty()) {
            String s = secondaryNames.get(0);
            example += ", or for a secondary region, region/protection group/AZ/copy, e.g. " + s + "/pg-0/"
                    + regionAzs.get(s).get(0) + "/1";
        }
        if (parts.length != 3 && parts.length != 4) {
            throw error(node, "'" + address + "' is not a segment address", "Write protection group/AZ/copy, e.g. "
                    + example);
        }
        String region = primaryRegion;
        if (parts.length == 4) {
            // the long form also names the primary's copies: us-east-1/pg-0/us-east-1a/1 is pg-0/us-east-1a/1
            region = parts[0];
            if (!regionAzs.containsKey(region)) {
                throw error(node, "region '" + region + "' in segment address '" + address
                        + "' is not a region of this scenario", secondaryNames.isEmpty()
                                ? "This scenario has no secondary region: write protection group/AZ/copy, e.g. "
                                        + example
                                : useOneOf(region, regionAzs.keySet()));
            }
            parts = Arrays.copyOfRange(parts, 1, 4);
        }
        List<String> regionAzList = regionAzs.get(region);
        pg(node, parts[0], "in segment address '" + address + "' ");
        if (!regionAzList.contains(parts[1])) {
            String other = azRegion.get(parts[1]);
            if (other != null && region.equals(primaryRegion)) {
                throw error(node, "AZ '" + parts[1] + "' in segment address '" + address + "' is in secondary region "
                        + other, "Name the region first: " + other + "/" + address);
            }
            throw error(node, "AZ '" + parts[1] + "' in segment address '" + address + "' is not one of "
                    + (region.equals(primaryRegion) ? "the cluster's AZs" : region + "'s AZs"),
                    useOneOf(parts[1], regionAzList));
        }
        if (!parts[2].equals("1") && !parts[2].equals("2")) {
            throw error(node, "copy '" + parts[2] + "' in segment address '" + address + "' does not exist",
                    "Each AZ holds 2 copies of a protection group: write 1 or 2");
        }
        return address;
    }

    private List<String> secondaryRegionNames() {
        return regionAzs.keySet().stream().filter(r -> !r.equals(primaryRegion)).toList();
    }

    private String storageNode(Node node) throws ScenarioError {
        String nodeId = text(node, "target");
        Matcher m = NODE_ID.matcher(nodeId);
        String example = "sn-" + azs.get(0) + "-1";
        if (!m.matches()) {
            throw error(node, "'" + nodeId + "' is not a storage node id", "Write sn-AZ-N, e.g. " + example);
        }
        if (!azRegion.containsKey(m.group(1))) {
            throw error(node, "AZ '" + m.group(1) + "' of storage node '" + nodeId
                    + "' is not one of the cluster's AZs", useOneOf(m.group(1), azRegion.keySet()));
        }
        int k = Integer.parseInt(m.group(2));
        if (k < 1 || k > ModelValues.STORAGE_NODES_PER_AZ) {
            throw error(node, "storage node '" + nodeId + "' does not exist", "Each AZ has storage nodes 1 to "
                    + ModelValues.STORAGE_NODES_PER_AZ + ", e.g. " + example);
        }
        return nodeId;
    }

    /** Checks that a protection group id exists for this volume; {@code context} ends with a space or is empty. */
    private void pg(Node node, String pg, String context) throws ScenarioError {
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

    private long atTime(Node node) throws ScenarioError {
        long at = time(node, "at");
        if (at > durationMicros) {
            throw error(node, "at " + Durations.format(at) + " is after the run ends (duration "
                    + Durations.format(durationMicros) + ")", "Use a time up to " + Durations.format(durationMicros)
                    + ", or make duration longer");
        }
        return at;
    }

    // ---- expectations -------------------------------------------------------------------------------------------

    private List<Expectation> expectations(Node node, Set<String> everInstance) throws ScenarioError {
        if (node == null || isNull(node)) {
            return List.of();
        }
        ListNode list = list(node, "expect", "Write expect: [{at: 11s, writable: true}]");
        List<Expectation> result = new ArrayList<>();
        for (Node item : list.items()) {
            MapNode m = map(item, "an expectation", "Write e.g. {at: 11s, writable: true}");
            allowOnly(m, EXPECT_KEYS, "in an expectation");
            Node atNode = required(m, "at", "this expectation");
            Long at = null;
            String atText = "end";
            if (!(atNode instanceof ScalarNode && ((ScalarNode) atNode).text().equals("end"))) {
                at = atTime(atNode);
                atText = ((ScalarNode) atNode).text();
            }
            if (m.entries().size() == 1) {
                throw error(m, "this expectation checks nothing", "Add at least one of: "
                        + String.join(", ", EXPECT_KEYS.subList(1, EXPECT_KEYS.size())));
            }
            Boolean writable = m.has("writable") ? bool(m.get("writable"), "writable") : null;
            Boolean readable = m.has("readable") ? bool(m.get("readable"), "readable") : null;
            String writer = null;
            if (m.has("writer") && !isNull(m.get("writer"))) {
                writer = text(m.get("writer"), "writer");
                if (!everInstance.contains(writer)) {
                    throw error(m.get("writer"), "writer '" + writer + "' is not an instance of this scenario",
                            useOneOf(writer, everInstance) + ", or null for no writer");
                }
            }
            String pg = null;
            if (m.has("pg")) {
                pg = expectedPg(m.get("pg"), text(m.get("pg"), "pg"));
            } else {
                for (String needsPg : List.of("writeQuorum", "readQuorum", "segmentsUp")) {
                    if (m.has(needsPg)) {
                        throw error(m.entries().get(needsPg).key(), needsPg + " needs a pg to refer to",
                                "Add pg: pg-0 (the protection group to check)");
                    }
                }
            }
            Boolean writeQuorum = m.has("writeQuorum") ? bool(m.get("writeQuorum"), "writeQuorum") : null;
            Boolean readQuorum = m.has("readQuorum") ? bool(m.get("readQuorum"), "readQuorum") : null;
            Integer segmentsUp = m.has("segmentsUp") ? (int) wholeIn(m.get("segmentsUp"), "segmentsUp", 0,
                    ModelValues.COPIES_PER_PG, "A protection group has " + ModelValues.COPIES_PER_PG + " segments")
                    : null;
            Long lost = m.has("acknowledgedWritesLost") ? wholeIn(m.get("acknowledgedWritesLost"),
                    "acknowledgedWritesLost", 0, Long.MAX_VALUE, "Count lost writes: 0 or more") : null;
            Long lostAtLeast = m.has("acknowledgedWritesLostAtLeast") ? wholeIn(m.get(
                    "acknowledgedWritesLostAtLeast"), "acknowledgedWritesLostAtLeast", 0, Long.MAX_VALUE,
                    "Count lost writes: 0 or more") : null;
            result.add(new Expectation(at, atText, writable, readable, m.has("writer"), writer, pg, writeQuorum,
                    readQuorum, segmentsUp, lost, lostAtLeast, globalChecks(m), m.line()));
        }
        return result;
    }

    /**
     * A protection group to check, as the engine names it: pg-N in the primary region, REGION/pg-N in a secondary
     * one. The primary's may also be written REGION/pg-N, as in a segment address; it is then read as pg-N.
     */
    private String expectedPg(Node node, String pg) throws ScenarioError {
        int slash = pg.lastIndexOf('/');
        if (slash < 0) {
            pg(node, pg, "");
            return pg;
        }
        String region = pg.substring(0, slash);
        if (region.equals(primaryRegion)) {
            pg(node, pg.substring(slash + 1), "in '" + pg + "' ");
            return pg.substring(slash + 1);
        }
        if (!regionAzs.containsKey(region)) {
            List<String> secondaryNames = secondaryRegionNames();
            throw error(node, "region '" + region + "' in pg '" + pg + "' is not a secondary region of this scenario",
                    secondaryNames.isEmpty() ? "Write pg-N for the cluster's protection groups"
                            : useOneOf(region, secondaryNames));
        }
        pg(node, pg.substring(slash + 1), "in '" + pg + "' ");
        return pg;
    }

    private Expectation.GlobalChecks globalChecks(MapNode m) throws ScenarioError {
        String writerRegion = null;
        if (m.has("writerRegion")) {
            Node node = m.get("writerRegion");
            writerRegion = text(node, "writerRegion");
            knownRegion(node, writerRegion);
        }
        Map<String, RegionRole> roles = new LinkedHashMap<>();
        for (Map.Entry<LocatedTree.Key, Node> e : regionMap(m, "regionRole", "{" + primaryRegion + ": primary}")) {
            roles.put(e.getKey().name(), RegionRole.ofWord(oneOf(e.getValue(), "a region's role", REGION_ROLES,
                    "region role")));
        }
        Map<String, Long> lags = new LinkedHashMap<>();
        for (Map.Entry<LocatedTree.Key, Node> e : regionMap(m, "regionLagMillisAtMost", "{" + exampleSecondary()
                + ": 1000}")) {
            lags.put(e.getKey().name(), wholeIn(e.getValue(), "a lag bound", 0, Long.MAX_VALUE,
                    "Write the most RPO lag allowed, in whole milliseconds, e.g. 1000"));
        }
        Map<String, Boolean> writable = booleansByRegion(m, "regionWritable");
        Map<String, Boolean> readable = booleansByRegion(m, "regionReadable");
        Boolean commitsBlocked = m.has("commitsBlocked") ? bool(m.get("commitsBlocked"), "commitsBlocked") : null;
        Boolean splitBrain = m.has("splitBrain") ? bool(m.get("splitBrain"), "splitBrain") : null;
        Map<String, Boolean> stale = booleansByRegion(m, "staleReadsSeen");
        return new Expectation.GlobalChecks(writerRegion, roles, lags, writable, readable, commitsBlocked, splitBrain,
                stale);
    }

    private Map<String, Boolean> booleansByRegion(MapNode m, String key) throws ScenarioError {
        Map<String, Boolean> result = new LinkedHashMap<>();
        for (Map.Entry<LocatedTree.Key, Node> e : regionMap(m, key, "{" + primaryRegion + ": true}")) {
            result.put(e.getKey().name(), bool(e.getValue(), key + " of " + e.getKey().name()));
        }
        return result;
    }

    /** The entries of a map keyed by region name, each region checked; empty when the key is absent. */
    private List<Map.Entry<LocatedTree.Key, Node>> regionMap(MapNode m, String key, String example)
            throws ScenarioError {
        if (!m.has(key)) {
            return List.of();
        }
        MapNode regions = map(m.get(key), key, "Write " + key + ": " + example);
        if (regions.entries().isEmpty()) {
            throw error(regions, key + " checks nothing", "Name at least one region, e.g. " + key + ": " + example);
        }
        List<Map.Entry<LocatedTree.Key, Node>> result = new ArrayList<>();
        for (LocatedTree.Entry e : regions.entries().values()) {
            knownRegion(e.key(), e.key().name());
            result.add(Map.entry(e.key(), e.value()));
        }
        return result;
    }

    private void knownRegion(Located at, String region) throws ScenarioError {
        if (!regionAzs.containsKey(region)) {
            throw error(at, "region '" + region + "' is not a region of this scenario",
                    useOneOf(region, regionAzs.keySet()));
        }
    }

    private String exampleSecondary() {
        List<String> names = secondaryRegionNames();
        return names.isEmpty() ? primaryRegion : names.get(0);
    }

    // ---- typed access -------------------------------------------------------------------------------------------

    private ScenarioError error(Located at, String problem, String fix) {
        return new ScenarioError(source, at.line(), at.column(), problem, fix);
    }

    private void allowOnly(MapNode m, Collection<String> allowed, String where) throws ScenarioError {
        for (LocatedTree.Entry e : m.entries().values()) {
            String key = e.key().name();
            if (!allowed.contains(key)) {
                throw error(e.key(), "unknown key '" + key + "' " + where, useOneOf(key, allowed));
            }
        }
    }

    private Node required(MapNode m, String key, String where) throws ScenarioError {
        Node value = m.get(key);
        if (value == null) {
            String example = EXAMPLES.getOrDefault(key, key + ": ...");
            throw error(m, where + " is missing '" + key + "'", "Add " + example);
        }
        return value;
    }

    private MapNode map(Node node, String what, String fix) throws ScenarioError {
        if (!(node instanceof MapNode)) {
            throw error(node, what + " must be a map of keys, not " + node.kind(), fix);
        }
        return (MapNode) node;
    }

    private ListNode list(Node node, String what, String fix) throws ScenarioError {
        if (!(node instanceof ListNode)) {
            throw error(node, what + " must be a list, not " + node.kind(), fix);
        }
        return (ListNode) node;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && ((ScalarNode) node).scalarKind() == ScalarKind.NULL;
    }

    private String text(Node node, String what) throws ScenarioError {
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
    private String freeText(Node node, String what) throws ScenarioError {
        if (!(node instanceof ScalarNode) || isNull(node)) {
            throw error(node, what + " must be text, not " + node.kind(), "Write it on one line or as a YAML block");
        }
        return ((ScalarNode) node).text();
    }

    private String oneOf(Node node, String key, Collection<String> allowed, String noun) throws ScenarioError {
        String value = text(node, key);
        if (!allowed.contains(value)) {
            throw error(node, "unknown " + noun + " '" + value + "'", useOneOf(value, allowed));
        }
        return value;
    }

    private long whole(Node node, String what) throws ScenarioError {
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

    private long wholeIn(Node node, String what, long min, long max, String fix) throws ScenarioError {
        long n = whole(node, what);
        if (n < min || n > max) {
            String range = max == Long.MAX_VALUE ? min + " or more" : min + " to " + max;
            throw error(node, what + " must be " + range + ", not " + n, fix);
        }
        return n;
    }

    private double rate(Node node, String what) throws ScenarioError {
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

    private boolean bool(Node node, String what) throws ScenarioError {
        ScalarKind kind = node instanceof ScalarNode ? ((ScalarNode) node).scalarKind() : null;
        if (kind != ScalarKind.TRUE && kind != ScalarKind.FALSE) {
            throw error(node, what + " must be true or false, not " + node.kind(),
                    "Write true or false without quotes");
        }
        return kind == ScalarKind.TRUE;
    }

    private long time(Node node, String what) throws ScenarioError {
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

    // ---- messages -----------------------------------------------------------------------------------------------

    private static String useOneOf(String wrong, Collection<String> allowed) {
        String hint = closest(wrong, allowed);
        return "Use one of: " + String.join(", ", allowed) + (hint == null ? "" : " (did you mean '" + hint + "'?)");
    }

    private static String ordinal(int n) {
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
