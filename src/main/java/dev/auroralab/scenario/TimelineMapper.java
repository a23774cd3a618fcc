package dev.auroralab.scenario;

import static dev.auroralab.scenario.NodeReader.isNull;
import static dev.auroralab.scenario.NodeReader.ordinal;
import static dev.auroralab.scenario.NodeReader.useOneOf;

import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Preconditions;
import dev.auroralab.engine.command.Command;
import dev.auroralab.scenario.LocatedTree.ListNode;
import dev.auroralab.scenario.LocatedTree.Located;
import dev.auroralab.scenario.LocatedTree.MapNode;
import dev.auroralab.scenario.LocatedTree.Node;
import dev.auroralab.scenario.LocatedTree.ScalarKind;
import dev.auroralab.scenario.LocatedTree.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Reads a scenario's timeline ({@code timeline:}) into commands at their times. The timeline is checked twice: each
 * entry on its own (file order), then instance ids and region roles in time order, tracking add-replica and
 * remove-replica, so "fail reader-3" before "add reader-3" is caught, and switchover, global failover and detach, so
 * "switch over to eu-west-1" after eu-west-1 became the primary is caught.
 */
final class TimelineMapper {

    private static final List<String> CONSISTENCIES = List.of("eventual", "session", "global", "off");

    /** Each action and the keys it takes besides {@code at} and {@code do}. */
    private static final Map<String, List<String>> ACTIONS = new LinkedHashMap<>();

