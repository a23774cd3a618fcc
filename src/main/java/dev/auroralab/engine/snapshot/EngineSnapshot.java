package dev.auroralab.engine.snapshot;

import java.util.List;

/**
 * The whole simulated state at one instant, immutable: what the window draws, what a report prints, what a test
 * asserts on. Taking one never changes the engine.
 */
public record EngineSnapshot(long nowMicros, long seed, String region, List<String> azs, List<String> downAzs,
        VolumeSnapshot volume, List<InstanceSnapshot> instances, EndpointsSnapshot endpoints, double writesPerSecond,
        double readsPerSecond, CountersSnapshot counters, FailoverSnapshot failoverInProgress,
        List<FailoverRecord> failovers, List<StorageNodeSnapshot> storageNodes, List<MessageSnapshot> messagesInFlight) {

    public EngineSnapshot {
        azs = List.copyOf(azs);
        downAzs = List.copyOf(downAzs);
        instances = List.copyOf(instances);
        failovers = List.copyOf(failovers);
        storageNodes = List.copyOf(storageNodes);
        messagesInFlight = List.copyOf(messagesInFlight);
    }

    /** The writer instance's id, or null when the cluster has none up or recovering (a down writer is no writer). */
    public String writerId() {
        return instances.stream().filter(i -> i.role() == InstanceRole.WRITER)
                .filter(i -> i.status() == InstanceStatus.UP || i.status() == InstanceStatus.RECOVERING)
                .map(InstanceSnapshot::id).findFirst().orElse(null);
    }

    public ProtectionGroupSnapshot pg(String id) {
        return volume.protectionGroups().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    public InstanceSnapshot instance(String id) {
        return instances.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    public StorageNodeSnapshot storageNode(String id) {
        return storageNodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    /** A copy by its id, replacements included, or null. */
    public SegmentSnapshot segment(String id) {
        for (ProtectionGroupSnapshot pg : volume.protectionGroups()) {
            for (SegmentSnapshot seg : pg.segments()) {
                if (seg.id().equals(id)) {
                    return seg;
                }
            }
        }
        return null;
    }

    public enum VolumeStatus {
        WRITABLE("Writable"), READ_ONLY("Read-only"), UNAVAILABLE("Unavailable");

        private final String label;

        VolumeStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum InstanceRole { WRITER, READER }

    public enum InstanceStatus {
        UP, DOWN, STARTING, PROMOTING, RECOVERING, CREATING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record VolumeSnapshot(VolumeStatus status, boolean writable, boolean readable, String reason, long vcl,
            long vdl, long volumeEpoch, long nextLsn, long allocationLimitLsn, List<ProtectionGroupSnapshot> protectionGroups) {
        public VolumeSnapshot {
            protectionGroups = List.copyOf(protectionGroups);
        }
    }

    public record ProtectionGroupSnapshot(String id, int sizeGiB, long membershipEpoch, int segmentsUp,
            int writableCopies, int readableCopies, int copiesInModel, int writeQuorumNeeded, int readQuorumNeeded,
            boolean writeQuorum, boolean readQuorum, long pgcl, String degradedExcludedAz, List<String> writeSet,
            List<String> readSet, List<SegmentSnapshot> segments) {
        public ProtectionGroupSnapshot {
            writeSet = List.copyOf(writeSet);
            readSet = List.copyOf(readSet);
            segments = List.copyOf(segments);
        }
    }

    public record SegmentSnapshot(String id, String address, char letter, String az, String nodeId, String state,
            long scl, boolean replacement, boolean inQuorumModel) {
    }

    public record InstanceSnapshot(String id, String region, String az, InstanceRole role, InstanceStatus status,
            int tier, String instanceClass, long appliedLsn, long lagMicros) {
    }

    public record EndpointsSnapshot(String clusterEndpoint, List<String> readerEndpoint) {
        public EndpointsSnapshot {
            readerEndpoint = List.copyOf(readerEndpoint);
        }
    }

    public record CountersSnapshot(long writesIssued, long writesAcknowledged, long writesFailed,
            long acknowledgedWritesLost, long writesPending, long readsIssued, long readsServed, long readsFailed,
            long writeDowntimeMicros, long readDowntimeMicros, long commitLatencyP50Micros,
            long commitLatencyP99Micros, long commitLatencyMaxMicros, long commitLatencySumMicros) {
    }

    public record FailoverSnapshot(String phase, String from, String to, long startedAtMicros) {
    }

    public record FailoverRecord(String kind, String from, String to, long startedAtMicros, long completedAtMicros,
            long acknowledgedWritesLost) {
    }

    public record StorageNodeSnapshot(String id, String az, boolean up, List<String> segments) {
        public StorageNodeSnapshot {
            segments = List.copyOf(segments);
        }
    }

    /** A message on the wire: drawn at (now - sent) / (arrives - sent) along its path. */
    public record MessageSnapshot(String kind, String from, String to, long sentMicros, long arrivesMicros, String pg,
            long lsn) {
    }
}
