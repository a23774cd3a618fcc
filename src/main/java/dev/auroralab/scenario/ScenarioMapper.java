package dev.auroralab.scenario;

import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.InstanceClassSize;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.command.Command;
import dev.auroralab.scenario.LocatedTree.ListNode;
import dev.auroralab.scenario.LocatedTree.Located;
import dev.auroralab.scenario.LocatedTree.MapNode;
import dev.auroralab.scenario.LocatedTree.Node;
import dev.auroralab.scenario.LocatedTree.ScalarKind;
import dev.auroralab.scenario.LocatedTree.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * The timeline is checked twice: each entry on its own (file order), then instance ids in time order, tracking
 * add-replica and remove-replica, so "fail reader-3" before "add reader-3" is caught.
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
            "cluster", "workload", "timeline", "expect");
    private static final List<String> CLUSTER_KEYS = List.of("region", "azs", "volumeGiB", "instances");
    private static final List<String> INSTANCE_KEYS = List.of("id", "az", "role", "tier", "instanceClass");
    private static final List<String> WORKLOAD_KEYS = List.of("writesPerSecond", "readsPerSecond");
    private static final List<String> EXPECT_KEYS = List.of("at", "writable", "readable", "writer", "pg",
            "writeQuorum", "readQuorum", "segmentsUp", "acknowledgedWritesLost");
    private static final List<String> ROLES = List.of("writer", "reader");

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
            Map.entry("tier", "tier: 1"));

    private static final int MAX_SUGGESTION_LENGTH = 64;
    private static final Pattern PG_ID = Pattern.compile("pg-(0|[1-9][0-9]{0,8})");
    private static final Pattern NODE_ID = Pattern.compile("sn-(.+)-([0-9]{1,9})");

    /** A timeline entry checked on its own; {@code instanceAt} points at the instance id it names, if any. */
    private record Pending(long atMicros, Command command, int line, Located instanceAt) {
    }

    private final String source;
    private long durationMicros;
    private List<String> azs;
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
        azs = azs(required(clusterNode, "azs", "cluster"));
        Node volume = required(clusterNode, "volumeGiB", "cluster");
        int volumeGiB = (int) wholeIn(volume, "volumeGiB", 1, MAX_VOLUME_GIB,
                "A volume holds 1 GiB to 128 TiB; each 10 GiB is one protection group");
        List<InstanceSpec> instances = instances(required(clusterNode, "instances", "cluster"));

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

        ClusterSpec cluster = new ClusterSpec(region, azs, volumeGiB, instances, writes, reads, seed);
        pgCount = cluster.protectionGroupCount();
        try {
            cluster.validate();
        } catch (IllegalArgumentException e) {
            // the checks above should have caught it first; still refuse rather than build a broken cluster
            throw error(clusterNode, e.getMessage(), "Fix the cluster");
        }

        List<TimedCommand> timeline = timeline(top.get("timeline"), instances);
        Set<String> everInstance = new LinkedHashSet<>();
        instances.forEach(i -> everInstance.add(i.id()));
        timeline.stream().map(TimedCommand::command).filter(c -> c instanceof Command.AddReplica)
                .forEach(c -> everInstance.add(((Command.AddReplica) c).instanceId()));
        List<Expectation> expectations = expectations(top.get("expect"), everInstance);

        return new Scenario(name, description, seed, durationMicros, cluster, timeline, expectations, source);
    }

    // ---- cluster ------------------------------------------------------------------------------------------------

    private List<String> azs(Node node) throws ScenarioError {
        ListNode list = list(node, "azs", "Write " + EXAMPLES.get("azs"));
        List<String> result = new ArrayList<>();
        for (Node item : list.items()) {
            String az = text(item, "an AZ");
            if (result.contains(az)) {
                throw error(item, "AZ '" + az + "' is listed twice", "List 3 different AZs");
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
        return result;
    }

    private List<InstanceSpec> instances(Node node) throws ScenarioError {
        ListNode list = list(node, "instances", "Write " + EXAMPLES.get("instances"));
        List<InstanceSpec> result = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
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

    private List<TimedCommand> timeline(Node node, List<InstanceSpec> initial) throws ScenarioError {
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
        initial.forEach(i -> present.put(i.id(), -1L));
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
                if (present.size() - 1 >= ModelValues.MAX_REPLICAS) {
                    throw error(p.instanceAt(), "adding '" + id + "' at " + Durations.format(p.atMicros())
                            + " makes a " + ordinal(present.size()) + " read replica", "A cluster has at most "
                            + ModelValues.MAX_REPLICAS + " read replicas (Aurora User Guide): remove one first");
                }
                present.put(id, p.atMicros());
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
            result.add(new TimedCommand(p.atMicros(), c, p.line()));
        }
        return result;
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
                if (!azs.contains(az)) {
                    throw error(target, "AZ '" + az + "' is not one of the cluster's AZs", useOneOf(az, azs));
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
                String az = instanceAz(required(m, "az", action), id);
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
            default:
                throw new IllegalStateException("action without a mapping: " + action);
        }
        return new Pending(at, command, m.line(), instanceAt);
    }

    private String segmentAddress(Node node) throws ScenarioError {
        String address = text(node, "target");
        String[] parts = address.split("/", -1);
        if (parts.length != 3) {
            throw error(node, "'" + address + "' is not a segment address", "Write protection group/AZ/copy, e.g. pg-0/"
                    + azs.get(0) + "/1");
        }
        pg(node, parts[0], "in segment address '" + address + "' ");
        if (!azs.contains(parts[1])) {
            throw error(node, "AZ '" + parts[1] + "' in segment address '" + address
                    + "' is not one of the cluster's AZs", useOneOf(parts[1], azs));
        }
        if (!parts[2].equals("1") && !parts[2].equals("2")) {
            throw error(node, "copy '" + parts[2] + "' in segment address '" + address + "' does not exist",
                    "Each AZ holds 2 copies of a protection group: write 1 or 2");
        }
        return address;
    }

    private String storageNode(Node node) throws ScenarioError {
        String nodeId = text(node, "target");
        Matcher m = NODE_ID.matcher(nodeId);
        String example = "sn-" + azs.get(0) + "-1";
        if (!m.matches()) {
            throw error(node, "'" + nodeId + "' is not a storage node id", "Write sn-AZ-N, e.g. " + example);
        }
        if (!azs.contains(m.group(1))) {
            throw error(node, "AZ '" + m.group(1) + "' of storage node '" + nodeId
                    + "' is not one of the cluster's AZs", useOneOf(m.group(1), azs));
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
                pg = text(m.get("pg"), "pg");
                pg(m.get("pg"), pg, "");
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
            result.add(new Expectation(at, atText, writable, readable, m.has("writer"), writer, pg, writeQuorum,
                    readQuorum, segmentsUp, lost, m.line()));
        }
        return result;
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
