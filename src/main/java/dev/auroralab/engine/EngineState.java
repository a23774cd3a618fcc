package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.VolumeReason;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.Cause;
import dev.auroralab.engine.sim.RandomStreams;
import dev.auroralab.engine.sim.Scheduler;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.storage.CommitLedger;
import dev.auroralab.engine.storage.LsnWaitQueue;
import dev.auroralab.engine.storage.ProtectionGroup.Slot;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.StorageNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the simulated cluster is at one instant, and nothing else: the topology, the writer's LSN bookkeeping,
 * the workload's counters, the failover and Global Database state, the random streams and the queue of pending work.
 *
 * <p>The mechanisms (write path, repair, failover, replication, ...) hold no state of their own: they read and change
 * this one value, so copying it copies the cluster (decision 0013). Fields are public so the mechanisms in the
 * engine's sub-packages can reach them; nothing outside the engine ever sees an EngineState (ArchitectureTest).
 */
public final class EngineState {

    public final ClusterSpec spec;
    public final RandomStreams random;
    public final Scheduler<Scheduled> queue;
    public final List<AuroraEvent> events;
    /** For each event in {@link #events}, the id of its cause (a command's or a scheduled item's id). */
    public final List<Long> eventCauses;
    /** The causes events name, by id: commands, and the scheduled work that was not routine traffic. */
    public final Map<Long, Cause> causes;

    // ---- topology -------------------------------------------------------------------------------------------------
    /** Every region: the scenario's primary first, then the secondaries in the scenario's order. */
    public final List<Region> regions = new ArrayList<>();
    public final Map<String, Region> regionByAz = new LinkedHashMap<>();
    /** The region the application's writes go to: the global primary, or a detached cluster. */
    public Region writeRegion;
    public final Set<String> downAzs = new LinkedHashSet<>();
    public final List<StorageNode> nodes = new ArrayList<>();
    public final Map<String, StorageNode> nodeById = new LinkedHashMap<>();
    public final Map<String, Slot> slotByAddress = new LinkedHashMap<>();
    public final List<Instance> instances = new ArrayList<>();
    /** Every instance ever created, removed ones too, by creation number: how scheduled work names an instance. */
    public final List<Instance> instancesEverCreated = new ArrayList<>();
    public int instancesCreated;
    public int replacementsCreated;

    // ---- writer, LSNs, commits -----------------------------------------------------------------------------------
    /** The instance holding the writer role, possibly down (until a failover hands the role on); null when none. */
    public Instance writer;
    /** Where the cluster (writer) endpoint's DNS name points. */
    public String clusterEndpoint;
    /** Whether clients reach a recovered writer through the cluster endpoint, so writes can be accepted. */
    public boolean writerServing;
    public long volumeEpoch = 1;
    public final Map<Long, String> writerByEpoch = new LinkedHashMap<>();
    public long epochViolations;
    public final CommitLedger ledger;
    /** Writes the writer throttles at the LSN allocation limit, waiting for an LSN (P17 §4.2.1). */
    public final LsnWaitQueue lsnWait;
    public long vcl;
    public long vdl;
    public long vdlReachedMicros;
    public long lastRedoVdl = -1;
    public boolean lalReported;

    // ---- workload and counters -----------------------------------------------------------------------------------
    public double writesPerSecond;
    public double readsPerSecond;
    public double writeCarry;
    public double readCarry;
    public long readTickCount;
    public long writesIssued;
    public long writesAcknowledged;
    public long writesFailed;
    public long acknowledgedLost;
    public long readsIssued;
    public long readsServed;
    public long readsFailed;
    public long writeDowntimeMicros;
    public long readDowntimeMicros;
    public final LatencyHistogram commitLatency;

    // ---- availability caches (for change events) -----------------------------------------------------------------
    public VolumeStatus volumeStatus = VolumeStatus.WRITABLE;
    public boolean writable = true;
    /** Why the write region's volume is as it is; null until availability is first worked out. */
    public VolumeReason volumeReason;
    public final List<ReadRoute> lastWriterReadRoutes = new ArrayList<>();

    // ---- failover ------------------------------------------------------------------------------------------------
    public FailoverPhase phase = FailoverPhase.NONE;
    public int failoverGeneration;
    public String failoverFrom;
    public String failoverTo;
    public long failoverStartedMicros;
    public long failoverLostBefore;
    /** What the open ledger entry will be when the writer serves again: a failover, a restart in place, a recreate. */
    public FailoverKind inRegionKind = FailoverKind.IN_REGION;
    public final List<FailoverRecord> failovers = new ArrayList<>();
    public final Map<String, Integer> azOutageGeneration = new LinkedHashMap<>();

    // ---- Global Database ----------------------------------------------------------------------------------------
    /** The kind of the global operation in progress ("global-switchover", ...), or null. */
    public FailoverKind globalKind;
    public String globalFrom;
    public String globalTo;
    public long globalStartedMicros;
    public long globalOutageStartedMicros;
    public long globalLostBefore;
    public long globalRpoMicros;
    /** The old primary's recovery snapshot of the global failover under way (null for other operations). */
    public String globalRecoverySnapshot;
    /** The VDL of the Global Database's primary, frozen when a detach moves the writes elsewhere. */
    public long globalVdl;
    public long managedRpoSeconds;
    public boolean commitsBlocked;
    public boolean splitBrain;
    /** Bumped on every truncation, so a replication batch cut by it is dropped on arrival. */
    public int truncations;
    public final DurableHistory history;

    /** A read the writer routed to one copy: kept so the invariant checker can verify the copy held the read point. */
    public record ReadRoute(Segment segment, long readPoint, int neededBoxcar,
            long atMicros) {
    }

