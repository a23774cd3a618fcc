package dev.auroralab.scenario;

import static dev.auroralab.scenario.NodeReader.isNull;
import static dev.auroralab.scenario.NodeReader.ordinal;
import static dev.auroralab.scenario.NodeReader.useOneOf;

import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Preconditions;
import dev.auroralab.scenario.LocatedTree.ListNode;
import dev.auroralab.scenario.LocatedTree.MapNode;
import dev.auroralab.scenario.LocatedTree.Node;
import dev.auroralab.scenario.LocatedTree.ScalarNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario's regions and instances: the primary region's AZs and instances ({@code cluster:}) and a Global
 * Database's secondary regions ({@code secondaries:}).
 *
 * <p>A Global Database's secondary regions are checked as the cluster is: each region once and not the primary's,
 * AZs and instance ids unique across all regions, at most 10 regions of at most 16 read-only instances. One mapper
 * reads one file: it keeps the regions and ids it has seen.
 */
final class ClusterMapper {

    /** Real one-way latencies between AWS regions stay well under a second; this only keeps typos out. */
    static final long MAX_LATENCY_MS = 10_000;

    private static final List<String> SECONDARY_KEYS = List.of("region", "azs", "latencyMs", "instances");
    private static final List<String> INSTANCE_KEYS = List.of("id", "az", "role", "tier", "instanceClass");
    private static final List<String> ROLES = List.of("writer", "reader");

    private final NodeReader read;
    private final String primaryRegion;
    /** Every region's AZs, the primary's first, then the secondaries in file order. */
    private final Map<String, List<String>> regionAzs = new LinkedHashMap<>();
    /** The region of each AZ. */
    private final Map<String, String> azRegion = new LinkedHashMap<>();
    /** The line each instance id is first given on, across all regions. */
    private final Map<String, Integer> lineOfId = new HashMap<>();
    /** Read replicas of the primary cluster, once its instances are read: secondaries each take one's place. */
    private int replicas;

    ClusterMapper(NodeReader read, String primaryRegion) {
        this.read = read;
        this.primaryRegion = primaryRegion;
    }

    /** Every region's AZs read so far, the primary's first, then the secondaries in file order. */
    Map<String, List<String>> regionAzs() {
        return Collections.unmodifiableMap(regionAzs);
    }

    /** The region of each AZ read so far. */
    Map<String, String> azRegion() {
        return Collections.unmodifiableMap(azRegion);
    }

    // ---- cluster ------------------------------------------------------------------------------------------------

    /** A region's three AZs, each in no other region; records them as the region's. */
    List<String> azs(Node node, String region) throws ScenarioError {
        ListNode list = read.list(node, "azs", "Write " + (region.equals(primaryRegion)
                ? NodeReader.EXAMPLES.get("azs") : "azs: [" + region + "a, " + region + "b, " + region + "c]"));
        List<String> result = new ArrayList<>();
        for (Node item : list.items()) {
            String az = read.text(item, "an AZ");
            if (result.contains(az)) {
                throw read.error(item, "AZ '" + az + "' is listed twice", "List 3 different AZs");
            }
            if (azRegion.containsKey(az)) {
                throw read.error(item, "AZ '" + az + "' is already an AZ of region " + azRegion.get(az),
                        "Each region has AZs of its own, e.g. " + region + "a");
            }
            if (result.size() == 3) {
                throw read.error(item, "a 4th AZ '" + az + "': a cluster uses exactly 3 AZs",
                        "Remove it; Aurora keeps 2 copies of each protection group in each of 3 AZs");
            }
            result.add(az);
        }
        if (result.size() != 3) {
            throw read.error(list, "only " + result.size() + " AZ" + (result.size() == 1 ? "" : "s")
                    + " listed: a cluster uses exactly 3 AZs", "Write " + NodeReader.EXAMPLES.get("azs"));
        }
        regionAzs.put(region, List.copyOf(result));
        result.forEach(az -> azRegion.put(az, region));
        return result;
    }

