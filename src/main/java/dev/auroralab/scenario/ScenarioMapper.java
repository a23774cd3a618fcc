package dev.auroralab.scenario;

import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.EngineFlavour;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.Timings.Timing;
import dev.auroralab.engine.command.Command;
import dev.auroralab.scenario.LocatedTree.MapNode;
import dev.auroralab.scenario.LocatedTree.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a located tree against the scenario format and maps it to engine values. Every check runs before anything is
 * built, and the first problem found is thrown as a {@link ScenarioError} pointing at the offending key or value.
 * This class reads the top level (version, name, seed, duration, the cluster's region and volume, the workload);
 * {@link ClusterMapper} reads the regions and instances, {@link TimelineMapper} the timeline and
 * {@link ExpectationMapper} the expectations, all through one {@link NodeReader} that names this file in errors.
 * One mapper reads one file.
 */
final class ScenarioMapper {

    static final int SCHEMA_VERSION = 1;
    static final long DEFAULT_SEED = 1;
    static final long DEFAULT_DURATION_MICROS = 60_000_000;
    static final double DEFAULT_WRITES_PER_SECOND = 1000;
    static final double DEFAULT_READS_PER_SECOND = 4000;
    static final String DEFAULT_INSTANCE_CLASS = "db.r6g.large";
    /**
     * An Aurora cluster volume grows to at most 256 TiB on current versions (Aurora FAQ; 128 TiB, or 64 TiB, on older
     * ones: aurora-reference §1).
     */
    static final int MAX_VOLUME_GIB = 256 * 1024;

    private static final List<String> TOP_KEYS = List.of("schemaVersion", "name", "description", "seed", "duration",
            "cluster", "secondaries", "workload", "timings", "timeline", "expect");
    private static final List<String> CLUSTER_KEYS = List.of("region", "engine", "azs", "volumeGiB", "instances");
    private static final List<String> ENGINES = java.util.Arrays.stream(EngineFlavour.values()).map(EngineFlavour::key)
            .toList();
    private static final List<String> WORKLOAD_KEYS = List.of("writesPerSecond", "readsPerSecond");

    /**
     * What the top of a file declares, which its timeline and expectations are checked against.
     *
     * @param regionAzs every region's AZs, the primary's first, then the secondaries in file order
     * @param azRegion the region of each AZ
     * @param pgCount the volume's protection groups
     */
    record Declared(long durationMicros, String primaryRegion, Map<String, List<String>> regionAzs,
            Map<String, String> azRegion, int pgCount) {

        /** What a read scenario declares: a lesson checks its steps against it. */
        static Declared of(Scenario s) {
            ClusterSpec c = s.cluster();
            Map<String, List<String>> regionAzs = new java.util.LinkedHashMap<>();
            regionAzs.put(c.region(), c.azs());
            c.secondaries().forEach(sec -> regionAzs.put(sec.region(), sec.azs()));
            Map<String, String> azRegion = new java.util.LinkedHashMap<>();
            regionAzs.forEach((region, azs) -> azs.forEach(az -> azRegion.put(az, region)));
            return new Declared(s.durationMicros(), c.region(), regionAzs, azRegion, c.protectionGroupCount());
        }

        /** Every instance id of a scenario, those its timeline adds included. */
        static Set<String> everInstance(Scenario s) {
            Set<String> ids = new LinkedHashSet<>();
            s.cluster().instances().forEach(i -> ids.add(i.id()));
            s.cluster().secondaries().forEach(sec -> sec.instances().forEach(i -> ids.add(i.id())));
            s.timeline().stream().map(TimedCommand::command).filter(c -> c instanceof Command.AddReplica)
                    .forEach(c -> ids.add(((Command.AddReplica) c).instanceId()));
            return ids;
        }

        /** The primary region's AZs (the {@code cluster:} ones). */
        List<String> primaryAzs() {
            return regionAzs.get(primaryRegion);
        }

        List<String> secondaryRegionNames() {
            return regionAzs.keySet().stream().filter(r -> !r.equals(primaryRegion)).toList();
        }
    }

    private final String source;
    private final NodeReader read;

    ScenarioMapper(String source) {
        this.source = source;
        this.read = new NodeReader(source);
    }

    Scenario map(Node root) throws ScenarioError {
        MapNode top = read.map(root, "the scenario",
                "Write keys like schemaVersion, cluster and timeline at the top level");
        read.schemaVersion(top, "the scenario", "", SCHEMA_VERSION);
        read.allowOnly(top, TOP_KEYS, "at the top level");

        String name = top.has("name") ? read.freeText(top.get("name"), "name") : source;
        if (name.isBlank()) {
            throw read.error(top.get("name"), "name is empty", "Write a name or remove the line to use the file name");
        }
        String description = top.has("description") ? read.freeText(top.get("description"), "description") : null;
        long seed = top.has("seed") ? read.whole(top.get("seed"), "seed") : DEFAULT_SEED;
        long durationMicros = DEFAULT_DURATION_MICROS;
        if (top.has("duration")) {
            durationMicros = read.time(top.get("duration"), "duration");
            if (durationMicros <= 0) {
                throw read.error(top.get("duration"), "duration must be more than 0", "Write e.g. duration: 60s");
            }
        }

        MapNode clusterNode = read.map(read.required(top, "cluster", "the scenario"), "cluster",
                "Write " + NodeReader.EXAMPLES.get("cluster"));
        read.allowOnly(clusterNode, CLUSTER_KEYS, "in cluster");
        String region = read.text(read.required(clusterNode, "region", "cluster"), "region");
        ClusterMapper clusterMapper = new ClusterMapper(read, region);
        List<String> azs = clusterMapper.azs(read.required(clusterNode, "azs", "cluster"), region);
        Node volume = read.required(clusterNode, "volumeGiB", "cluster");
        int volumeGiB = (int) read.wholeIn(volume, "volumeGiB", 1, MAX_VOLUME_GIB,
                "A volume holds 1 GiB to 256 TiB on current Aurora versions (128 TiB on older ones); each 10 GiB is"
                        + " one protection group");
        List<InstanceSpec> instances = clusterMapper.instances(read.required(clusterNode, "instances", "cluster"));
        List<SecondarySpec> secondaries = top.has("secondaries") ? clusterMapper.secondaries(top.get("secondaries"))
                : List.of();

        double writes = DEFAULT_WRITES_PER_SECOND;
        double reads = DEFAULT_READS_PER_SECOND;
        if (top.has("workload")) {
            MapNode workload = read.map(top.get("workload"), "workload",
                    "Write workload: {writesPerSecond: 1000, readsPerSecond: 4000}");
            read.allowOnly(workload, WORKLOAD_KEYS, "in workload");
            if (workload.has("writesPerSecond")) {
                writes = read.rate(workload.get("writesPerSecond"), "writesPerSecond");
            }
            if (workload.has("readsPerSecond")) {
                reads = read.rate(workload.get("readsPerSecond"), "readsPerSecond");
            }
        }

        EngineFlavour engine = clusterNode.has("engine")
                ? EngineFlavour.ofKey(read.oneOf(clusterNode.get("engine"), "engine", ENGINES, "engine"))
                : EngineFlavour.AURORA_MYSQL;
        Timings timings = top.has("timings") ? timings(top.get("timings")) : Timings.DEFAULTS;
        ClusterSpec cluster = new ClusterSpec(region, azs, volumeGiB, instances, writes, reads, seed, secondaries,
                engine, timings);
        try {
            cluster.validate();
        } catch (IllegalArgumentException e) {
            // the checks above should have caught it first; still refuse rather than build a broken cluster
            throw read.error(clusterNode, e.getMessage(), "Fix the cluster");
        }

        Declared declared = new Declared(durationMicros, region, clusterMapper.regionAzs(), clusterMapper.azRegion(),
                cluster.protectionGroupCount());
        List<TimedCommand> timeline = new TimelineMapper(read, declared).timeline(top.get("timeline"), cluster);
        Set<String> everInstance = new LinkedHashSet<>();
        instances.forEach(i -> everInstance.add(i.id()));
        secondaries.forEach(sec -> sec.instances().forEach(i -> everInstance.add(i.id())));
        timeline.stream().map(TimedCommand::command).filter(c -> c instanceof Command.AddReplica)
                .forEach(c -> everInstance.add(((Command.AddReplica) c).instanceId()));
        List<Expectation> expectations = new ExpectationMapper(read, declared).expectations(top.get("expect"),
                everInstance);

        return new Scenario(name, description, seed, durationMicros, cluster, timeline, expectations, source);
    }

    /** The {@code timings:} block: model values a teacher sets, each a duration within its documented range. */
    private Timings timings(Node node) throws ScenarioError {
        List<String> keys = java.util.Arrays.stream(Timing.values()).map(Timing::key).toList();
        MapNode m = read.map(node, "timings", "Write e.g. timings: {dnsTtl: 30s, globalFailover: 8m}");
        read.allowOnly(m, keys, "in timings");
        Timings t = Timings.DEFAULTS;
        for (Timing timing : Timing.values()) {
            if (m.has(timing.key())) {
                Node value = m.get(timing.key());
                long micros = read.time(value, timing.key());
                String wrong = timing.outOfRange(micros);
                if (wrong != null) {
                    throw read.error(value, wrong, "Choose a value in that range (the model's default is "
                            + Durations.format(timing.defaultMicros()) + "; " + timing.source() + ")");
                }
                t = t.with(timing, micros);
            }
        }
        return t;
    }
}