    /**
     * A deep copy: every mutable object of the cluster is new, linked to the other new objects exactly as the
     * originals are linked; immutable values (events, records in the queue, strings) are shared. Listeners are not
     * state and are not copied.
     */
    EngineState(EngineState o) {
        this(o, false);
    }

    /** As {@link #EngineState(EngineState)}; {@code freeze}: the queue is kept compact, to copy again, not to run. */
    EngineState(EngineState o, boolean freeze) {
        spec = o.spec;
        random = o.random.copy();
        queue = freeze ? o.queue.frozenCopy() : o.queue.copy();
        events = new ArrayList<>(o.events);
        eventCauses = new ArrayList<>(o.eventCauses);
        causes = new LinkedHashMap<>(o.causes);
        Map<StorageNode, StorageNode> nodeOf = new IdentityHashMap<>();
        for (StorageNode n : o.nodes) {
            StorageNode c = n.copy();
            nodeOf.put(n, c);
            nodes.add(c);
            nodeById.put(c.id(), c);
        }
        Map<Slot, Slot> slotOf = new IdentityHashMap<>();
        for (Region r : o.regions) {
            Region c = r.copy(nodeOf::get);
            regions.add(c);
            for (int p = 0; p < r.pgs.size(); p++) {
                for (int k = 0; k < ModelValues.COPIES_PER_PG; k++) {
                    slotOf.put(r.pgs.get(p).slot(k), c.pgs.get(p).slot(k));
                }
            }
        }
        o.regionByAz.forEach((az, r) -> regionByAz.put(az, regions.get(r.index)));
        writeRegion = regions.get(o.writeRegion.index);
        downAzs.addAll(o.downAzs);
        o.slotByAddress.forEach((address, slot) -> slotByAddress.put(address, slotOf.get(slot)));
        for (Instance i : o.instancesEverCreated) {
            instancesEverCreated.add(i.copy());
        }
        for (Instance i : o.instances) {
            instances.add(instancesEverCreated.get(i.creationOrder()));
        }
        instancesCreated = o.instancesCreated;
        replacementsCreated = o.replacementsCreated;

        writer = o.writer == null ? null : instancesEverCreated.get(o.writer.creationOrder());
        clusterEndpoint = o.clusterEndpoint;
        writerServing = o.writerServing;
        volumeEpoch = o.volumeEpoch;
        writerByEpoch.putAll(o.writerByEpoch);
        epochViolations = o.epochViolations;
        ledger = o.ledger.copy();
        lsnWait = o.lsnWait.copy();
        vcl = o.vcl;
        vdl = o.vdl;
        vdlReachedMicros = o.vdlReachedMicros;
        lastRedoVdl = o.lastRedoVdl;
        lalReported = o.lalReported;

        writesPerSecond = o.writesPerSecond;
        readsPerSecond = o.readsPerSecond;
        writeCarry = o.writeCarry;
        readCarry = o.readCarry;
        readTickCount = o.readTickCount;
        writesIssued = o.writesIssued;
        writesAcknowledged = o.writesAcknowledged;
        writesFailed = o.writesFailed;
        acknowledgedLost = o.acknowledgedLost;
        readsIssued = o.readsIssued;
        readsServed = o.readsServed;
        readsFailed = o.readsFailed;
        writeDowntimeMicros = o.writeDowntimeMicros;
        readDowntimeMicros = o.readDowntimeMicros;
        commitLatency = o.commitLatency.copy();

        volumeStatus = o.volumeStatus;
        writable = o.writable;
        volumeReason = o.volumeReason;
        for (ReadRoute r : o.lastWriterReadRoutes) {
            Segment s = r.segment();
            Region home = o.regionByAz.get(s.az());
            Segment c = regions.get(home.index).pgs.get(s.pg().index()).segmentByLetter(s.letter());
            lastWriterReadRoutes.add(new ReadRoute(c, r.readPoint(), r.neededBoxcar(), r.atMicros()));
        }

        phase = o.phase;
        failoverGeneration = o.failoverGeneration;
        failoverFrom = o.failoverFrom;
        failoverTo = o.failoverTo;
        failoverStartedMicros = o.failoverStartedMicros;
        failoverLostBefore = o.failoverLostBefore;
        inRegionKind = o.inRegionKind;
        failovers.addAll(o.failovers);
        azOutageGeneration.putAll(o.azOutageGeneration);

        globalKind = o.globalKind;
        globalFrom = o.globalFrom;
        globalTo = o.globalTo;
        globalStartedMicros = o.globalStartedMicros;
        globalOutageStartedMicros = o.globalOutageStartedMicros;
        globalLostBefore = o.globalLostBefore;
        globalRpoMicros = o.globalRpoMicros;
        globalRecoverySnapshot = o.globalRecoverySnapshot;
        globalVdl = o.globalVdl;
        managedRpoSeconds = o.managedRpoSeconds;
        commitsBlocked = o.commitsBlocked;
        splitBrain = o.splitBrain;
        truncations = o.truncations;
        history = o.history.copy();
    }

    EngineState(ClusterSpec spec) {
        this.spec = spec;
        this.random = new RandomStreams(spec.seed());
        this.queue = new Scheduler<>();
        this.events = new ArrayList<>();
        this.eventCauses = new ArrayList<>();
        this.causes = new LinkedHashMap<>();
        this.ledger = new CommitLedger(ModelValues.RECORDS_PER_WRITE, ModelValues.BOXCAR_WINDOW_MICROS);
        this.lsnWait = new LsnWaitQueue();
        this.commitLatency = new LatencyHistogram();
        this.history = new DurableHistory();
        this.writesPerSecond = spec.writesPerSecond();
        this.readsPerSecond = spec.readsPerSecond();
    }
}
