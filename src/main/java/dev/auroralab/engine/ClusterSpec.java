package dev.auroralab.engine;

import java.util.List;

/**
 * What to build: the primary region with three AZs, a volume, the instances and the starting workload, and the Global
 * Database's secondary regions (none for a plain cluster). Checked by {@link #validate()}; the scenario layer checks
 * first so that it can point at a file position.
 */
public record ClusterSpec(String region, List<String> azs, int volumeGiB, List<InstanceSpec> instances,
        double writesPerSecond, double readsPerSecond, long seed, List<SecondarySpec> secondaries,
        EngineFlavour engine, Timings timings) {

    public enum Role { WRITER, READER }

    public record InstanceSpec(String id, String az, Role role, int tier, String instanceClass) {
    }

    /**
     * A Global Database secondary region: its own 3 AZs, its own six-copy volume, up to 16 read-only instances, and the
     * one-way network latency from the primary region (aurora-reference §6).
     */
    public record SecondarySpec(String region, List<String> azs, List<InstanceSpec> instances, long latencyMs) {
        public SecondarySpec {
            azs = List.copyOf(azs);
            instances = List.copyOf(instances);
        }
    }

    public ClusterSpec {
        azs = List.copyOf(azs);
        instances = List.copyOf(instances);
        secondaries = List.copyOf(secondaries);
        java.util.Objects.requireNonNull(engine, "engine");
        java.util.Objects.requireNonNull(timings, "timings");
    }

    /** An Aurora MySQL cluster with the model's default timings. */
    public ClusterSpec(String region, List<String> azs, int volumeGiB, List<InstanceSpec> instances,
            double writesPerSecond, double readsPerSecond, long seed, List<SecondarySpec> secondaries) {
        this(region, azs, volumeGiB, instances, writesPerSecond, readsPerSecond, seed, secondaries,
                EngineFlavour.AURORA_MYSQL, Timings.DEFAULTS);
    }

    /** The same cluster with another seed (every other field kept: build variants with the with-methods only). */
    public ClusterSpec withSeed(long s) {
        return new ClusterSpec(region, azs, volumeGiB, instances, writesPerSecond, readsPerSecond, s, secondaries,
                engine, timings);
    }

    /** The same cluster with other secondary regions. */
    public ClusterSpec withSecondaries(List<SecondarySpec> regions) {
        return new ClusterSpec(region, azs, volumeGiB, instances, writesPerSecond, readsPerSecond, seed, regions,
                engine, timings);
    }

    /** The same cluster with another engine flavour. */
    public ClusterSpec withEngine(EngineFlavour flavour) {
        return new ClusterSpec(region, azs, volumeGiB, instances, writesPerSecond, readsPerSecond, seed, secondaries,
                flavour, timings);
    }

    /** The same cluster with other timings. */
    public ClusterSpec withTimings(Timings t) {
        return new ClusterSpec(region, azs, volumeGiB, instances, writesPerSecond, readsPerSecond, seed, secondaries,
                engine, t);
    }

    /** A single-region cluster, as in the foundation issue. */
    public ClusterSpec(String region, List<String> azs, int volumeGiB, List<InstanceSpec> instances,
            double writesPerSecond, double readsPerSecond, long seed) {
        this(region, azs, volumeGiB, instances, writesPerSecond, readsPerSecond, seed, List.of());
    }

    /** Throws IllegalArgumentException with a plain-words reason when the spec cannot be built. */
    public ClusterSpec validate() {
        if (azs.size() != 3) {
            throw new IllegalArgumentException("a region has exactly 3 AZs, got " + azs.size());
        }
        if (azs.stream().distinct().count() != 3) {
            throw new IllegalArgumentException("the 3 AZs must be distinct: " + azs);
        }
        if (volumeGiB < 1) {
            throw new IllegalArgumentException("volumeGiB must be at least 1, got " + volumeGiB);
        }
        long writers = instances.stream().filter(i -> i.role() == Role.WRITER).count();
        if (writers != 1) {
            throw new IllegalArgumentException("a cluster has exactly one writer, got " + writers);
        }
        if (instances.size() - 1 > ModelValues.MAX_REPLICAS) {
            throw new IllegalArgumentException(
                    "a cluster has at most " + ModelValues.MAX_REPLICAS + " read replicas, got " + (instances.size() - 1));
        }
        if (instances.stream().map(InstanceSpec::id).distinct().count() != instances.size()) {
            throw new IllegalArgumentException("instance ids must be unique");
        }
        for (InstanceSpec i : instances) {
            if (!azs.contains(i.az())) {
                throw new IllegalArgumentException("instance " + i.id() + " is in " + i.az() + ", not one of " + azs);
            }
            if (i.tier() < 0 || i.tier() > ModelValues.MAX_TIER) {
                throw new IllegalArgumentException("tier must be 0-15, got " + i.tier() + " for " + i.id());
            }
            InstanceClassSize.rank(i.instanceClass());
        }
        if (writesPerSecond < 0 || readsPerSecond < 0) {
            throw new IllegalArgumentException("workload rates cannot be negative");
        }
        validateSecondaries();
        return this;
    }

    public int protectionGroupCount() {
        return Math.max(1, (volumeGiB + ModelValues.PROTECTION_GROUP_GIB - 1) / ModelValues.PROTECTION_GROUP_GIB);
    }

    private void validateSecondaries() {
        if (secondaries.size() > ModelValues.MAX_SECONDARY_REGIONS) {
            throw new IllegalArgumentException("a global database has at most " + ModelValues.MAX_SECONDARY_REGIONS
                    + " secondary regions, got " + secondaries.size());
        }
        java.util.Set<String> regions = new java.util.HashSet<>(List.of(region));
        java.util.Set<String> allAzs = new java.util.HashSet<>(azs);
        java.util.Set<String> ids = new java.util.HashSet<>();
        instances.forEach(i -> ids.add(i.id()));
        for (SecondarySpec s : secondaries) {
            if (!regions.add(s.region())) {
                throw new IllegalArgumentException("region " + s.region() + " is listed twice");
            }
            if (s.azs().size() != 3 || s.azs().stream().distinct().count() != 3) {
                throw new IllegalArgumentException("secondary region " + s.region() + " needs 3 distinct AZs");
            }
            for (String az : s.azs()) {
                if (!allAzs.add(az)) {
                    throw new IllegalArgumentException("AZ " + az + " is in two regions");
                }
            }
            if (s.instances().size() > ModelValues.MAX_SECONDARY_INSTANCES) {
                throw new IllegalArgumentException("a secondary region has at most "
                        + ModelValues.MAX_SECONDARY_INSTANCES + " read-only instances, got " + s.instances().size()
                        + " in " + s.region());
            }
            if (s.latencyMs() < 0) {
                throw new IllegalArgumentException("latencyMs cannot be negative in " + s.region());
            }
            for (InstanceSpec i : s.instances()) {
                if (!ids.add(i.id())) {
                    throw new IllegalArgumentException("instance id " + i.id() + " is used twice");
                }
                if (i.role() != Role.READER) {
                    throw new IllegalArgumentException("instance " + i.id() + " in secondary " + s.region()
                            + " must be a reader: a secondary region is read-only");
                }
                if (!s.azs().contains(i.az())) {
                    throw new IllegalArgumentException("instance " + i.id() + " is in " + i.az() + ", not one of "
                            + s.azs());
                }
                if (i.tier() < 0 || i.tier() > ModelValues.MAX_TIER) {
                    throw new IllegalArgumentException("tier must be 0-15, got " + i.tier() + " for " + i.id());
                }
                InstanceClassSize.rank(i.instanceClass());
            }
        }
    }
}
