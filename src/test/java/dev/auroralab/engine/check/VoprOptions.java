package dev.auroralab.engine.check;

import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.EngineFlavour;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What one VOPR seed runs on, all drawn from the seed: the topology (a writer and 0-3 replicas with their tiers,
 * classes and AZs), a 10-40 GiB volume, the workload, and 0-2 Global Database secondary regions with their one-way
 * latency and 0-2 readers each, and the engine flavour (Aurora MySQL or PostgreSQL).
 */
record VoprOptions(long seed, ClusterSpec cluster) {

    /**
     * The shortest rebuild a scenario may set (1 min) instead of the default 10: after a global failover every region
     * is rebuilt, and the liveness phase waits for the rebuilds; drawn from no random stream.
     */
    static final dev.auroralab.engine.Timings TIMINGS = dev.auroralab.engine.Timings.DEFAULTS
            .with(dev.auroralab.engine.Timings.Timing.SECONDARY_REBUILD, 60_000_000L);

    static final String PRIMARY = "us-east-1";
    static final List<String> SECONDARY_NAMES = List.of("eu-west-1", "us-west-2");
    static final List<String> CLASSES = List.of("db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge");

    static List<String> azsOf(String region) {
        return List.of(region + "a", region + "b", region + "c");
    }

    /** The options of {@code seed}; the faults draw from a stream split from the same seed. */
    static VoprOptions draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> azs = azsOf(PRIMARY);
        List<InstanceSpec> instances = new ArrayList<>();
        instances.add(new InstanceSpec("writer-1", pick(r, azs), Role.WRITER, r.nextInt(3), pick(r, CLASSES)));
        int replicas = r.nextInt(4);
        for (int k = 1; k <= replicas; k++) {
            // low tiers most of the time, so that ties between tiers and sizes come up
            int tier = r.nextInt(4) == 0 ? r.nextInt(16) : r.nextInt(3);
            instances.add(new InstanceSpec("reader-" + k, pick(r, azs), Role.READER, tier, pick(r, CLASSES)));
        }
        int volumeGiB = 10 + r.nextInt(31);
        // modest rates keep a seed fast; the quorum and LSN arithmetic does not depend on the rate's size
        double writes = 100 + 50 * r.nextInt(29);
        double reads = 200 + 100 * r.nextInt(30);
        List<SecondarySpec> secondaries = new ArrayList<>();
        int regions = r.nextInt(3);
        for (int s = 0; s < regions; s++) {
            String name = SECONDARY_NAMES.get(s);
            List<String> sazs = azsOf(name);
            List<InstanceSpec> readers = new ArrayList<>();
            int n = r.nextInt(3);
            for (int k = 1; k <= n; k++) {
                readers.add(new InstanceSpec(name + "-reader-" + k, pick(r, sazs), Role.READER, r.nextInt(3),
                        pick(r, CLASSES)));
            }
            secondaries.add(new SecondarySpec(name, sazs, readers, 20 + r.nextInt(131)));
        }
        // drawn last so that the options drawn before keep their values for every seed
        EngineFlavour engine = r.nextBoolean() ? EngineFlavour.AURORA_MYSQL : EngineFlavour.AURORA_POSTGRESQL;
        return new VoprOptions(seed, new ClusterSpec(PRIMARY, azs, volumeGiB, instances, writes, reads, seed,
                secondaries).withEngine(engine).withTimings(TIMINGS));
    }

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    /** One line: what the run was built from, so that a failure can be read without the code. */
    String describe() {
        StringBuilder b = new StringBuilder();
        ClusterSpec c = cluster;
        b.append(c.engine().key()).append(", ");
        b.append(String.format(Locale.ROOT, "%d GiB, %.0f writes/s, %.0f reads/s; %s", c.volumeGiB(),
                c.writesPerSecond(), c.readsPerSecond(), instances(c.instances())));
        for (SecondarySpec s : c.secondaries()) {
            b.append("; secondary ").append(s.region()).append(" ").append(s.latencyMs()).append(" ms ")
                    .append(s.instances().isEmpty() ? "(no instance)" : instances(s.instances()));
        }
        return b.toString();
    }

    private static String instances(List<InstanceSpec> list) {
        List<String> out = new ArrayList<>();
        for (InstanceSpec i : list) {
            out.add(i.id() + " " + i.az() + " tier " + i.tier() + " " + i.instanceClass());
        }
        return String.join(", ", out);
    }
}
