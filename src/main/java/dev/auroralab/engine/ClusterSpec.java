package dev.auroralab.engine;

import java.util.List;

/**
 * What to build: one region with three AZs, a volume, the instances and the starting workload. Checked by
 * {@link #validate()}; the scenario layer checks first so that it can point at a file position.
 */
public record ClusterSpec(String region, List<String> azs, int volumeGiB, List<InstanceSpec> instances,
        double writesPerSecond, double readsPerSecond, long seed) {

    public enum Role { WRITER, READER }

    public record InstanceSpec(String id, String az, Role role, int tier, String instanceClass) {
    }

    public ClusterSpec {
        azs = List.copyOf(azs);
        instances = List.copyOf(instances);
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
        return this;
    }

    public int protectionGroupCount() {
        return Math.max(1, (volumeGiB + ModelValues.PROTECTION_GROUP_GIB - 1) / ModelValues.PROTECTION_GROUP_GIB);
    }
}
