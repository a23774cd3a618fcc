package dev.auroralab.engine.snapshot;

import java.util.List;

/**
 * The whole simulated state at one instant, immutable: what the window draws, what a report prints, what a test
 * asserts on. Taking one never changes the engine.
 *
 * <p>The region fields ({@code region}, {@code azs}, {@code volume}, {@code instances}, ...) describe the region the
 * writes go to: the Global Database's primary, or the detached cluster after a detach and promote. {@code regions}
 * lists every region, that one included, in the scenario's order; {@link #forRegion(String)} gives the same view of
 * any of them, so the topology drawing serves every region.
 */
public record EngineSnapshot(long nowMicros, long seed, String region, List<String> azs, List<String> downAzs,
        VolumeSnapshot volume, List<InstanceSnapshot> instances, EndpointsSnapshot endpoints, double writesPerSecond,
        double readsPerSecond, CountersSnapshot counters, FailoverSnapshot failoverInProgress,
        List<FailoverRecord> failovers, List<StorageNodeSnapshot> storageNodes, List<MessageSnapshot> messagesInFlight,
        List<RegionSnapshot> regions, GlobalSnapshot global, dev.auroralab.engine.EngineFlavour engine) {

    public EngineSnapshot {
        azs = List.copyOf(azs);
        downAzs = List.copyOf(downAzs);
        instances = List.copyOf(instances);
        failovers = List.copyOf(failovers);
        storageNodes = List.copyOf(storageNodes);
        messagesInFlight = List.copyOf(messagesInFlight);
        regions = List.copyOf(regions);
    }

    /** The region the application's writes go to. */
    public String writerRegion() {
        return region;
    }

    /** Whether the cluster has secondary regions (or had: a detached one counts). */
    public boolean isGlobal() {
        return regions.size() > 1;
    }

    /** A region by name, or null. A plain loop: the global strip asks for every arrow in every frame. */
    /**
     * Every region; a single-region cluster lists none in {@link #regions()}, and here its one region is this snapshot
     * itself, as the primary: what reports and checks walk so one code path serves both.
     */
    public List<RegionSnapshot> regionsOrPrimary() {
        if (!regions.isEmpty()) {
            return regions;
        }
        return List.of(new RegionSnapshot(region, RegionRole.PRIMARY, false, 0, azs, downAzs, volume, instances,
                storageNodes, endpoints, volume.vdl(), 0, 0, volume.writable(), volume.readable(), null));
    }

    public RegionSnapshot regionSnapshot(String name) {
        for (RegionSnapshot r : regions) {
            if (r.region().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** The same snapshot, with the region fields of {@code name}: what the topology view draws for that region. */
    public EngineSnapshot forRegion(String name) {
        if (name == null || name.equals(region)) {
            return this;
        }
        RegionSnapshot r = regionSnapshot(name);
        if (r == null) {
            return this;
        }
        return new EngineSnapshot(nowMicros, seed, r.region(), r.azs(), r.downAzs(), r.volume(), r.instances(),
                r.endpoints(), writesPerSecond, readsPerSecond, counters, failoverInProgress, failovers,
                r.storageNodes(), List.of(), regions, global, engine);
    }

    /**
     * The writer instance's id in this view's region, or null when it has none up or recovering (a down writer is no
     * writer).
     */
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

    /**
     * A region's volume: its status, why ({@code why}; {@link #reason()} is the sentence), VCL, VDL, the volume epoch,
     * the next LSN and the allocation limit (VDL + LAL), and its protection groups.
     */
    public record VolumeSnapshot(VolumeStatus status, boolean writable, boolean readable, VolumeReason why, long vcl,
            long vdl, long volumeEpoch, long nextLsn, long allocationLimitLsn, List<ProtectionGroupSnapshot> protectionGroups) {
        public VolumeSnapshot {
            protectionGroups = List.copyOf(protectionGroups);
        }

        /** The engine's sentence for why the volume is as it is (empty when no reason is known). */
        public String reason() {
            return why == null ? "" : why.sentence();
        }
    }

    public record ProtectionGroupSnapshot(String id, int sizeGiB, long membershipEpoch, int segmentsUp,
            int writableCopies, int readableCopies, int copiesInModel, int writeQuorumNeeded, int readQuorumNeeded,
            boolean writeQuorum, boolean readQuorum, long pgcl, String degradedExcludedAz, List<QuorumTerm> writeSet,
            List<QuorumTerm> readSet, List<SegmentSnapshot> segments) {
        public ProtectionGroupSnapshot {
            writeSet = List.copyOf(writeSet);
            readSet = List.copyOf(readSet);
            segments = List.copyOf(segments);
        }
    }

    /**
     * One copy: its state as a value ({@code state.label()} is the word a learner reads), its SCL, whether it is a
     * replacement joining through a membership change, whether it counts in the quorum model in force, and whether a
     * user failed it (as opposed to its node or AZ being out).
     */
    public record SegmentSnapshot(String id, String address, char letter, String az, String nodeId,
            dev.auroralab.engine.storage.SegmentState state, long scl, boolean replacement, boolean inQuorumModel,
            boolean failedByUser) {
    }

    public record InstanceSnapshot(String id, String region, String az, InstanceRole role, InstanceStatus status,
            int tier, String instanceClass, long appliedLsn, long lagMicros) {
    }

    public record EndpointsSnapshot(String clusterEndpoint, List<String> readerEndpoint) {
        public EndpointsSnapshot {
            readerEndpoint = List.copyOf(readerEndpoint);
        }
    }

    /**
     * The write and read counters since the run began, and commit latency: p50, p99, max and sum over every commit
     * so far; {@code latestCommitLatencyMicros} is the latency of the oldest commit of the latest acknowledgement (0
     * before the first), and {@code oldestPendingWriteAgeMicros} how long the oldest write still pending has waited
     * so far (0 when none waits): together they say how long commits take now.
     */
    public record CountersSnapshot(long writesIssued, long writesAcknowledged, long writesFailed,
            long acknowledgedWritesLost, long writesPending, long readsIssued, long readsServed, long readsFailed,
            long writeDowntimeMicros, long readDowntimeMicros, long commitLatencyP50Micros,
            long commitLatencyP99Micros, long commitLatencyMaxMicros, long commitLatencySumMicros,
            long latestCommitLatencyMicros, long oldestPendingWriteAgeMicros) {

        /** Counters with no recent-latency figures (0 and 0), as fixtures build them. */
        public CountersSnapshot(long writesIssued, long writesAcknowledged, long writesFailed,
                long acknowledgedWritesLost, long writesPending, long readsIssued, long readsServed, long readsFailed,
                long writeDowntimeMicros, long readDowntimeMicros, long commitLatencyP50Micros,
                long commitLatencyP99Micros, long commitLatencyMaxMicros, long commitLatencySumMicros) {
            this(writesIssued, writesAcknowledged, writesFailed, acknowledgedWritesLost, writesPending, readsIssued,
                    readsServed, readsFailed, writeDowntimeMicros, readDowntimeMicros, commitLatencyP50Micros,
                    commitLatencyP99Micros, commitLatencyMaxMicros, commitLatencySumMicros, 0, 0);
        }

        /**
         * How long commits take now: the oldest pending write's wait so far when it is longer than the latest
         * acknowledged commit's latency, else that latency. A stall shows at once (the wait grows while nothing is
         * acknowledged), and a calm cluster shows the latest commits, not the run's history.
         */
        public long commitLatencyNowMicros() {
            return Math.max(latestCommitLatencyMicros, oldestPendingWriteAgeMicros);
        }
    }

    /**
     * A failover (or a Global Database operation) under way: its phase ("detecting", "promoting", ...), the writer it
     * replaces (instances in-region, regions for a global one) and the target, which is null while none is chosen yet
     * (a writer failure not yet detected, or no replica to promote).
     */
    public record FailoverSnapshot(FailoverPhase phase, String from, String to, long startedAtMicros,
            FailoverKind globalOperation, FailoverKind kind) {

        /** {@code kind}: what the ledger row will be (a restart in place, a recreate, a failover, a global one). */
        public FailoverSnapshot {
            java.util.Objects.requireNonNull(kind, "kind");
        }

        /** An in-region failover, or the global operation given. */
        public FailoverSnapshot(FailoverPhase phase, String from, String to, long startedAtMicros,
                FailoverKind globalOperation) {
            this(phase, from, to, startedAtMicros, globalOperation,
                    globalOperation != null ? globalOperation : FailoverKind.IN_REGION);
        }

        /** "detecting (writer-1 → not chosen yet)": the phase and both ends in words, never "null". */
        public String describe() {
            if (from != null && from.equals(to)) {
                return phase.label() + " (" + to + ")"; // the same instance comes back: restart or recreate
            }
            return phase.label() + " (" + (from == null ? "no writer" : from) + " → " + (to == null ? "not chosen yet" : to)
                    + ")";
        }
    }

    /**
     * One entry of the RPO/RTO ledger. {@code kind}: in-region, global switchover, global failover or detach
     * and promote; {@code from}/{@code to} are instances in-region and regions otherwise. Started: when the
     * failover was triggered or asked for; completed: when a new writer took writes. {@code writeOutageStartedMicros}:
     * when the writer endpoint stopped taking writes (earlier than started when the writer was lost first).
     * {@code rpoMicros}: the age of the oldest acknowledged write that was lost (0 when none was).
     * {@code recoverySnapshot}: after a global failover, the old primary's snapshot at the point of failure that holds
     * the lost writes (rds:unplanned-global-failover-...); null otherwise.
     */
    public record FailoverRecord(FailoverKind kind, String from, String to, long startedAtMicros, long completedAtMicros,
            long acknowledgedWritesLost, long rpoMicros, long writeOutageStartedMicros, String recoverySnapshot) {

        public long rtoMicros() {
            return completedAtMicros - startedAtMicros;
        }

        public long writeDowntimeMicros() {
            return completedAtMicros - writeOutageStartedMicros;
        }
    }

    /**
     * One region of the Global Database. {@code role}: primary, secondary, detached or down (the region is out). {@code rpoLagMicros}: how old the newest write this region's storage holds durably is, against the
     * primary (0 when it holds all); {@code durabilityLagMicros}: the same for the newest write any of its copies
     * holds. {@code latencyMicros}: one-way network latency from the scenario's primary region.
     */
    public record RegionSnapshot(String region, RegionRole role, boolean resyncing, long latencyMicros, List<String> azs,
            List<String> downAzs, VolumeSnapshot volume, List<InstanceSnapshot> instances,
            List<StorageNodeSnapshot> storageNodes, EndpointsSnapshot endpoints, long durableLsn, long rpoLagMicros,
            long durabilityLagMicros, boolean writable, boolean readable, ForwardingSnapshot forwarding) {
        public RegionSnapshot {
            azs = List.copyOf(azs);
            downAzs = List.copyOf(downAzs);
            instances = List.copyOf(instances);
            storageNodes = List.copyOf(storageNodes);
        }

        public boolean primary() {
            return role == RegionRole.PRIMARY;
        }
    }

    /**
     * Write forwarding from one secondary: one session that writes through the primary, then reads locally with the
     * read consistency ("eventual", "session" or "global"). Stale reads: eventual reads that missed the session's own
     * write. Read wait: how long a read waited for the region to catch up.
     */
    public record ForwardingSnapshot(String consistency, long forwardedWrites, long forwardedWritesFailed,
            long forwardedWriteLatencyLastMicros, long reads, long staleReads, long readWaitLastMicros,
            long readWaitMaxMicros) {
    }

    /**
     * Global Database settings and alarms. {@code managedRpoSeconds}: 0 when off; {@code commitsBlocked}: commits on
     * the primary wait because every secondary's RPO lag exceeds it; {@code splitBrain}: two regions take writes.
     */
    public record GlobalSnapshot(long managedRpoSeconds, boolean commitsBlocked, boolean splitBrain,
            List<String> writableRegions) {
        public GlobalSnapshot {
            writableRegions = List.copyOf(writableRegions);
        }
    }

    /** A storage node: {@code up} when it serves (not failed, its AZ in), {@code failed} when a user failed it. */
    public record StorageNodeSnapshot(String id, String az, boolean up, boolean failed, List<String> segments) {
        public StorageNodeSnapshot {
            segments = List.copyOf(segments);
        }
    }

    /** A message on the wire: drawn at (now - sent) / (arrives - sent) along its path. */
    public record MessageSnapshot(MessageKind kind, String from, String to, long sentMicros, long arrivesMicros, String pg,
            long lsn) {
    }
}