    static {
        for (String targetOnly : List.of("fail-instance", "crash-instance", "restore-instance", "fail-az", "restore-az",
                "reconfigure-quorum", "fail-segment",
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

    private static final Pattern NODE_ID = Pattern.compile("sn-(.+)-([0-9]{1,9})");

    /**
     * A timeline entry checked on its own; {@code instanceAt} points at the instance id it names, if any, and
     * {@code regionAt} at the region it names, if any.
     */
    private record Pending(long atMicros, Command command, int line, Located instanceAt, Located regionAt) {
    }

    private final NodeReader read;
    private final ScenarioMapper.Declared declared;
    // short names for what the checks below use most
    private final String primaryRegion;
    private final Map<String, List<String>> regionAzs;
    private final Map<String, String> azRegion;
    /** The cluster's engine flavour, known once {@link #timeline} is called: some actions exist on one only. */
    private dev.auroralab.engine.EngineFlavour engine = dev.auroralab.engine.EngineFlavour.AURORA_MYSQL;

    TimelineMapper(NodeReader read, ScenarioMapper.Declared declared) {
        this.read = read;
        this.declared = declared;
        this.primaryRegion = declared.primaryRegion();
        this.regionAzs = declared.regionAzs();
        this.azRegion = declared.azRegion();
    }

    List<TimedCommand> timeline(Node node, ClusterSpec cluster) throws ScenarioError {
        engine = cluster.engine();
        if (node == null || isNull(node)) {
            return List.of();
        }
        ListNode list = read.list(node, "timeline", "Write timeline: [{at: 10s, do: fail-az, target: us-east-1c}]");
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
                    throw read.error(p.instanceAt(), "instance id '" + id + "' already exists at "
                            + Durations.format(p.atMicros()), "Give the new replica its own id");
                }
                String region = azRegion.get(((Command.AddReplica) c).az());
                int inRegion = (int) present.keySet().stream().filter(i -> region.equals(regionOfId.get(i))).count();
                // the engine's own count rule (Preconditions), so a file and the window refuse the same replica
                String tooMany = Preconditions.replicaLimit(!region.equals(primaryRegion), inRegion,
                        regionAzs.size() - 1);
                if (tooMany != null) {
                    throw read.error(p.instanceAt(), "adding '" + id + "' at " + Durations.format(p.atMicros())
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
                        throw read.error(p.instanceAt(), when + " (it is removed at "
                                + Durations.format(removedAt.get(id)) + ")", useOneOf(id, present.keySet()));
                    }
                    if (addedAt.containsKey(id)) {
                        throw read.error(p.instanceAt(), when + " (it is added at " + Durations.format(addedAt.get(id))
                                + ")", "Move this to " + Durations.format(addedAt.get(id)) + " or later");
                    }
                    throw read.error(p.instanceAt(), when, useOneOf(id, present.keySet()));
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
                if (c instanceof Command.SetWriteForwarding w && w.consistency() != null
                        && !regionOfId.entrySet().stream().anyMatch(e -> region.equals(e.getValue())
                                && present.containsKey(e.getKey()))) {
                    // the engine's rule (Preconditions), said here with the place in the file
                    throw read.error(p.regionAt(), region + " has no instance at " + Durations.format(p.atMicros())
                            + ": " + Preconditions.HEADLESS_CANNOT_FORWARD,
                            "Add a reader in " + region + " first (add-replica), or drop this line");
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
        return read.error(p.regionAt(), problem, fix);
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
        } else if (c instanceof Command.CrashInstance) {
            return ((Command.CrashInstance) c).instanceId();
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

    /**
     * A lesson step's action: a timeline entry without {@code at} (it happens when the step starts). Checked on its
     * own, as each timeline entry is; the instance and region checks in time order need the lesson's order of steps,
     * which the engine makes when it applies them (a refused action is reported by the lesson's run).
     */
    Command action(Node item, ClusterSpec cluster) throws ScenarioError {
        engine = cluster.engine();
        return entry(item, false).command();
    }

    private Pending timelineEntry(Node item) throws ScenarioError {
        return entry(item, true);
    }

    private Pending entry(Node item, boolean timed) throws ScenarioError {
        String example = timed ? "{at: 10s, do: fail-az, target: us-east-1c}" : "{do: fail-az, target: us-east-1c}";
        String what = timed ? "a timeline entry" : "a step's action";
        MapNode m = read.map(item, what, "Write e.g. " + example);
        List<String> fixed = timed ? List.of("at", "do") : List.of("do");
        if (!m.has("do")) {
            Set<String> anyKey = new LinkedHashSet<>(fixed);
            ACTIONS.values().forEach(anyKey::addAll);
            read.allowOnly(m, anyKey, "in " + what);
            throw read.error(m, "this " + (timed ? "timeline entry" : "action") + " has no 'do'",
                    "Say what happens, e.g. do: fail-az");
        }
        String action = read.oneOf(m.get("do"), "do", ACTIONS.keySet(), "action");
        List<String> allowed = new ArrayList<>(fixed);
        allowed.addAll(ACTIONS.get(action));
        read.allowOnly(m, allowed, "for " + action + (timed ? "" : " (a step's action happens when the step starts:"
                + " it has no 'at')"));
        long at = timed ? read.atTime(read.required(m, "at", action), declared.durationMicros()) : 0;
        Node target = m.get("target");
        Command command;
        Located instanceAt = null;
        Located regionAt = null;
        switch (action) {
            case "fail-instance":
            case "crash-instance":
            case "restore-instance":
            case "remove-replica": {
                target = read.required(m, "target", action);
                String id = read.text(target, "target");
                instanceAt = target;
                command = action.equals("fail-instance") ? new Command.FailInstance(id)
                        : action.equals("crash-instance") ? new Command.CrashInstance(id)
                        : action.equals("restore-instance") ? new Command.RestoreInstance(id)
                        : new Command.RemoveReplica(id);
                break;
            }
            case "fail-az":
            case "restore-az":
            case "reconfigure-quorum": {
                target = read.required(m, "target", action);
                String az = read.text(target, "target");
                if (!azRegion.containsKey(az)) {
                    throw read.error(target, "AZ '" + az + "' is not one of the cluster's AZs",
                            useOneOf(az, azRegion.keySet()));
                }
                command = action.equals("fail-az") ? new Command.FailAvailabilityZone(az)
                        : action.equals("restore-az") ? new Command.RestoreAvailabilityZone(az)
                        : new Command.ReconfigureQuorum(az);
                break;
            }
            case "fail-segment":
            case "restore-segment":
            case "destroy-segment": {
                String address = segmentAddress(read.required(m, "target", action));
                command = action.equals("fail-segment") ? new Command.FailSegment(address)
                        : action.equals("restore-segment") ? new Command.RestoreSegment(address)
                        : new Command.DestroySegment(address);
                break;
            }
            case "fail-storage-node":
            case "restore-storage-node": {
                String nodeId = storageNode(read.required(m, "target", action));
                command = action.equals("fail-storage-node") ? new Command.FailStorageNode(nodeId)
                        : new Command.RestoreStorageNode(nodeId);
                break;
            }
            case "failover": {
                String id = null;
                if (target != null && !isNull(target)) {
                    id = read.text(target, "target");
                    instanceAt = target;
                }
                command = new Command.Failover(id);
                break;
            }
            case "add-replica": {
                Node idNode = read.required(m, "id", action);
                String id = read.text(idNode, "id");
                instanceAt = idNode;
                // a replica of the primary, or a read-only instance of a secondary: the AZ says which region
                Node azNode = read.required(m, "az", action);
                String az = read.text(azNode, "az");
                if (!azRegion.containsKey(az)) {
                    throw read.error(azNode, "instance '" + id + "' is in AZ '" + az + "', which is not one of the "
                            + "cluster's AZs", useOneOf(az, azRegion.keySet()));
                }
                int tier = m.has("tier") ? read.tier(m.get("tier")) : ModelValues.DEFAULT_TIER;
                String cls = m.has("instanceClass") ? read.instanceClass(m.get("instanceClass"))
                        : ScenarioMapper.DEFAULT_INSTANCE_CLASS;
                command = new Command.AddReplica(id, az, tier, cls);
                break;
            }
            case "set-tier": {
                target = read.required(m, "target", action);
                String id = read.text(target, "target");
                instanceAt = target;
                command = new Command.SetPromotionTier(id, read.tier(read.required(m, "tier", action)));
                break;
            }
            case "set-workload": {
                if (!m.has("writesPerSecond") && !m.has("readsPerSecond")) {
                    throw read.error(m, "set-workload changes nothing", "Add writesPerSecond, readsPerSecond or both");
                }
                Double writes = m.has("writesPerSecond") ? read.rate(m.get("writesPerSecond"), "writesPerSecond")
                        : null;
                Double reads = m.has("readsPerSecond") ? read.rate(m.get("readsPerSecond"), "readsPerSecond") : null;
                command = new Command.SetWorkload(writes, reads);
                break;
            }
            case "fail-region":
            case "restore-region": {
                target = read.required(m, "target", action);
                String region = read.text(target, "target");
                if (!regionAzs.containsKey(region)) {
                    throw read.error(target, "region '" + region + "' is not a region of this scenario",
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
                target = read.required(m, "target", action);
                String region = read.text(target, "target");
                regionAt = target;
                command = action.equals("switchover") ? new Command.Switchover(region)
                        : action.equals("failover-global") ? new Command.FailoverGlobal(region)
                        : new Command.DetachAndPromote(region);
                break;
            }
            case "set-write-forwarding": {
                target = read.required(m, "target", action);
                String region = read.text(target, "target");
                regionAt = target;
                command = new Command.SetWriteForwarding(region, consistency(read.required(m, "consistency", action)));
                break;
            }
            case "set-managed-rpo": {
                if (regionAzs.size() == 1) {
                    throw read.error(m.get("do"), "set-managed-rpo needs a global database, and this scenario has no "
                            + "secondary region", "Add a secondary region under secondaries:, or remove this entry");
                }
                if (!engine.hasManagedRpo()) {
                    throw read.error(m.get("do"), Preconditions.MANAGED_RPO_POSTGRESQL_ONLY,
                            "Write engine: aurora-postgresql under cluster:, or remove this entry");
                }
                Node seconds = read.required(m, "seconds", action);
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
            throw read.error(node, "consistency must be text, not " + node.kind(), useOneOf("", CONSISTENCIES));
        }
        String value = ((ScalarNode) node).text().strip();
        if (!CONSISTENCIES.contains(value)) {
            throw read.error(node, "unknown consistency '" + value + "' (aurora_replica_read_consistency)",
                    useOneOf(value, CONSISTENCIES));
        }
        return Command.ReadConsistency.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private long managedRpoSeconds(Node node) throws ScenarioError {
        long micros = read.time(node, "seconds");
        String text = ((ScalarNode) node).text();
        long min = ModelValues.MANAGED_RPO_MIN_SECONDS;
        if (micros % 1_000_000 != 0) {
            throw read.error(node, "a managed RPO of " + text + " is not a whole number of seconds",
                    "rds.global_db_rpo is set in whole seconds, e.g. seconds: " + min + "s");
        }
        if (micros < min * 1_000_000) {
            throw read.error(node, "a managed RPO of " + text + " is below the minimum of " + min + " s",
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
    String segmentAddress(Node node) throws ScenarioError {
        String address = read.text(node, "target");
        String[] parts = address.split("/", -1);
        String example = "pg-0/" + declared.primaryAzs().get(0) + "/1";
        List<String> secondaryNames = declared.secondaryRegionNames();
        if (!secondaryNames.isEmpty()) {
            String s = secondaryNames.get(0);
            example += ", or for a secondary region, region/protection group/AZ/copy, e.g. " + s + "/pg-0/"
                    + regionAzs.get(s).get(0) + "/1";
        }
        if (parts.length != 3 && parts.length != 4) {
            throw read.error(node, "'" + address + "' is not a segment address", "Write protection group/AZ/copy, e.g. "
                    + example);
        }
        String region = primaryRegion;
        if (parts.length == 4) {
            // the long form also names the primary's copies: us-east-1/pg-0/us-east-1a/1 is pg-0/us-east-1a/1
            region = parts[0];
            if (!regionAzs.containsKey(region)) {
                throw read.error(node, "region '" + region + "' in segment address '" + address
                        + "' is not a region of this scenario", secondaryNames.isEmpty()
                                ? "This scenario has no secondary region: write protection group/AZ/copy, e.g. "
                                        + example
                                : useOneOf(region, regionAzs.keySet()));
            }
            parts = Arrays.copyOfRange(parts, 1, 4);
        }
        List<String> regionAzList = regionAzs.get(region);
        read.pg(node, parts[0], "in segment address '" + address + "' ", declared.pgCount());
        if (!regionAzList.contains(parts[1])) {
            String other = azRegion.get(parts[1]);
            if (other != null && region.equals(primaryRegion)) {
                throw read.error(node, "AZ '" + parts[1] + "' in segment address '" + address
                        + "' is in secondary region " + other, "Name the region first: " + other + "/" + address);
            }
            throw read.error(node, "AZ '" + parts[1] + "' in segment address '" + address + "' is not one of "
                    + (region.equals(primaryRegion) ? "the cluster's AZs" : region + "'s AZs"),
                    useOneOf(parts[1], regionAzList));
        }
        if (!parts[2].equals("1") && !parts[2].equals("2")) {
            throw read.error(node, "copy '" + parts[2] + "' in segment address '" + address + "' does not exist",
                    "Each AZ holds 2 copies of a protection group: write 1 or 2");
        }
        return address;
    }

    String storageNode(Node node) throws ScenarioError {
        String nodeId = read.text(node, "target");
        Matcher m = NODE_ID.matcher(nodeId);
        String example = "sn-" + declared.primaryAzs().get(0) + "-1";
        if (!m.matches()) {
            throw read.error(node, "'" + nodeId + "' is not a storage node id", "Write sn-AZ-N, e.g. " + example);
        }
        if (!azRegion.containsKey(m.group(1))) {
            throw read.error(node, "AZ '" + m.group(1) + "' of storage node '" + nodeId
                    + "' is not one of the cluster's AZs", useOneOf(m.group(1), azRegion.keySet()));
        }
        int k = Integer.parseInt(m.group(2));
        if (k < 1 || k > ModelValues.STORAGE_NODES_PER_AZ) {
            throw read.error(node, "storage node '" + nodeId + "' does not exist", "Each AZ has storage nodes 1 to "
                    + ModelValues.STORAGE_NODES_PER_AZ + ", e.g. " + example);
        }
        return nodeId;
    }
}