    /** The primary region's instances, exactly one of them the writer; reads after the primary's {@link #azs}. */
    List<InstanceSpec> instances(Node node) throws ScenarioError {
        ListNode list = read.list(node, "instances", "Write " + NodeReader.EXAMPLES.get("instances"));
        List<InstanceSpec> result = new ArrayList<>();
        String writer = null;
        replicas = 0;
        for (Node item : list.items()) {
            MapNode m = read.map(item, "an instance", "Write e.g. {id: reader-1, az: us-east-1b, tier: 1}");
            read.allowOnly(m, INSTANCE_KEYS, "in an instance");
            Node idNode = read.required(m, "id", "this instance");
            String id = read.text(idNode, "id");
            if (lineOfId.containsKey(id)) {
                throw read.error(idNode, "instance id '" + id + "' is used twice (first on line " + lineOfId.get(id)
                        + ")", "Give each instance its own id");
            }
            lineOfId.put(id, idNode.line());
            String az = instanceAz(read.required(m, "az", "instance '" + id + "'"), id);
            Role role = Role.READER;
            if (m.has("role")) {
                String r = read.oneOf(m.get("role"), "role", ROLES, "role");
                role = r.equals("writer") ? Role.WRITER : Role.READER;
            }
            if (role == Role.WRITER) {
                if (writer != null) {
                    throw read.error(m.get("role"), "a second writer '" + id + "' (the writer is '" + writer + "')",
                            "A cluster has exactly one writer: make this one role: reader");
                }
                writer = id;
            } else if (++replicas > ModelValues.MAX_REPLICAS) {
                throw read.error(m, "a " + ordinal(replicas) + " read replica '" + id + "'", "A cluster has at most "
                        + ModelValues.MAX_REPLICAS + " read replicas (Aurora User Guide): remove one");
            }
            int tier = m.has("tier") ? read.tier(m.get("tier")) : ModelValues.DEFAULT_TIER;
            String instanceClass = m.has("instanceClass") ? read.instanceClass(m.get("instanceClass"))
                    : ScenarioMapper.DEFAULT_INSTANCE_CLASS;
            result.add(new InstanceSpec(id, az, role, tier, instanceClass));
        }
        if (writer == null) {
            throw read.error(list, "the cluster has no writer", "Mark one instance role: writer");
        }
        return result;
    }

    private String instanceAz(Node node, String id) throws ScenarioError {
        String az = read.text(node, "az");
        List<String> azs = regionAzs.get(primaryRegion);
        if (!azs.contains(az)) {
            throw read.error(node, "instance '" + id + "' is in AZ '" + az + "', which is not one of the cluster's AZs",
                    useOneOf(az, azs));
        }
        return az;
    }

    // ---- secondary regions (Global Database) --------------------------------------------------------------------

    List<SecondarySpec> secondaries(Node node) throws ScenarioError {
        if (isNull(node)) {
            return List.of();
        }
        ListNode list = read.list(node, "secondaries", "Write secondaries: [{region: eu-west-1, azs: [eu-west-1a, "
                + "eu-west-1b, eu-west-1c], latencyMs: 75, instances: [...]}]");
        List<SecondarySpec> result = new ArrayList<>();
        Map<String, Integer> lineOfRegion = new HashMap<>();
        for (Node item : list.items()) {
            MapNode m = read.map(item, "a secondary region", "Write e.g. {region: eu-west-1, azs: [eu-west-1a, "
                    + "eu-west-1b, eu-west-1c], latencyMs: 75, instances: [...]}");
            // the region's name, when it has one, for the two count rules below
            String named = m.has("region") && m.get("region") instanceof ScalarNode
                    ? " '" + ((ScalarNode) m.get("region")).text() + "'" : "";
            if (replicas > Preconditions.maxPrimaryReplicas(result.size() + 1)
                    && result.size() < ModelValues.MAX_SECONDARY_REGIONS) {
                int s = result.size() + 1;
                throw read.error(m, "a " + ordinal(s) + " secondary region" + named + " beside " + replicas
                        + " read replicas in the primary cluster", "With " + s + " secondary region"
                        + (s == 1 ? "" : "s") + " the primary holds at most 15 − " + s + " = "
                        + Preconditions.maxPrimaryReplicas(s) + " read replicas (Aurora User Guide, global database"
                        + " configuration requirements): remove a replica or this region");
            }
            if (result.size() == ModelValues.MAX_SECONDARY_REGIONS) {
                throw read.error(m, "an " + ordinal(result.size() + 1) + " secondary region" + named,
                        "A global database has at most " + ModelValues.MAX_SECONDARY_REGIONS
                                + " secondary regions (Aurora User Guide): remove one");
            }
            read.allowOnly(m, SECONDARY_KEYS, "in a secondary region");
            Node regionNode = read.required(m, "region", "this secondary region");
            String region = read.text(regionNode, "region");
            if (region.equals(primaryRegion)) {
                throw read.error(regionNode, "region '" + region + "' is the primary region (cluster: region), so it "
                        + "cannot also be a secondary", "A secondary is another region, e.g. eu-west-1 or us-west-2");
            }
            if (lineOfRegion.containsKey(region)) {
                throw read.error(regionNode, "secondary region '" + region + "' is listed twice (first on line "
                        + lineOfRegion.get(region) + ")", "List each region once");
            }
            lineOfRegion.put(region, regionNode.line());
            List<String> regionAzList = azs(read.required(m, "azs", "secondary region '" + region + "'"), region);
            long latencyMs = latencyMs(read.required(m, "latencyMs", "secondary region '" + region + "'"));
            List<InstanceSpec> instances = m.has("instances") && !isNull(m.get("instances"))
                    ? secondaryInstances(m.get("instances"), region, regionAzList) : List.of();
            result.add(new SecondarySpec(region, regionAzList, instances, latencyMs));
        }
        return result;
    }

    private long latencyMs(Node node) throws ScenarioError {
        long ms = read.whole(node, "latencyMs");
        String fix = "Write the one-way network latency from the primary region in milliseconds, e.g. latencyMs: 75 "
                + "(us-east-1 to eu-west-1)";
        if (ms < 0) {
            throw read.error(node, "latencyMs cannot be negative, got " + ms, fix);
        }
        if (ms > MAX_LATENCY_MS) {
            throw read.error(node, "latencyMs " + ms + " is more than " + MAX_LATENCY_MS + " (10 s)", fix);
        }
        return ms;
    }

    /** A secondary region's instances: read-only, at most 16, ids unique across every region. */
    private List<InstanceSpec> secondaryInstances(Node node, String region, List<String> regionAzList)
            throws ScenarioError {
        ListNode list = read.list(node, "instances", "Write instances: [{id: " + region + "-reader-1, az: "
                + regionAzList.get(0) + "}]");
        List<InstanceSpec> result = new ArrayList<>();
        for (Node item : list.items()) {
            MapNode m = read.map(item, "an instance", "Write e.g. {id: " + region + "-reader-1, az: "
                    + regionAzList.get(0) + ", tier: 1}");
            read.allowOnly(m, INSTANCE_KEYS, "in an instance");
            Node idNode = read.required(m, "id", "this instance");
            String id = read.text(idNode, "id");
            if (result.size() == ModelValues.MAX_SECONDARY_INSTANCES) {
                throw read.error(m, "a " + ordinal(result.size() + 1) + " instance '" + id + "' in secondary region "
                        + region, "A secondary region has at most " + ModelValues.MAX_SECONDARY_INSTANCES
                                + " read-only instances (Aurora User Guide): remove one");
            }
            if (lineOfId.containsKey(id)) {
                throw read.error(idNode, "instance id '" + id + "' is used twice (first on line " + lineOfId.get(id)
                        + ")", "Give each instance its own id, across all regions");
            }
            lineOfId.put(id, idNode.line());
            Node azNode = read.required(m, "az", "instance '" + id + "'");
            String az = read.text(azNode, "az");
            if (!regionAzList.contains(az)) {
                String other = azRegion.get(az);
                throw read.error(azNode, "instance '" + id + "' of secondary region " + region + " is in AZ '" + az
                        + "', " + (other == null ? "which is not one of " + region + "'s AZs" : "which is in " + other),
                        useOneOf(az, regionAzList));
            }
            if (m.has("role") && read.oneOf(m.get("role"), "role", ROLES, "role").equals("writer")) {
                throw read.error(m.get("role"), "instance '" + id + "' in secondary region " + region
                        + " cannot be a writer: a secondary region is read-only",
                        "Remove role: writer (instances of a secondary are readers; the primary's writer takes "
                                + "every write)");
            }
            int tier = m.has("tier") ? read.tier(m.get("tier")) : ModelValues.DEFAULT_TIER;
            String instanceClass = m.has("instanceClass") ? read.instanceClass(m.get("instanceClass"))
                    : ScenarioMapper.DEFAULT_INSTANCE_CLASS;
            result.add(new InstanceSpec(id, az, Role.READER, tier, instanceClass));
        }
        return result;
    }
}
