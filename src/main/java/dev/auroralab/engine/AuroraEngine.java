package dev.auroralab.engine;

import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.cluster.PromotionPolicy;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.sim.RandomStreams;
import dev.auroralab.engine.sim.Scheduler;
import dev.auroralab.engine.sim.SimEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.storage.CommitLedger;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.ProtectionGroup.Slot;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.SegmentState;
import dev.auroralab.engine.storage.StorageNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The simulated Aurora cluster: one region, three AZs, a six-copy quorum volume, a writer and up to 15 replicas.
 *
 * <p>Three verbs: {@link #apply(Command)} changes the cluster now, {@link #advanceTo(long)} / {@link #step()} run
 * simulated time forward, {@link #snapshot()} returns the whole state, immutable. Everything is driven by one seeded
 * {@link Scheduler}; nothing reads the wall clock, so the same spec, seed and commands give the same run, byte for byte.
 *
 * <p>The write path follows P17 §3-4 and P18 §2: the writer allocates LSNs, sends one boxcar per PG per window to all
 * copies, each copy persists and acknowledges with its SCL, the writer advances PGCL at 4 of 6 (the AND of the quorum
 * terms during a membership change), VCL across the volume, VDL at the highest CPL at or below VCL, and acknowledges a
 * commit once VDL reaches it. Reads use read-point = VDL and one copy that holds it; quorum reads happen only in crash
 * recovery. docs/model.md maps every mechanism here to its source and says what is simplified.
 */
public final class AuroraEngine {

    private final ClusterSpec spec;
    private final RandomStreams random;
    private final Scheduler<SimEvent> scheduler = new Scheduler<>();
    private final List<AuroraEvent> events = new ArrayList<>();
    private final List<Consumer<AuroraEvent>> listeners = new ArrayList<>();

    // ---- topology -------------------------------------------------------------------------------------------------
    /** Every region: the scenario's primary first, then the secondaries in the scenario's order. */
    private final List<Region> regions = new ArrayList<>();
    private final Map<String, Region> regionByAz = new LinkedHashMap<>();
    /** The region the application's writes go to: the global primary, or a detached cluster. */
    private Region writeRegion;
    private final Set<String> downAzs = new LinkedHashSet<>();
    private final List<StorageNode> nodes = new ArrayList<>();
    private final Map<String, StorageNode> nodeById = new LinkedHashMap<>();
    private final Map<String, Slot> slotByAddress = new LinkedHashMap<>();
    private final List<Instance> instances = new ArrayList<>();
    private int instancesCreated;
    private int replacementsCreated;

    // ---- writer, LSNs, commits -----------------------------------------------------------------------------------
    /** The instance holding the writer role, possibly down (until a failover hands the role on); null when none. */
    private Instance writer;
    /** Where the cluster (writer) endpoint's DNS name points. */
    private String clusterEndpoint;
    /** Whether clients reach a recovered writer through the cluster endpoint, so writes can be accepted. */
    private boolean writerServing;
    private long volumeEpoch = 1;
    private final Map<Long, String> writerByEpoch = new LinkedHashMap<>();
    private long epochViolations;
    private final CommitLedger ledger = new CommitLedger(ModelValues.RECORDS_PER_WRITE,
            ModelValues.BOXCAR_WINDOW_MICROS);
    private long vcl;
    private long vdl;
    private long vdlReachedMicros;
    private long lastRedoVdl = -1;
    private boolean lalReported;

    // ---- workload and counters -----------------------------------------------------------------------------------
    private double writesPerSecond;
    private double readsPerSecond;
    private double writeCarry;
    private double readCarry;
    private long readTickCount;
    private long writesIssued;
    private long writesAcknowledged;
    private long writesFailed;
    private long acknowledgedLost;
    private long readsIssued;
    private long readsServed;
    private long readsFailed;
    private long writeDowntimeMicros;
    private long readDowntimeMicros;
    private final LatencyHistogram commitLatency = new LatencyHistogram();

    // ---- availability caches (for change events) -----------------------------------------------------------------
    private VolumeStatus volumeStatus = VolumeStatus.WRITABLE;
    private boolean writable = true;
    private String volumeReason = "";
    private final List<ReadRoute> lastWriterReadRoutes = new ArrayList<>();

    // ---- failover ------------------------------------------------------------------------------------------------
    private enum Phase { NONE, DETECTING, PROMOTING, RECOVERING, ENDPOINT_MOVING, RECREATING, WAITING_FOR_AZ,
        WAITING_FOR_QUORUM, SWITCHOVER_SYNC, SWITCHOVER_RECONFIGURING, GLOBAL_PROMOTING }

    private Phase phase = Phase.NONE;
    private int failoverGeneration;
    private String failoverFrom;
    private String failoverTo;
    private long failoverStartedMicros;
    private long failoverLostBefore;
    private final List<FailoverRecord> failovers = new ArrayList<>();
    private final Map<String, Integer> azOutageGeneration = new LinkedHashMap<>();

    // ---- Global Database ----------------------------------------------------------------------------------------
    /** The kind of the global operation in progress ("global-switchover", ...), or null. */
    private String globalKind;
    private String globalFrom;
    private String globalTo;
    private long globalStartedMicros;
    private long globalOutageStartedMicros;
    private long globalLostBefore;
    private long globalRpoMicros;
    /** The VDL of the Global Database's primary, frozen when a detach moves the writes elsewhere. */
    private long globalVdl;
    private long managedRpoSeconds;
    private boolean commitsBlocked;
    private boolean splitBrain;
    /** Bumped on every truncation, so a replication batch cut by it is dropped on arrival. */
    private int truncations;
    private final DurableHistory history = new DurableHistory();

    /** A read the writer routed to one copy: kept so the invariant checker can verify the copy held the read point. */
    public record ReadRoute(Segment segment, long readPoint, int neededBoxcar, long atMicros) {
    }

    public AuroraEngine(ClusterSpec spec) {
        this.spec = spec.validate();
        this.random = new RandomStreams(spec.seed());
        this.writesPerSecond = spec.writesPerSecond();
        this.readsPerSecond = spec.readsPerSecond();
        writeRegion = addRegion(new Region(spec.region(), spec.azs(), 0, Region.Role.PRIMARY), spec.instances(), "");
        for (ClusterSpec.SecondarySpec sec : spec.secondaries()) {
            addRegion(new Region(sec.region(), sec.azs(), sec.latencyMs() * 1000, Region.Role.SECONDARY),
                    sec.instances(), sec.region() + "/");
        }
        for (Instance i : instances) {
            if (i.role() == InstanceRole.WRITER) {
                writer = i;
            }
        }
        clusterEndpoint = writer.id();
        writerServing = true;
        writerByEpoch.put(volumeEpoch, writer.id());
        scheduler.schedule(0, this::onBoxcarWindow);
        scheduler.schedule(0, this::onReadTick);
        scheduler.schedule(ModelValues.BACKUP_STAGING_INTERVAL_MICROS, this::onBackupStaging);
        if (regions.size() > 1) {
            scheduler.schedule(ModelValues.GLOBAL_REPLICATION_BATCH_MICROS, this::onReplicationBatch);
        }
        refreshAvailability();
    }

    private Region addRegion(Region r, List<InstanceSpec> specs, String pgPrefix) {
        regions.add(r);
        for (String az : r.azs) {
            regionByAz.put(az, r);
        }
        buildStorage(r, pgPrefix);
        for (InstanceSpec is : specs) {
            InstanceRole role = is.role() == ClusterSpec.Role.WRITER ? InstanceRole.WRITER : InstanceRole.READER;
            instances.add(new Instance(is.id(), is.az(), role, is.tier(), is.instanceClass(), instancesCreated++));
        }
        return r;
    }

    /** Builds a region's storage nodes and volume; a secondary's PG ids carry its region ("eu-west-1/pg-0"). */
    private void buildStorage(Region r, String pgPrefix) {
        List<String> azs = r.azs;
        List<ProtectionGroup> pgs = r.pgs;
        int firstNode = nodes.size();
        for (String az : azs) {
            for (int k = 1; k <= ModelValues.STORAGE_NODES_PER_AZ; k++) {
                StorageNode n = new StorageNode("sn-" + az + "-" + k, az);
                nodes.add(n);
                nodeById.put(n.id(), n);
            }
        }
        int count = spec.protectionGroupCount();
        for (int p = 0; p < count; p++) {
            int size = Math.min(ModelValues.PROTECTION_GROUP_GIB,
                    Math.max(1, spec.volumeGiB() - p * ModelValues.PROTECTION_GROUP_GIB));
            ProtectionGroup pg = new ProtectionGroup(pgPrefix + "pg-" + p, p, size);
            int slot = 0;
            for (int a = 0; a < azs.size(); a++) {
                String az = azs.get(a);
                for (int copy = 1; copy <= 2; copy++) {
                    // two copies of a PG sit on distinct nodes of the AZ; PGs rotate over the nodes
                    int nodeIndex = (2 * p + copy - 1) % ModelValues.STORAGE_NODES_PER_AZ;
                    StorageNode node = nodes.get(firstNode + a * ModelValues.STORAGE_NODES_PER_AZ + nodeIndex);
                    Segment s = pg.placeInitial(slot++, az, copy, node);
                    slotByAddress.put(s.id(), pg.slot(s.slot()));
                    if (pgPrefix.isEmpty()) {
                        // the scenario's primary: the long form REGION/PG/AZ/COPY names its copies too
                        slotByAddress.put(r.name + "/" + s.id(), pg.slot(s.slot()));
                    }
                    s.setVolumeEpoch(volumeEpoch);
                }
            }
            pgs.add(pg);
        }
        r.pgWriteQuorum = new boolean[count];
        r.pgReadQuorum = new boolean[count];
        java.util.Arrays.fill(r.pgWriteQuorum, true);
        java.util.Arrays.fill(r.pgReadQuorum, true);
    }

    /** The volume of the region the writes go to. */
    private List<ProtectionGroup> pgs() {
        return writeRegion.pgs;
    }

    private List<ProtectionGroup> allPgs() {
        if (regions.size() == 1) {
            return writeRegion.pgs;
        }
        List<ProtectionGroup> out = new ArrayList<>();
        for (Region r : regions) {
            out.addAll(r.pgs);
        }
        return out;
    }

    private Region regionOf(Instance i) {
        return regionByAz.get(i.az());
    }

    private Region regionOf(Segment s) {
        return regionByAz.get(s.az());
    }

    private Region regionOf(ProtectionGroup pg) {
        return regionByAz.get(pg.slot(0).az());
    }

    private String regionNames() {
        return regions.size() == 1 ? "this region" : "any region (" + String.join(", ", names()) + ")";
    }

    private String noRegion(String name) {
        return "no region " + name + "; regions: " + String.join(", ", names());
    }

    private Region region(String name) {
        for (Region r : regions) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        return null;
    }

    // =================================================================================================================
    // The three verbs
    // =================================================================================================================

    public long nowMicros() {
        return scheduler.nowMicros();
    }

    /** Fires every event up to and including {@code timeMicros}, then sets the clock there. */
    public void advanceTo(long timeMicros) {
        while (scheduler.peekTimeMicros() <= timeMicros) {
            scheduler.poll().fire();
        }
        scheduler.advanceClockTo(timeMicros);
    }

    /** Fires the next scheduled event (internal traffic included). */
    public boolean step() {
        SimEvent e = scheduler.poll();
        if (e == null) {
            return false;
        }
        e.fire();
        return true;
    }

    /** Time of the next scheduled event. */
    public long nextEventMicros() {
        return scheduler.peekTimeMicros();
    }

    public long firedEventCount() {
        return scheduler.firedCount();
    }

    public List<AuroraEvent> events() {
        return List.copyOf(events);
    }

    public void addListener(Consumer<AuroraEvent> listener) {
        listeners.add(listener);
    }

    public ClusterSpec spec() {
        return spec;
    }

    public CommandResult apply(Command command) {
        CommandResult r = dispatch(command);
        if (!r.accepted()) {
            emit(new CommandRejected(now(), command.describe(), r.message()));
        }
        refreshAvailability();
        return r;
    }

    private CommandResult dispatch(Command command) {
        if (command instanceof Command.FailInstance c) {
            return failInstance(c.instanceId());
        } else if (command instanceof Command.RestoreInstance c) {
            return restoreInstance(c.instanceId());
        } else if (command instanceof Command.FailAvailabilityZone c) {
            return failAz(c.az());
        } else if (command instanceof Command.RestoreAvailabilityZone c) {
            return restoreAz(c.az());
        } else if (command instanceof Command.FailSegment c) {
            return failSegment(c.address());
        } else if (command instanceof Command.RestoreSegment c) {
            return restoreSegment(c.address());
        } else if (command instanceof Command.DestroySegment c) {
            return destroySegment(c.address());
        } else if (command instanceof Command.FailStorageNode c) {
            return setNodeFailed(c.nodeId(), true);
        } else if (command instanceof Command.RestoreStorageNode c) {
            return setNodeFailed(c.nodeId(), false);
        } else if (command instanceof Command.Failover c) {
            return manualFailover(c.targetInstanceId());
        } else if (command instanceof Command.AddReplica c) {
            return addReplica(c);
        } else if (command instanceof Command.RemoveReplica c) {
            return removeReplica(c.instanceId());
        } else if (command instanceof Command.SetPromotionTier c) {
            return setTier(c.instanceId(), c.tier());
        } else if (command instanceof Command.SetWorkload c) {
            return setWorkload(c.writesPerSecond(), c.readsPerSecond());
        } else if (command instanceof Command.FailRegion c) {
            return failRegion(c.region());
        } else if (command instanceof Command.RestoreRegion c) {
            return restoreRegion(c.region());
        } else if (command instanceof Command.Switchover c) {
            return switchover(c.region());
        } else if (command instanceof Command.FailoverGlobal c) {
            return promoteSecondary(c.region(), "global-failover");
        } else if (command instanceof Command.DetachAndPromote c) {
            return promoteSecondary(c.region(), "detach-and-promote");
        } else if (command instanceof Command.SetWriteForwarding c) {
            return setWriteForwarding(c.region(), c.consistency());
        } else if (command instanceof Command.SetManagedRpo c) {
            return setManagedRpo(c.seconds());
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    // =================================================================================================================
    // Write path
    // =================================================================================================================

    private long[] firstOfPg = new long[0];
    private long[] lastOfPg = new long[0];
    private int[] countOfPg = new int[0];

    private void onBoxcarWindow() {
        long now = now();
        long window = ModelValues.BOXCAR_WINDOW_MICROS;
        double want = writesPerSecond * window / 1e6 + writeCarry;
        int n = (int) want;
        writeCarry = want - n;
        int forwarded = forwardedWritesWaiting();
        n += forwarded;
        if (n > 0) {
            writesIssued += n;
            if (!writerAcceptsWrites()) {
                writesFailed += n;
                failForwardedWrites();
            } else if (!ledger.fitsUnderAllocationLimit(n, vdl, ModelValues.LSN_ALLOCATION_LIMIT)) {
                // P17 §4.2.1: back-pressure; the model fails the writes the client could not get an LSN for
                writesFailed += n;
                failForwardedWrites();
                if (!lalReported) {
                    lalReported = true;
                    emit(new LsnAllocationLimitReached(now, vdl, ledger.allocationLimit(vdl, ModelValues.LSN_ALLOCATION_LIMIT)));
                    refreshAvailability();
                }
            } else {
                if (lalReported) {
                    lalReported = false;
                    refreshAvailability();
                }
                issueWindow(n, now);
                if (forwarded > 0) {
                    allocateForwardedWrites();
                }
            }
        }
        if (regions.size() > 1) {
            onGlobalWindow();
        }
        if (writerServing && writer != null && vdl > lastRedoVdl) {
            sendRedo();
        }
        if (!writable) {
            writeDowntimeMicros += window;
        }
        scheduler.scheduleAfter(window, this::onBoxcarWindow);
    }

    private boolean writerAcceptsWrites() {
        return writerServing && writer != null && writer.up();
    }

    private void issueWindow(int txns, long now) {
        // these writes arrived during the window that closes now
        long first = ledger.allocate(txns, Math.max(0, now - ModelValues.BOXCAR_WINDOW_MICROS));
        int records = txns * ledger.recordsPerTxn();
        int p = pgs().size();
        if (countOfPg.length != p) {
            firstOfPg = new long[p];
            lastOfPg = new long[p];
            countOfPg = new int[p];
        }
        java.util.Arrays.fill(countOfPg, 0);
        if (p == 1) {
            countOfPg[0] = records;
            firstOfPg[0] = first;
            lastOfPg[0] = first + records - 1;
        } else {
            // each record changes a page of one PG, chosen at random (the workload stream)
            for (int r = 0; r < records; r++) {
                int g = random.workload.nextInt(p);
                long lsn = first + r;
                if (countOfPg[g]++ == 0) {
                    firstOfPg[g] = lsn;
                }
                lastOfPg[g] = lsn;
            }
        }
        for (int g = 0; g < p; g++) {
            if (countOfPg[g] == 0) {
                continue;
            }
            ProtectionGroup pg = pgs().get(g);
            int index = pg.log().append(firstOfPg[g], lastOfPg[g]);
            sendBoxcar(pg, index, now);
        }
    }

    private void sendBoxcar(ProtectionGroup pg, int index, long now) {
        for (Segment s : pg.allCopies()) {
            if (s.state().accepting() && !s.retired()) {
                long arrives = now + hop(writer.az(), s.az()) + ModelValues.SEGMENT_PERSIST_MICROS;
                scheduler.schedule(arrives, new BoxcarDelivery(s, index, writer.id(), writer.az(), volumeEpoch, now,
                        arrives));
            }
        }
    }

    /** A boxcar on its way from the writer to one copy; persisted and acknowledged on arrival. */
    public final class BoxcarDelivery implements SimEvent {
        final Segment segment;
        final int boxcar;
        final String writerId;
        final String writerAz;
        final long epoch;
        final long sentMicros;
        final long arrivesMicros;

        BoxcarDelivery(Segment segment, int boxcar, String writerId, String writerAz, long epoch, long sent,
                long arrives) {
            this.segment = segment;
            this.boxcar = boxcar;
            this.writerId = writerId;
            this.writerAz = writerAz;
            this.epoch = epoch;
            this.sentMicros = sent;
            this.arrivesMicros = arrives;
        }

        @Override
        public void fire() {
            Segment s = segment;
            if (!s.state().accepting() || s.retired() || !reachable(s)) {
                return; // lost on the wire: the copy is out
            }
            if (epoch < s.volumeEpoch()) {
                emit(new StaleWriteRejected(now(), s.id(), writerId, epoch, s.volumeEpoch()));
                return;
            }
            if (s.pg().log().isTruncated(boxcar)) {
                return;
            }
            if (epoch > s.volumeEpoch()) {
                s.setVolumeEpoch(epoch);
            }
            String prior = writerByEpoch.putIfAbsent(epoch, writerId);
            if (prior != null && !prior.equals(writerId)) {
                epochViolations++;
            }
            int prefix = s.receive(boxcar);
            long arrives = now() + hop(s.az(), writerAz);
            scheduler.schedule(arrives, new AckDelivery(s, prefix, writerId, epoch, now(), arrives));
        }
    }

    /** A copy's acknowledgement, carrying its SCL (as the boxcar index of its complete prefix). */
    public final class AckDelivery implements SimEvent {
        final Segment segment;
        final int prefix;
        final String writerId;
        final long epoch;
        final long sentMicros;
        final long arrivesMicros;

        AckDelivery(Segment segment, int prefix, String writerId, long epoch, long sent, long arrives) {
            this.segment = segment;
            this.prefix = prefix;
            this.writerId = writerId;
            this.epoch = epoch;
            this.sentMicros = sent;
            this.arrivesMicros = arrives;
        }

        @Override
        public void fire() {
            if (writer == null || !writer.id().equals(writerId) || epoch != volumeEpoch || !writer.up()) {
                return; // the writer that sent the boxcar is gone or fenced
            }
            if (prefix > segment.ackedPrefix()) {
                segment.setAckedPrefix(prefix);
                onAcknowledged(segment.pg());
            }
        }
    }

    private void onAcknowledged(ProtectionGroup pg) {
        int candidate = pg.quorumAckedPrefix();
        if (candidate <= pg.pgclBoxcar()) {
            return; // PGCL never moves back: what reached quorum stays durable
        }
        pg.setPgclBoxcar(candidate);
        advanceVolumeDurableLsn();
    }

    /** VCL = no record at or below it is missing a quorum anywhere; VDL = highest CPL at or below VCL (P17 §4.1). */
    private void advanceVolumeDurableLsn() {
        long limit = ProtectionGroup.volumeCompleteLsn(pgs(), ledger.maxAllocatedLsn());
        if (limit > vcl) {
            vcl = limit;
        }
        long newVdl = ledger.highestCplAtOrBelow(vcl);
        if (newVdl > vdl) {
            vdl = newVdl;
            vdlReachedMicros = now();
            if (writeRegion.role == Region.Role.PRIMARY) {
                globalVdl = vdl;
                if (regions.size() > 1) {
                    history.record(vdl, vdlReachedMicros);
                }
            }
            acknowledgeCommits();
        }
    }

    /** Acknowledges the commits VDL has reached, unless the managed RPO holds them back. */
    private void acknowledgeCommits() {
        if (!commitsBlocked) {
            writesAcknowledged += ledger.acknowledgeUpTo(vdl, now(), commitLatency);
            if (regions.size() > 1) {
                onForwardedWritesAcknowledged();
            }
        }
    }

    // ---- redo stream to replicas ----------------------------------------------------------------------------------

    private void sendRedo() {
        lastRedoVdl = vdl;
        long lag = replicaLagModelMicros();
        for (Instance r : instances) {
            if (r.role() == InstanceRole.READER && r.up() && regionOf(r) == writeRegion) {
                long arrives = now() + hop(writer.az(), r.az());
                long applyAt = Math.max(arrives, vdlReachedMicros + lag);
                scheduler.schedule(applyAt, new RedoApply(r, r.generation(), vdl, vdlReachedMicros, now(), applyAt,
                        writer.id()));
            }
        }
    }

    /** P17 Table 4 fit: a few ms at 1-10K writes/s, growing with the write rate (see ModelValues). */
    private long replicaLagModelMicros() {
        return ModelValues.REPLICA_LAG_BASE_MICROS
                + Math.round(ModelValues.REPLICA_LAG_MICROS_PER_WRITE_PER_SECOND * writesPerSecond);
    }

    /** The writer's redo for records up to {@code vdl}, applied by one replica. */
    public final class RedoApply implements SimEvent {
        final Instance replica;
        final int generation;
        final long vdlCarried;
        final long vdlAtMicros;
        final long sentMicros;
        final long appliesMicros;
        final String from;

        RedoApply(Instance replica, int generation, long vdl, long vdlAt, long sent, long applies, String from) {
            this.replica = replica;
            this.generation = generation;
            this.vdlCarried = vdl;
            this.vdlAtMicros = vdlAt;
            this.sentMicros = sent;
            this.appliesMicros = applies;
            this.from = from;
        }

        @Override
        public void fire() {
            if (replica.generation() == generation && replica.up() && replica.role() == InstanceRole.READER
                    && vdlCarried <= vdl) {
                replica.applied(vdlCarried, now() - vdlAtMicros);
            }
        }
    }

    // =================================================================================================================
    // Read path
    // =================================================================================================================

    private void onReadTick() {
        long tick = ModelValues.READ_TICK_MICROS;
        double want = readsPerSecond * tick / 1e6 + readCarry;
        long n = (long) want;
        readCarry = want - n;
        readsIssued += n;
        List<Instance> targets = readerEndpointTargets();
        lastWriterReadRoutes.clear();
        boolean anyTargetReadsAll = false;
        if (targets.isEmpty()) {
            readsFailed += n;
        } else {
            int[] bestPrefix = reachablePrefixes();
            int t = targets.size();
            int p = pgs().size();
            for (int k = 0; k < t; k++) {
                Instance target = targets.get((int) ((k + readTickCount) % t));
                long share = n / t + (k < n % t ? 1 : 0);
                long readPoint = readPointOf(target);
                int pgsOk = 0;
                for (int g = 0; g < p; g++) {
                    int needed = pgs().get(g).log().lastIndexAtOrBelow(readPoint);
                    if (needed < 0 || bestPrefix[g] >= needed) {
                        pgsOk++;
                        if (target == writer) {
                            routeWriterRead(pgs().get(g), readPoint, needed);
                        }
                    }
                }
                long served = share * pgsOk / p;
                readsServed += served;
                readsFailed += share - served;
                anyTargetReadsAll |= pgsOk == p;
            }
        }
        readTickCount++;
        if (!anyTargetReadsAll) {
            readDowntimeMicros += tick;
        }
        refreshAvailability(anyTargetReadsAll);
        scheduler.scheduleAfter(tick, this::onReadTick);
    }

    private long readPointOf(Instance target) {
        return target == writer ? vdl : target.appliedLsn();
    }

    /** The reader endpoint spreads connections over the replicas that are up; with none, it resolves to the writer. */
    private List<Instance> readerEndpointTargets() {
        List<Instance> out = new ArrayList<>();
        for (Instance i : instances) {
            if (i.role() == InstanceRole.READER && i.up() && regionOf(i) == writeRegion) {
                out.add(i);
            }
        }
        if (out.isEmpty() && writerAcceptsWrites()) {
            out.add(writer);
        }
        return out;
    }

    /** Per PG, the longest complete prefix among copies a read can reach now (-1 when none). */
    private int[] reachablePrefixes() {
        int[] best = new int[pgs().size()];
        for (int g = 0; g < pgs().size(); g++) {
            best[g] = prefixOf(pgs().get(g).mostCompleteReadable(null));
        }
        return best;
    }

    private static int prefixOf(Segment s) {
        return s == null ? -1 : s.prefix();
    }

    /** Picks the closest copy holding the read point (same AZ first), as the writer's read of one page would. */
    private void routeWriterRead(ProtectionGroup pg, long readPoint, int needed) {
        Segment chosen = null;
        for (Segment s : pg.allCopies()) {
            if (s.servesReads() && (needed < 0 || s.holdsAllUpTo(needed))) {
                if (chosen == null || (s.az().equals(writer.az()) && !chosen.az().equals(writer.az()))) {
                    chosen = s;
                }
            }
        }
        if (chosen != null) {
            lastWriterReadRoutes.add(new ReadRoute(chosen, readPoint, needed, now()));
        }
    }

    /** Whether a client read through the reader endpoint can be served for every PG right now. */
    private boolean readableNow() {
        List<Instance> targets = readerEndpointTargets();
        if (targets.isEmpty()) {
            return false;
        }
        int[] best = reachablePrefixes();
        for (Instance t : targets) {
            long readPoint = readPointOf(t);
            boolean all = true;
            for (int g = 0; g < pgs().size() && all; g++) {
                int needed = pgs().get(g).log().lastIndexAtOrBelow(readPoint);
                all = needed < 0 || best[g] >= needed;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    // =================================================================================================================
    // Storage faults, gossip and repair
    // =================================================================================================================

    private boolean reachable(Segment s) {
        return s.state() != SegmentState.DESTROYED && !s.failedByUser() && !s.node().failed()
                && !downAzs.contains(s.az());
    }

    private CommandResult failSegment(String address) {
        Slot slot = slotByAddress.get(address);
        if (slot == null) {
            return CommandResult.rejected("no segment at address " + address);
        }
        Segment s = slot.current();
        if (s.state() == SegmentState.DESTROYED) {
            return CommandResult.rejected(address + " is destroyed");
        }
        if (s.failedByUser()) {
            return CommandResult.rejected(address + " is already failed");
        }
        s.setFailedByUser(true);
        boolean changed = refreshSegment(s);
        if (changed) {
            emit(new SegmentFailed(now(), s.id(), s.pg().id()));
        }
        return CommandResult.ok(changed ? address + " is down" : address + " will stay down when its node returns");
    }

    private CommandResult restoreSegment(String address) {
        Slot slot = slotByAddress.get(address);
        if (slot == null) {
            return CommandResult.rejected("no segment at address " + address);
        }
        Segment s = slot.current();
        if (s.state() == SegmentState.DESTROYED) {
            return CommandResult.rejected(address + " was destroyed; storage replaces it on its own");
        }
        if (!s.failedByUser()) {
            return CommandResult.rejected(address + " is not failed");
        }
        s.setFailedByUser(false);
        boolean changed = refreshSegment(s);
        if (changed) {
            emit(new SegmentRestored(now(), s.id()));
        }
        return CommandResult.ok(changed ? address + " is back" : address + " stays down while its node or AZ is out");
    }

    private CommandResult destroySegment(String address) {
        Slot slot = slotByAddress.get(address);
        if (slot == null) {
            return CommandResult.rejected("no segment at address " + address);
        }
        Segment s = slot.current();
        if (s.state() == SegmentState.DESTROYED) {
            return CommandResult.rejected(address + " is already destroyed");
        }
        s.setState(SegmentState.DESTROYED);
        s.wipe();
        emit(new SegmentDestroyed(now(), s.id(), s.pg().id()));
        checkForDataLoss(s.pg());
        scheduleRepairCheck(s);
        return CommandResult.ok(address + " destroyed");
    }

    private CommandResult setNodeFailed(String nodeId, boolean failed) {
        StorageNode node = nodeById.get(nodeId);
        if (node == null) {
            return CommandResult.rejected("no storage node " + nodeId);
        }
        if (node.failed() == failed) {
            return CommandResult.rejected(nodeId + (failed ? " is already failed" : " is not failed"));
        }
        node.setFailed(failed);
        int changed = 0;
        for (ProtectionGroup pg : regionByAz.get(node.az()).pgs) {
            for (Segment s : pg.allCopies()) {
                if (s.node() == node && refreshSegment(s)) {
                    changed++;
                }
            }
        }
        emit(failed ? new StorageNodeFailed(now(), nodeId, changed) : new StorageNodeRestored(now(), nodeId));
        return CommandResult.ok(nodeId + (failed ? " failed" : " restored"));
    }

    /**
     * Brings a copy's state in line with its reachability. Returns whether it changed between down and up.
     */
    private boolean refreshSegment(Segment s) {
        if (s.state() == SegmentState.DESTROYED || s.retired()) {
            return false;
        }
        boolean r = reachable(s);
        Slot slot = s.pg().slot(s.slot());
        if (!r && s.state() != SegmentState.DOWN) {
            if (s.state() == SegmentState.REPLACING) {
                // a new copy that loses its node before it is filled is simply dropped
                dropReplacement(slot);
                return true;
            }
            s.setState(SegmentState.DOWN);
            scheduleRepairCheck(s);
            return true;
        }
        if (r && s.state() == SegmentState.DOWN) {
            s.applyTruncation();
            s.setCatchUpTarget(s.pg().log().size() - 1);
            s.setState(s.prefix() >= s.catchUpTarget() ? SegmentState.UP : SegmentState.CATCHING_UP);
            if (slot.current() == s && slot.replacement() != null) {
                Segment g = s.pg().rollBackReplacement(slot);
                g.retire();
                emit(new MembershipChangeRolledBack(now(), s.pg().id(), s.id(), g.id(), s.pg().membershipEpoch()));
            }
            scheduleGossip(s.pg());
            return true;
        }
        return false;
    }

    private void dropReplacement(Slot slot) {
        ProtectionGroup pg = slot.current().pg();
        Segment g = pg.rollBackReplacement(slot);
        g.setState(SegmentState.DOWN);
        g.retire();
        emit(new MembershipChangeRolledBack(now(), pg.id(), slot.current().id(), g.id(), pg.membershipEpoch()));
        scheduleRepairCheck(slot.current());
    }

    private void scheduleGossip(ProtectionGroup pg) {
        if (regionOf(pg).gossipScheduled.add(pg)) {
            scheduler.scheduleAfter(ModelValues.GOSSIP_INTERVAL_MICROS, () -> onGossip(pg));
        }
    }

    /** P18 §2.2: a copy with holes fetches the missing records from a peer that has them. */
    private void onGossip(ProtectionGroup pg) {
        Region region = regionOf(pg);
        region.gossipScheduled.remove(pg);
        boolean stillBehind = false;
        for (Segment s : pg.allCopies()) {
            if (s.state() != SegmentState.CATCHING_UP || s.retired()) {
                continue;
            }
            Segment peer = pg.mostCompleteReadable(s);
            if (peer != null && peer.prefix() > s.prefix()) {
                int upTo = Math.min(peer.prefix(),
                        Math.min(s.catchUpTarget(), s.prefix() + ModelValues.GOSSIP_BATCHES_PER_ROUND));
                s.fillUpTo(upTo);
            }
            if (s.prefix() >= s.catchUpTarget()) {
                s.setState(SegmentState.UP);
                emit(new SegmentCaughtUp(now(), s.id(), s.scl()));
                maybeLeaveDegradedModel(pg);
            } else {
                stillBehind = true;
            }
        }
        if (stillBehind) {
            scheduleGossip(pg);
        }
        if (region != writeRegion) {
            onSecondaryPgChanged(region, pg);
        }
        refreshAvailability();
    }

    private void scheduleRepairCheck(Segment s) {
        int generation = s.generation();
        scheduler.scheduleAfter(ModelValues.SEGMENT_FAILURE_DETECTION_MICROS, () -> onRepairCheck(s, generation));
    }

    /**
     * After the detection delay, storage replaces a copy that is still gone with a new one on another node of the same
     * AZ (AZ-aware placement), through the membership change of P18 §4. Copies in an AZ that is out are not replaced:
     * the degraded quorum model covers a long AZ outage (see ModelValues.AZ_OUTAGE_DEGRADE_AFTER_MICROS).
     */
    private void onRepairCheck(Segment s, int generation) {
        if (s.generation() != generation || s.retired()) {
            return;
        }
        if (s.state() != SegmentState.DOWN && s.state() != SegmentState.DESTROYED) {
            return;
        }
        Slot slot = s.pg().slot(s.slot());
        if (slot.current() != s || slot.replacement() != null || downAzs.contains(s.az())) {
            return;
        }
        StorageNode node = replacementNode(s.pg(), s.az());
        if (node == null) {
            scheduleRepairCheck(s); // no healthy node free in this AZ now: try again later
            return;
        }
        ProtectionGroup pg = s.pg();
        Segment g = pg.beginReplacement(slot, node, ++replacementsCreated);
        g.setVolumeEpoch(volumeEpoch);
        emit(new MembershipChangeStarted(now(), pg.id(), s.id(), g.id(), pg.membershipEpoch(),
                String.join(" AND ", quorumSet(pg, true)), String.join(" OR ", quorumSet(pg, false))));
        long hydrate = pg.sizeGiB() * ModelValues.REPAIR_MICROS_PER_GIB;
        scheduler.scheduleAfter(hydrate, () -> onHydrated(pg, slot, g));
        refreshAvailability();
    }

    private StorageNode replacementNode(ProtectionGroup pg, String az) {
        StorageNode best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (StorageNode n : nodes) {
            if (!n.az().equals(az) || n.failed()) {
                continue;
            }
            boolean hostsCopy = false;
            for (Segment c : pg.allCopies()) {
                hostsCopy |= c.node() == n && !c.retired() && c.state() != SegmentState.DESTROYED;
            }
            if (hostsCopy) {
                continue;
            }
            int load = 0;
            for (ProtectionGroup other : regionByAz.get(az).pgs) {
                for (Segment c : other.allCopies()) {
                    if (c.node() == n && !c.retired()) {
                        load++;
                    }
                }
            }
            if (load < bestLoad) {
                best = n;
                bestLoad = load;
            }
        }
        return best;
    }

    /** The new copy has been filled from a peer at the repair rate (P17 §2.2): the change commits if F is still gone. */
    private void onHydrated(ProtectionGroup pg, Slot slot, Segment g) {
        if (slot.replacement() != g) {
            return; // rolled back meanwhile
        }
        Segment source = pg.mostCompleteReadable(g);
        if (source != null && source.prefix() >= pg.pgclBoxcar()) {
            g.fillUpTo(source.prefix());
        } else if (pg.allCopies().stream().noneMatch(Segment::survives)) {
            // every copy is destroyed: restore from the continuous backup in S3 (P17 Fig. 4 step 6); a secondary's
            // copy is sent again by the primary region instead
            g.fillUpTo(regionOf(pg) == writeRegion ? pg.stagedBoxcar() : pg.log().size() - 1);
        } else {
            // what is durable lives only on copies that are out: a new copy filled now would miss it, so wait
            scheduler.scheduleAfter(1_000_000, () -> onHydrated(pg, slot, g));
            return;
        }
        g.setState(SegmentState.UP);
        emit(new SegmentHydrated(now(), g.id(), g.scl()));
        Segment old = pg.commitReplacement(slot);
        old.retire();
        emit(new MembershipChangeCommitted(now(), pg.id(), old.id(), g.id(), pg.membershipEpoch()));
        maybeLeaveDegradedModel(pg);
        if (regionOf(pg) != writeRegion) {
            onSecondaryPgChanged(regionOf(pg), pg);
        }
        refreshAvailability();
    }

    /** The longest complete prefix held by a copy that still exists (reachable or not). */
    private static int survivingPrefix(ProtectionGroup pg) {
        int best = -1;
        for (Segment s : pg.allCopies()) {
            if (s.survives()) {
                best = Math.max(best, s.prefix());
            }
        }
        return best;
    }

    /**
     * After a destroy: if no copy that still exists holds what the writer acknowledged, those writes are gone. The
     * volume is cut back to what survives (the most complete remaining copy, or the S3 backup) and every acknowledged
     * commit above is counted as lost: the model never hides a loss.
     */
    private void checkForDataLoss(ProtectionGroup pg) {
        if (regionOf(pg) != writeRegion) {
            return; // no acknowledged write depends on a secondary's copy: the primary sends it again
        }
        // everything at or below PGCL is durable (acknowledged or about to be): it must survive somewhere
        int needed = pg.pgclBoxcar();
        if (needed < 0) {
            return;
        }
        int available = Math.max(pg.stagedBoxcar(), survivingPrefix(pg));
        if (available >= needed) {
            return;
        }
        long cut = ledger.highestCplAtOrBelow(Math.min(vcl, pg.log().completeThrough(available)));
        long lost = truncateVolume(cut);
        if (lost > 0) {
            emit(new AcknowledgedWritesLost(now(), lost, pg.id() + " has no copy left holding its acknowledged data"));
        }
    }

    /** Cuts the volume back to {@code cut}: pending commits fail, acknowledged ones above are lost. */
    private long truncateVolume(long cut) {
        writesFailed += ledger.failPending();
        long truncationEnd = Math.max(cut + ModelValues.LSN_ALLOCATION_LIMIT, ledger.maxAllocatedLsn());
        long lost = ledger.truncateAbove(cut, truncationEnd);
        acknowledgedLost += lost;
        truncations++;
        for (ProtectionGroup pg : allPgs()) {
            pg.log().truncateAbove(cut);
            for (Segment s : pg.allCopies()) {
                s.applyTruncation();
                s.setAckedPrefix(Math.min(s.ackedPrefix(), s.prefix()));
            }
            int last = pg.log().lastIndexAtOrBelow(cut);
            pg.setPgclBoxcar(Math.min(pg.pgclBoxcar(), last));
        }
        vcl = Math.min(vcl, cut);
        vdl = Math.min(vdl, cut);
        globalVdl = Math.min(globalVdl, cut);
        lastRedoVdl = Math.min(lastRedoVdl, vdl);
        for (Region r : regions) {
            // what a secondary held above the cut is void too: it resumes from there
            r.receivedLsn = Math.min(r.receivedLsn, cut);
            r.shippedLsn = Math.min(r.shippedLsn, cut);
            r.durableLsn = Math.min(r.durableLsn, cut);
            r.probeWaitingForAck = false;
        }
        history.truncateAbove(cut);
        for (Instance i : instances) {
            if (i.appliedLsn() > cut) {
                i.resetApplied(cut);
            }
        }
        return lost;
    }

    private void onBackupStaging() {
        for (ProtectionGroup pg : pgs()) {
            // only what a surviving copy holds can be staged
            int stageable = Math.min(pg.pgclBoxcar(), survivingPrefix(pg));
            pg.setStagedBoxcar(Math.max(pg.stagedBoxcar(), stageable));
        }
        scheduler.scheduleAfter(ModelValues.BACKUP_STAGING_INTERVAL_MICROS, this::onBackupStaging);
    }

    // ---- whole AZ -------------------------------------------------------------------------------------------------

    private CommandResult failAz(String az) {
        Region region = regionByAz.get(az);
        if (region == null) {
            return CommandResult.rejected("no AZ " + az + " in " + regionNames());
        }
        if (downAzs.contains(az)) {
            return CommandResult.rejected("AZ " + az + " is already out");
        }
        int[] down = takeAzDown(region, az);
        emit(new AvailabilityZoneFailed(now(), az, down[0], down[1]));
        int generation = azOutageGeneration.merge(az, 1, Integer::sum);
        scheduler.scheduleAfter(ModelValues.AZ_OUTAGE_DEGRADE_AFTER_MICROS, () -> onLongAzOutage(az, generation));
        return CommandResult.ok("AZ " + az + " is out");
    }

    /** Takes an AZ's instances and copies down. Returns {instances, copies} that went down. */
    private int[] takeAzDown(Region region, String az) {
        downAzs.add(az);
        int instancesDown = 0;
        for (Instance i : instances) {
            if (i.az().equals(az) && i.status() != InstanceStatus.DOWN) {
                instancesDown++;
                markInstanceDown(i, false);
            }
        }
        int segmentsDown = 0;
        for (ProtectionGroup pg : region.pgs) {
            for (Segment s : pg.allCopies()) {
                if (s.az().equals(az) && refreshSegment(s)) {
                    segmentsDown++;
                }
            }
        }
        return new int[] {instancesDown, segmentsDown};
    }

    private CommandResult restoreAz(String az) {
        Region region = regionByAz.get(az);
        if (region == null) {
            return CommandResult.rejected("no AZ " + az + " in " + regionNames());
        }
        if (region.down) {
            return CommandResult.rejected("region " + region.name + " is out: restore the region");
        }
        if (!downAzs.contains(az)) {
            return CommandResult.rejected("AZ " + az + " is not out");
        }
        azOutageGeneration.merge(az, 1, Integer::sum);
        emit(new AvailabilityZoneRestored(now(), az));
        bringAzBack(region, az);
        return CommandResult.ok("AZ " + az + " is back");
    }

    private void bringAzBack(Region region, String az) {
        downAzs.remove(az);
        for (ProtectionGroup pg : region.pgs) {
            for (Segment s : pg.allCopies()) {
                if (s.az().equals(az)) {
                    refreshSegment(s);
                    if (s.state() == SegmentState.DESTROYED || s.state() == SegmentState.DOWN) {
                        scheduleRepairCheck(s);
                    }
                }
            }
            maybeLeaveDegradedModel(pg);
        }
        for (Instance i : new ArrayList<>(instances)) {
            if (i.az().equals(az) && i.status() == InstanceStatus.DOWN && !i.crashed()) {
                restartInstance(i);
            }
        }
    }

    /**
     * P18 §4.1: during a long AZ loss, the quorum model changes to 3 of the 4 copies left, where the group allows it
     * ({@link ProtectionGroup#mayEnterDegradedModel}); a group that cannot change now is looked at again every second
     * while the AZ stays out.
     */
    private void onLongAzOutage(String az, int generation) {
        if (!downAzs.contains(az) || azOutageGeneration.get(az) != generation) {
            return;
        }
        Region region = regionByAz.get(az);
        boolean onlyAzOut = region.onlyAzOut(az, downAzs);
        int changed = 0;
        boolean waiting = false;
        for (ProtectionGroup pg : region.pgs) {
            if (az.equals(pg.degradedExcludedAz())) {
                continue;
            }
            if (!pg.mayEnterDegradedModel(az, onlyAzOut)) {
                waiting = true;
                continue;
            }
            pg.enterDegradedModel(az);
            changed++;
        }
        if (changed > 0) {
            emit(new DegradedQuorumEntered(now(), az, changed));
            for (ProtectionGroup pg : region.pgs) {
                if (region == writeRegion) {
                    onAcknowledged(pg);
                } else {
                    onSecondaryPgChanged(region, pg);
                }
            }
        }
        if (waiting) {
            scheduler.scheduleAfter(ModelValues.AZ_OUTAGE_DEGRADE_RECHECK_MICROS,
                    () -> onLongAzOutage(az, generation));
        }
        refreshAvailability();
    }

    private void maybeLeaveDegradedModel(ProtectionGroup pg) {
        String az = pg.degradedExcludedAz();
        if (!pg.mayLeaveDegradedModel(az != null && downAzs.contains(az))) {
            return;
        }
        pg.leaveDegradedModel();
        boolean anyLeft = regionByAz.get(az).pgs.stream().anyMatch(o -> az.equals(o.degradedExcludedAz()));
        if (!anyLeft) {
            emit(new DegradedQuorumLeft(now(), az));
        }
    }

    // =================================================================================================================
    // Instances, failover, recovery
    // =================================================================================================================

    private Instance instance(String id) {
        for (Instance i : instances) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        return null;
    }

    private CommandResult failInstance(String id) {
        Instance i = instance(id);
        if (i == null) {
            return CommandResult.rejected("no instance " + id);
        }
        if (i.status() == InstanceStatus.DOWN) {
            return CommandResult.rejected(id + " is already down");
        }
        i.setCrashed(true);
        markInstanceDown(i, true);
        return CommandResult.ok(id + " is down");
    }

    private void markInstanceDown(Instance i, boolean logIt) {
        i.setStatus(InstanceStatus.DOWN);
        if (logIt || i == writer) {
            emit(new InstanceFailed(now(), i.id(), i.az(), i == writer ? "writer" : "replica"));
        }
        if ((phase == Phase.PROMOTING || phase == Phase.RECOVERING) && i.id().equals(failoverTo)
                && !i.id().equals(failoverFrom)) {
            // the replica being promoted, or the new writer still recovering, died too: choose again at once
            failoverGeneration++;
            String why = i == writer ? "the new writer failed during recovery"
                    : "the promotion target " + i.id() + " failed";
            if (writer == i) {
                writer = null;
            }
            i.setRole(InstanceRole.READER);
            startPromotion(null, why);
        } else if (i == writer) {
            onWriterLost();
        }
    }

    private void onWriterLost() {
        if (phase == Phase.SWITCHOVER_SYNC) {
            emit(new GlobalOperationCancelled(now(), globalKind, globalTo, "writer " + writer.id()
                    + " failed before " + globalTo + " was in sync; Aurora recovers the primary instead"));
            clearGlobalOperation();
            phase = Phase.NONE;
        }
        writesFailed += ledger.failPending();
        writerServing = false;
        if (phase == Phase.NONE) {
            startFailoverRecord(writer.id());
        }
        phase = Phase.DETECTING;
        int generation = ++failoverGeneration;
        scheduler.scheduleAfter(ModelValues.WRITER_FAILURE_DETECTION_MICROS, () -> {
            if (generation == failoverGeneration) {
                emit(new WriterFailureDetected(now(), failoverFrom));
                startPromotion(null, "writer failed");
            }
        });
    }

    private List<Instance> promotionCandidates() {
        return promotionCandidates(writeRegion);
    }

    /** The readers of a region that could take the writer role now: up, and not in an AZ that is out. */
    private List<Instance> promotionCandidates(Region r) {
        List<Instance> out = new ArrayList<>();
        for (Instance i : instances) {
            if (i.role() == InstanceRole.READER && i.up() && !downAzs.contains(i.az()) && regionOf(i) == r) {
                out.add(i);
            }
        }
        return out;
    }

    private void startPromotion(Instance target, String why) {
        Instance t = target != null ? target : PromotionPolicy.choose(promotionCandidates(), random.tieBreaks);
        int generation = ++failoverGeneration;
        if (t == null) {
            Instance old = instance(failoverFrom);
            if (old != null && old == writer && !downAzs.contains(old.az())) {
                phase = Phase.RECREATING;
                failoverTo = old.id();
                long ready = now() + ModelValues.WRITER_RECREATE_MICROS;
                old.setStatus(InstanceStatus.CREATING);
                emit(new WriterRecreationStarted(now(), old.id(), ready));
                int g = old.generation();
                scheduler.schedule(ready, () -> {
                    if (generation == failoverGeneration && old.generation() == g) {
                        old.setCrashed(false);
                        beginRecovery(old);
                    }
                });
            } else {
                phase = Phase.WAITING_FOR_AZ;
                failoverTo = null;
                emit(new NoWriterAvailable(now(), old == null || old != writer
                        ? "no replica is up to promote; add one or restore an instance"
                        : "no replica to promote and the writer's AZ " + old.az() + " is out"));
            }
            refreshAvailability();
            return;
        }
        phase = Phase.PROMOTING;
        failoverTo = t.id();
        if (writer != null && writer != t) {
            writer.setRole(InstanceRole.READER);
            writer = null;
        }
        t.setStatus(InstanceStatus.PROMOTING);
        emit(new FailoverStarted(now(), failoverFrom, t.id(), why));
        int g = t.generation();
        scheduler.scheduleAfter(ModelValues.INSTANCE_RESTART_MICROS, () -> {
            if (generation == failoverGeneration && t.generation() == g) {
                t.setRole(InstanceRole.WRITER);
                writer = t;
                emit(new WriterPromoted(now(), t.id()));
                beginRecovery(t);
            }
        });
        refreshAvailability();
    }

    private void beginRecovery(Instance w) {
        writer = w;
        w.setRole(InstanceRole.WRITER);
        w.setStatus(InstanceStatus.RECOVERING);
        failoverTo = w.id();
        int generation = ++failoverGeneration;
        String missing = pgWithoutReadQuorum();
        if (missing != null) {
            // crash recovery needs a read quorum of every PG (P17 §4.3): wait for one
            phase = Phase.WAITING_FOR_QUORUM;
            int g = w.generation();
            scheduler.scheduleAfter(1_000_000, () -> {
                if (generation == failoverGeneration && w.generation() == g) {
                    beginRecovery(w);
                }
            });
            refreshAvailability();
            return;
        }
        phase = Phase.RECOVERING;
        int g = w.generation();
        scheduler.scheduleAfter(ModelValues.CRASH_RECOVERY_MICROS, () -> {
            if (generation == failoverGeneration && w.generation() == g) {
                if (pgWithoutReadQuorum() != null) {
                    beginRecovery(w);
                    return;
                }
                runCrashRecovery(w);
                if (w.id().equals(clusterEndpoint)) {
                    writerServing = true;
                    completeFailover();
                } else {
                    phase = Phase.ENDPOINT_MOVING;
                    scheduler.scheduleAfter(ModelValues.ENDPOINT_DNS_TTL_MICROS, () -> {
                        if (generation == failoverGeneration && writer == w && w.up()) {
                            String from = clusterEndpoint;
                            clusterEndpoint = w.id();
                            writerServing = true;
                            emit(new ClusterEndpointMoved(now(), from, w.id()));
                            completeFailover();
                        }
                    });
                }
            }
        });
        refreshAvailability();
    }

    private String pgWithoutReadQuorum() {
        for (ProtectionGroup pg : pgs()) {
            if (!pg.readQuorumHeld()) {
                return pg.id();
            }
        }
        return null;
    }

    /**
     * P17 §4.3, P18 §2.4: reach a read quorum of every PG, recompute VCL and VDL from the copies' SCLs, truncate
     * everything above VDL (a truncation range up to VDL + LAL so late writes are ignored), and bump the volume epoch
     * on the copies so storage rejects the old writer.
     */
    private void runCrashRecovery(Instance w) {
        long limit = ledger.maxAllocatedLsn();
        for (ProtectionGroup pg : pgs()) {
            // the read quorum's most complete copy holds everything that reached a write quorum
            limit = Math.min(limit, pg.log().completeThrough(prefixOf(pg.mostCompleteReadable(null))));
        }
        long recoveredVdl = ledger.highestCplAtOrBelow(limit);
        long truncationEnd = Math.max(recoveredVdl + ModelValues.LSN_ALLOCATION_LIMIT, ledger.maxAllocatedLsn());
        long lostBefore = acknowledgedLost;
        truncateVolume(recoveredVdl);
        long lost = acknowledgedLost - lostBefore;
        if (lost > 0) {
            emit(new AcknowledgedWritesLost(now(), lost, "crash recovery found them on no reachable copy"));
        }
        volumeEpoch++;
        writerByEpoch.put(volumeEpoch, w.id());
        for (ProtectionGroup pg : pgs()) {
            for (Segment s : pg.allCopies()) {
                boolean r = s.servesReads();
                if (r) {
                    s.setVolumeEpoch(volumeEpoch);
                }
                s.setAckedPrefix(r ? s.prefix() : -1);
            }
            pg.setPgclBoxcar(Math.max(pg.pgclBoxcar(), pg.quorumAckedPrefix()));
        }
        vcl = recoveredVdl;
        vdl = recoveredVdl;
        vdlReachedMicros = now();
        lastRedoVdl = -1;
        lalReported = false;
        w.resetApplied(vdl);
        w.setStatus(InstanceStatus.UP);
        emit(new CrashRecoveryCompleted(now(), w.id(), vdl, truncationEnd, volumeEpoch));
    }

    /** Opens the ledger entry for a period without a writer: where it started and the losses counted so far. */
    private void startFailoverRecord(String from) {
        failoverFrom = from;
        failoverTo = null;
        failoverStartedMicros = now();
        failoverLostBefore = acknowledgedLost;
    }

    private void completeFailover() {
        long lost = acknowledgedLost - failoverLostBefore;
        failovers.add(new FailoverRecord("in-region", failoverFrom, failoverTo, failoverStartedMicros, now(), lost, 0,
                failoverStartedMicros));
        emit(new FailoverCompleted(now(), failoverFrom, failoverTo, now() - failoverStartedMicros));
        phase = Phase.NONE;
        failoverFrom = null;
        failoverTo = null;
        refreshAvailability();
    }

    private CommandResult manualFailover(String targetId) {
        if (phase != Phase.NONE) {
            return CommandResult.rejected("a failover is already in progress");
        }
        if (writer == null || !writer.up()) {
            return CommandResult.rejected("the writer is not up; Aurora fails over on its own");
        }
        Instance target = null;
        if (targetId != null) {
            target = instance(targetId);
            if (target == null) {
                return CommandResult.rejected("no instance " + targetId);
            }
            if (target == writer) {
                return CommandResult.rejected(targetId + " is already the writer");
            }
            if (regionOf(target) != writeRegion) {
                return CommandResult.rejected(targetId + " is in " + regionOf(target).name
                        + ", not in the writer's region; use switchover or failover-global to move the writer there");
            }
            if (!target.up() || target.role() != InstanceRole.READER) {
                return CommandResult.rejected(targetId + " is not an available replica");
            }
        } else if (promotionCandidates().isEmpty()) {
            return CommandResult.rejected("there is no replica to fail over to");
        }
        Instance old = writer;
        startFailoverRecord(old.id());
        writesFailed += ledger.failPending();
        writerServing = false;
        // the old writer restarts as a reader (UG: only the writer and the target restart)
        old.setRole(InstanceRole.READER);
        writer = null;
        restartInstance(old);
        startPromotion(target, "manual failover");
        return CommandResult.ok("failing over from " + old.id() + " to " + failoverTo);
    }

    private CommandResult restoreInstance(String id) {
        Instance i = instance(id);
        if (i == null) {
            return CommandResult.rejected("no instance " + id);
        }
        if (i.status() != InstanceStatus.DOWN) {
            return CommandResult.rejected(id + " is not down");
        }
        i.setCrashed(false);
        if (downAzs.contains(i.az())) {
            return CommandResult.ok(id + " will start when AZ " + i.az() + " returns");
        }
        restartInstance(i);
        return CommandResult.ok(id + " is restarting");
    }

    private void restartInstance(Instance i) {
        i.setStatus(InstanceStatus.STARTING);
        long ready = now() + ModelValues.INSTANCE_RESTART_MICROS;
        emit(new InstanceRestarting(now(), i.id(), ready));
        int g = i.generation();
        scheduler.schedule(ready, () -> onInstanceBooted(i, g));
    }

    private void onInstanceBooted(Instance i, int generation) {
        if (i.generation() != generation || !instances.contains(i)) {
            return;
        }
        if (downAzs.contains(i.az())) {
            i.setStatus(InstanceStatus.DOWN);
            return;
        }
        if (i == writer) {
            // the writer came back before anyone was promoted: it recovers and keeps its role
            emit(new InstanceStarted(now(), i.id(), "writer (recovering)"));
            if (phase == Phase.NONE) {
                startFailoverRecord(i.id());
            }
            beginRecovery(i);
            return;
        }
        Region region = regionOf(i);
        if (region != writeRegion && region.role == Region.Role.PRIMARY && i.role() == InstanceRole.WRITER) {
            // the old primary after a detach: its writer comes back and takes writes of its own (split brain)
            i.setStatus(InstanceStatus.UP);
            emit(new InstanceStarted(now(), i.id(), "writer of the old global database"));
            refreshAvailability();
            return;
        }
        i.setRole(InstanceRole.READER);
        i.setStatus(InstanceStatus.UP);
        i.resetApplied(region == writeRegion ? vdl : region.durableLsn);
        emit(new InstanceStarted(now(), i.id(), "reader"));
        if ((phase == Phase.WAITING_FOR_AZ || phase == Phase.RECREATING) && region == writeRegion) {
            startPromotion(null, "a replica is available");
        }
        refreshAvailability();
    }

    private CommandResult addReplica(Command.AddReplica c) {
        if (instance(c.instanceId()) != null) {
            return CommandResult.rejected("an instance named " + c.instanceId() + " exists already");
        }
        Region region = regionByAz.get(c.az());
        if (region == null) {
            return CommandResult.rejected("no AZ " + c.az() + " in " + regionNames());
        }
        long inRegion = instances.stream().filter(i -> regionOf(i) == region).count();
        if (region.role == Region.Role.SECONDARY) {
            if (inRegion >= ModelValues.MAX_SECONDARY_INSTANCES) {
                return CommandResult.rejected("a secondary region has at most " + ModelValues.MAX_SECONDARY_INSTANCES
                        + " read-only instances");
            }
        } else if (inRegion - 1 >= ModelValues.MAX_REPLICAS) {
            return CommandResult.rejected("a cluster has at most " + ModelValues.MAX_REPLICAS + " replicas");
        }
        if (c.tier() < 0 || c.tier() > ModelValues.MAX_TIER) {
            return CommandResult.rejected("tier must be 0-15");
        }
        try {
            InstanceClassSize.rank(c.instanceClass());
        } catch (IllegalArgumentException e) {
            return CommandResult.rejected(e.getMessage());
        }
        Instance i = new Instance(c.instanceId(), c.az(), InstanceRole.READER, c.tier(), c.instanceClass(),
                instancesCreated++);
        i.setStatus(InstanceStatus.CREATING);
        instances.add(i);
        long ready = now() + ModelValues.REPLICA_CREATE_MICROS;
        emit(new ReplicaAdded(now(), i.id(), i.az(), i.tier(), i.instanceClass(), ready));
        int g = i.generation();
        scheduler.schedule(ready, () -> onInstanceBooted(i, g));
        return CommandResult.ok("creating " + i.id());
    }

    private CommandResult removeReplica(String id) {
        Instance i = instance(id);
        if (i == null) {
            return CommandResult.rejected("no instance " + id);
        }
        if (i == writer) {
            return CommandResult.rejected(id + " is the writer; fail over first");
        }
        if (id.equals(failoverTo)) {
            return CommandResult.rejected(id + " is being promoted");
        }
        instances.remove(i);
        i.setStatus(InstanceStatus.DOWN);
        emit(new ReplicaRemoved(now(), id));
        return CommandResult.ok(id + " removed");
    }

    private CommandResult setTier(String id, int tier) {
        Instance i = instance(id);
        if (i == null) {
            return CommandResult.rejected("no instance " + id);
        }
        if (tier < 0 || tier > ModelValues.MAX_TIER) {
            return CommandResult.rejected("tier must be 0-15");
        }
        int from = i.tier();
        i.setTier(tier);
        emit(new PromotionTierChanged(now(), id, from, tier));
        return CommandResult.ok(id + " is now tier " + tier);
    }

    private CommandResult setWorkload(Double writes, Double reads) {
        if ((writes != null && (writes < 0 || writes.isNaN())) || (reads != null && (reads < 0 || reads.isNaN()))) {
            return CommandResult.rejected("rates cannot be negative");
        }
        if (writes != null) {
            writesPerSecond = writes;
        }
        if (reads != null) {
            readsPerSecond = reads;
        }
        emit(new WorkloadChanged(now(), writesPerSecond, readsPerSecond));
        return CommandResult.ok("workload changed");
    }

    // =================================================================================================================
    // Global Database (aurora-reference §6, decision 10)
    // =================================================================================================================

    /**
     * One-way latency between two regions: the scenario gives it for each secondary against its primary region. MODEL:
     * between two secondaries (after a switchover), the larger of their two latencies.
     */
    private long latencyMicros(Region a, Region b) {
        if (a == b) {
            return 0;
        }
        Region home = regions.get(0);
        if (a == home) {
            return b.latencyMicros;
        }
        if (b == home) {
            return a.latencyMicros;
        }
        return Math.max(a.latencyMicros, b.latencyMicros);
    }

    /**
     * The replication agent: every batch interval, ships what the primary made durable since the last batch to every
     * secondary that is up. Batches queue on each region's link (a fixed record rate), so the lag grows with the write
     * rate, and a region that was out catches up at the link's rate.
     */
    private void onReplicationBatch() {
        if (writeRegion.role == Region.Role.PRIMARY && !writeRegion.down) {
            for (Region r : regions) {
                if (r != writeRegion && r.receivesReplication() && r.shippedLsn < vdl) {
                    ship(r);
                }
            }
        }
        scheduler.scheduleAfter(ModelValues.GLOBAL_REPLICATION_BATCH_MICROS, this::onReplicationBatch);
    }

    private void ship(Region r) {
        // real records only: a truncation range between the two holds none
        long records = (ledger.commitsAtOrBelow(vdl) - ledger.commitsAtOrBelow(r.shippedLsn)) * ledger.recordsPerTxn();
        long start = Math.max(now(), r.linkFreeMicros);
        long transfer = (long) Math.ceil(records * 1e6 / ModelValues.GLOBAL_REPLICATION_RECORDS_PER_SECOND);
        r.linkFreeMicros = start + transfer;
        long arrives = r.linkFreeMicros + latencyMicros(writeRegion, r) + ModelValues.GLOBAL_REPLICATION_OVERHEAD_MICROS;
        scheduler.schedule(arrives, new ReplicationDelivery(r, writeRegion.name, r.shippedLsn, vdl, truncations, now(),
                arrives));
        r.shippedLsn = vdl;
    }

    /** A batch of the primary's durable redo, (fromLsn, toLsn], on its way to a secondary region's volume. */
    public final class ReplicationDelivery implements SimEvent {
        final Region region;
        final String fromRegion;
        final long fromLsn;
        final long toLsn;
        final int truncation;
        final long sentMicros;
        final long arrivesMicros;

        ReplicationDelivery(Region region, String fromRegion, long fromLsn, long toLsn, int truncation, long sent,
                long arrives) {
            this.region = region;
            this.fromRegion = fromRegion;
            this.fromLsn = fromLsn;
            this.toLsn = toLsn;
            this.truncation = truncation;
            this.sentMicros = sent;
            this.arrivesMicros = arrives;
        }

        @Override
        public void fire() {
            onReplicationArrived(this);
        }
    }

    private void onReplicationArrived(ReplicationDelivery d) {
        Region r = d.region;
        if (!r.receivesReplication()) {
            return; // lost: the region is out (it is sent again from what it holds when it returns)
        }
        if (region(d.fromRegion).down) {
            return; // the primary region went dark with this batch on its way: it never completes
        }
        if (d.truncation != truncations || d.fromLsn != r.receivedLsn || d.toLsn <= r.receivedLsn) {
            // cut by a truncation, or after a lost batch: the next batch resends from what arrived
            r.shippedLsn = Math.min(r.shippedLsn, r.receivedLsn);
            return;
        }
        int[] boxcars = new int[r.pgs.size()];
        // the LSNs between a truncation's cut and its end hold no record: the batch's first real one is above both
        long first = Math.max(d.fromLsn + 1, ledger.truncationEnd() + 1);
        for (int g = 0; g < boxcars.length; g++) {
            boxcars[g] = r.pgs.get(g).log().append(Math.min(first, d.toLsn), d.toLsn);
        }
        r.receivedLsn = d.toLsn;
        // the region's storage writes the batch to its six copies of every PG, as the primary's writer would
        long persisted = now() + ModelValues.SAME_AZ_HOP_MICROS + ModelValues.SEGMENT_PERSIST_MICROS;
        scheduler.schedule(persisted, () -> onSecondaryPersisted(r, boxcars));
    }

    private void onSecondaryPersisted(Region r, int[] boxcars) {
        for (int g = 0; g < boxcars.length; g++) {
            ProtectionGroup pg = r.pgs.get(g);
            if (boxcars[g] >= pg.log().size()) {
                continue;
            }
            for (Segment s : pg.allCopies()) {
                if (s.state().accepting() && !s.retired() && reachable(s)) {
                    s.receive(boxcars[g]);
                }
            }
            updateSecondaryPgcl(pg);
        }
        advanceSecondaryDurable(r);
        refreshAvailability();
    }

    /** A secondary's copies changed (persisted, gossiped, replaced): its PGCL and durable LSN may move. */
    private void onSecondaryPgChanged(Region r, ProtectionGroup pg) {
        updateSecondaryPgcl(pg);
        advanceSecondaryDurable(r);
    }

    private static void updateSecondaryPgcl(ProtectionGroup pg) {
        for (Segment s : pg.allCopies()) {
            if (s.servesReads()) {
                s.setAckedPrefix(s.prefix());
            }
        }
        pg.setPgclBoxcar(Math.max(pg.pgclBoxcar(), pg.quorumAckedPrefix()));
    }

    /** A secondary's VDL: the highest consistency point at or below the LSN every PG holds at a write quorum. */
    private void advanceSecondaryDurable(Region r) {
        long vclR = ProtectionGroup.volumeCompleteLsn(r.pgs, r.receivedLsn);
        long d = ledger.highestCplAtOrBelow(vclR);
        if (d <= r.durableLsn) {
            return;
        }
        r.durableLsn = d;
        long madeDurable = history.timeOf(d);
        long lag = madeDurable < 0 ? 0 : now() - madeDurable;
        for (Instance i : instances) {
            if (regionOf(i) == r && i.up() && i.role() == InstanceRole.READER) {
                i.applied(d, lag);
            }
        }
        trimHistory();
        onSecondaryAdvanced(r);
    }

    private void trimHistory() {
        long heldByAll = Long.MAX_VALUE;
        for (Region r : regions) {
            if (r.role == Region.Role.SECONDARY) {
                heldByAll = Math.min(heldByAll, r.durableLsn);
            }
        }
        if (heldByAll != Long.MAX_VALUE) {
            history.trimBelow(heldByAll);
        }
    }

    /** How old the newest write a region lacks is: what a failover to it now would lose, in time. */
    private long rpoLagMicros(Region r) {
        return lagOf(r, r.durableLsn);
    }

    private long durabilityLagMicros(Region r) {
        return lagOf(r, r.receivedLsn);
    }

    private long lagOf(Region r, long held) {
        if (r.role != Region.Role.SECONDARY || held >= globalVdl) {
            return 0;
        }
        long firstMissing = history.firstAbove(held);
        return firstMissing < 0 ? 0 : Math.max(0, now() - firstMissing);
    }

    /** Once per boxcar window: switchover progress, managed RPO, write forwarding. */
    private void onGlobalWindow() {
        if (phase == Phase.SWITCHOVER_SYNC) {
            Region target = region(globalTo);
            if (ledger.pendingTxns() == 0 && target.durableLsn >= vdl) {
                beginSwitchoverReconfiguration(target);
            }
        }
        refreshCommitsBlocked();
        for (Region r : regions) {
            if (r.probeWaitingForAck && ledger.pendingTxns() == 0 && ledger.acknowledgedLsn() < r.probeLsn) {
                // the forwarded write failed with the writer (its commit was never acknowledged)
                r.probeWaitingForAck = false;
                r.forwardedWritesFailed++;
                scheduleNextProbe(r, r.forwardingGeneration);
            }
        }
    }

    // ---- region outage --------------------------------------------------------------------------------------------

    private CommandResult failRegion(String name) {
        Region r = region(name);
        if (r == null) {
            return CommandResult.rejected(noRegion(name));
        }
        if (r.down) {
            return CommandResult.rejected("region " + name + " is already out");
        }
        r.down = true;
        int instancesDown = 0;
        int segmentsDown = 0;
        for (String az : r.azs) {
            if (!downAzs.contains(az)) {
                int[] d = takeAzDown(r, az);
                instancesDown += d[0];
                segmentsDown += d[1];
            }
            // a region outage is not a long AZ outage: no AZ is left out of the quorum model
            azOutageGeneration.merge(az, 1, Integer::sum);
        }
        r.resyncing = false;
        r.resyncGeneration++;
        emit(new RegionFailed(now(), name, instancesDown, segmentsDown));
        return CommandResult.ok("region " + name + " is out");
    }

    private CommandResult restoreRegion(String name) {
        Region r = region(name);
        if (r == null) {
            return CommandResult.rejected(noRegion(name));
        }
        if (!r.down) {
            return CommandResult.rejected("region " + name + " is not out");
        }
        r.down = false;
        emit(new RegionRestored(now(), name));
        for (String az : r.azs) {
            azOutageGeneration.merge(az, 1, Integer::sum);
            bringAzBack(r, az);
        }
        if (r.rejoinPending) {
            startResync(r);
        } else if (r.role == Region.Role.SECONDARY) {
            r.shippedLsn = r.receivedLsn; // sent again from what it holds
            r.linkFreeMicros = now();
        }
        return CommandResult.ok("region " + name + " is back");
    }

    /** The old primary returns after a global failover: it resyncs (a model time, [GK]) and rejoins as a secondary. */
    private void startResync(Region r) {
        r.resyncing = true;
        int generation = ++r.resyncGeneration;
        long ready = now() + ModelValues.GLOBAL_REJOIN_RESYNC_MICROS;
        emit(new RegionResyncStarted(now(), r.name, ready));
        scheduler.schedule(ready, () -> {
            if (r.resyncGeneration != generation || r.down) {
                return;
            }
            r.resyncing = false;
            r.rejoinPending = false;
            r.role = Region.Role.SECONDARY;
            // what it held above the cut was truncated at the failover; it continues from what it still holds
            r.durableLsn = Math.min(r.durableLsn, r.receivedLsn);
            r.shippedLsn = r.receivedLsn;
            r.linkFreeMicros = now();
            for (Instance i : instances) {
                if (regionOf(i) == r && i.up()) {
                    i.resetApplied(r.durableLsn);
                }
            }
            emit(new RegionRejoined(now(), r.name, r.receivedLsn));
            refreshAvailability();
        });
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        for (Region r : regions) {
            out.add(r.name);
        }
        return out;
    }

    // ---- switchover, failover, detach -----------------------------------------------------------------------------

    /** Why {@code r} cannot be promoted now, or null when it can. */
    private String notPromotable(String name, Region r) {
        if (r == null) {
            return noRegion(name);
        }
        if (r.role != Region.Role.SECONDARY) {
            List<String> secondaries = new ArrayList<>();
            for (Region o : regions) {
                if (o.role == Region.Role.SECONDARY) {
                    secondaries.add(o.name);
                }
            }
            return name + " is not a secondary region (secondaries: "
                    + (secondaries.isEmpty() ? "none" : String.join(", ", secondaries)) + ")";
        }
        if (r.down) {
            return name + " is out";
        }
        if (r.resyncing || r.rejoinPending) {
            return name + " is still resynchronising";
        }
        if (globalKind != null) {
            return "a " + globalKind + " is already in progress";
        }
        if (writeRegion.role != Region.Role.PRIMARY) {
            return "the writes go to the detached cluster " + writeRegion.name + ", not to the global database";
        }
        if (promotableIn(r) == null) {
            return "no instance is up in " + name + " to take the writer role";
        }
        return null;
    }

    private Instance promotableIn(Region r) {
        return PromotionPolicy.choose(promotionCandidates(r), random.tieBreaks);
    }

    /** Planned: commits stop, and once the target holds every acknowledged write the regions swap roles. */
    private CommandResult switchover(String name) {
        Region target = region(name);
        String why = notPromotable(name, target);
        if (why == null && phase != Phase.NONE) {
            why = "the primary is failing over in its region; wait until it has a writer";
        }
        if (why == null && !writerAcceptsWrites()) {
            why = "the primary has no writer up; use failover-global (allow data loss) instead";
        }
        if (why != null) {
            return CommandResult.rejected(why);
        }
        startGlobalOperation("global-switchover", writeRegion.name, name, now());
        writerServing = false; // new commits fail from now on; those in flight complete
        phase = Phase.SWITCHOVER_SYNC;
        emit(new GlobalSwitchoverStarted(now(), globalFrom, name));
        return CommandResult.ok("switching over to " + name + " once it is in sync");
    }

    private void beginSwitchoverReconfiguration(Region target) {
        emit(new GlobalSecondaryInSync(now(), target.name, target.durableLsn));
        phase = Phase.SWITCHOVER_RECONFIGURING;
        Region old = writeRegion;
        Instance oldWriter = writer;
        writer = null;
        if (oldWriter != null) {
            // the old writer restarts as a reader of what is now a secondary
            oldWriter.setRole(InstanceRole.READER);
            restartInstance(oldWriter);
        }
        old.role = Region.Role.SECONDARY;
        old.durableLsn = vdl;
        old.receivedLsn = vdl;
        old.shippedLsn = vdl;
        old.linkFreeMicros = now();
        target.role = Region.Role.PRIMARY;
        writeRegion = target;
        int generation = ++failoverGeneration;
        scheduler.scheduleAfter(ModelValues.GLOBAL_SWITCHOVER_MICROS, () -> finishGlobalPromotion(generation));
        refreshAvailability();
    }

    /**
     * Failover with data loss allowed, or detach and promote: the target's durable LSN becomes the truth now. Every
     * acknowledged write above it is counted as lost (decision 3); a new writer takes writes after the promotion time.
     */
    private CommandResult promoteSecondary(String name, String kind) {
        Region target = region(name);
        String why = notPromotable(name, target);
        if (why != null) {
            return CommandResult.rejected(why);
        }
        Region old = writeRegion;
        // from here on the old primary is a region like the others: it holds what it made durable
        old.durableLsn = vdl;
        old.receivedLsn = vdl;
        old.shippedLsn = vdl;
        long outageStarted = phase != Phase.NONE && failoverFrom != null ? failoverStartedMicros
                : writerAcceptsWrites() ? now() : failoverStartedMicros;
        long cut = target.durableLsn;
        long lastAcknowledged = vdlReachedMicros;
        long keptAt = history.timeOf(cut);
        startGlobalOperation(kind, old.name, name, Math.min(outageStarted, now()));
        failoverGeneration++; // cancels any in-region failover of the old primary
        long lostBefore = acknowledgedLost;
        truncateVolume(cut);
        long lost = acknowledgedLost - lostBefore;
        globalRpoMicros = lost > 0 && keptAt >= 0 ? Math.max(0, lastAcknowledged - keptAt) : 0;
        if (lost > 0) {
            emit(new AcknowledgedWritesLost(now(), lost, kind.equals("detach-and-promote")
                    ? "they were not yet replicated to " + name + " when it was detached"
                    : "they were not yet replicated to " + name + " when it was promoted"));
        }
        Instance oldWriter = writer;
        writer = null;
        writerServing = false;
        if (kind.equals("global-failover")) {
            // the old primary is fenced: when it is back it resyncs and rejoins as a secondary
            old.role = Region.Role.SECONDARY;
            old.rejoinPending = true;
            if (oldWriter != null) {
                oldWriter.setRole(InstanceRole.READER);
                if (oldWriter.up()) {
                    restartInstance(oldWriter);
                }
            }
            if (!old.down) {
                startResync(old);
            }
            target.role = Region.Role.PRIMARY;
        } else {
            // the old primary stays the primary of what is left of the global database; its writer keeps its role
            target.role = Region.Role.DETACHED;
        }
        writeRegion = target;
        phase = Phase.GLOBAL_PROMOTING;
        emit(new GlobalPromotionStarted(now(), kind, old.name, name, cut, lost, globalRpoMicros));
        int generation = ++failoverGeneration;
        scheduler.scheduleAfter(ModelValues.GLOBAL_PROMOTION_MICROS, () -> finishGlobalPromotion(generation));
        refreshAvailability();
        return CommandResult.ok(kind + " to " + name + " started; " + lost + " acknowledged write(s) lost");
    }

    /** The new writer in the write region recovers the volume (P17 §4.3) and takes writes. */
    private void finishGlobalPromotion(int generation) {
        if (generation != failoverGeneration) {
            return;
        }
        Instance w = promotableIn(writeRegion);
        if (w == null || pgWithoutReadQuorum() != null) {
            // nobody to promote yet (or no read quorum to recover from): try again in a second
            scheduler.scheduleAfter(1_000_000, () -> finishGlobalPromotion(generation));
            return;
        }
        w.setRole(InstanceRole.WRITER);
        writer = w;
        runCrashRecovery(w);
        for (Instance i : instances) {
            if (regionOf(i) == writeRegion && i != w && i.up()) {
                i.resetApplied(vdl);
            }
        }
        clusterEndpoint = w.id();
        writerServing = true;
        lastRedoVdl = -1;
        if (writeRegion.role == Region.Role.PRIMARY) {
            globalVdl = vdl;
            history.truncateAbove(vdl);
            history.record(vdl, now());
        }
        long lost = acknowledgedLost - globalLostBefore;
        failovers.add(new FailoverRecord(globalKind, globalFrom, globalTo, globalStartedMicros, now(), lost,
                globalRpoMicros, globalOutageStartedMicros));
        emit(new GlobalPromotionCompleted(now(), globalKind, globalFrom, globalTo, w.id(),
                now() - globalStartedMicros));
        clearGlobalOperation();
        phase = Phase.NONE;
        failoverFrom = null;
        failoverTo = null;
        refreshAvailability();
    }

    private void startGlobalOperation(String kind, String from, String to, long outageStarted) {
        globalKind = kind;
        globalFrom = from;
        globalTo = to;
        globalStartedMicros = now();
        globalOutageStartedMicros = outageStarted;
        globalLostBefore = acknowledgedLost;
        globalRpoMicros = 0;
    }

    private void clearGlobalOperation() {
        globalKind = null;
        globalFrom = null;
        globalTo = null;
    }

    // ---- managed RPO ----------------------------------------------------------------------------------------------

    private CommandResult setManagedRpo(Long seconds) {
        if (regions.size() == 1) {
            return CommandResult.rejected("the managed RPO needs secondary regions; this cluster has none");
        }
        if (seconds != null && seconds < ModelValues.MANAGED_RPO_MIN_SECONDS) {
            return CommandResult.rejected("the managed RPO is at least " + ModelValues.MANAGED_RPO_MIN_SECONDS
                    + " s (rds.global_db_rpo), got " + seconds);
        }
        managedRpoSeconds = seconds == null ? 0 : seconds;
        emit(new ManagedRpoChanged(now(), managedRpoSeconds));
        refreshCommitsBlocked();
        return CommandResult.ok(seconds == null ? "managed RPO off" : "managed RPO " + seconds + " s");
    }

    /** UG-2023: commits on the primary block while every secondary's RPO lag is over the managed RPO. */
    private void refreshCommitsBlocked() {
        boolean block = false;
        long smallest = Long.MAX_VALUE;
        String within = null;
        if (managedRpoSeconds > 0 && writeRegion.role == Region.Role.PRIMARY) {
            long limit = managedRpoSeconds * 1_000_000;
            block = true;
            boolean any = false;
            for (Region r : regions) {
                if (r.role == Region.Role.SECONDARY) {
                    any = true;
                    long lag = rpoLagMicros(r);
                    smallest = Math.min(smallest, lag);
                    if (lag <= limit) {
                        block = false;
                        within = within == null ? r.name : within;
                    }
                }
            }
            block &= any;
        }
        if (block == commitsBlocked) {
            return;
        }
        commitsBlocked = block;
        if (block) {
            emit(new CommitsBlocked(now(), managedRpoSeconds, smallest));
        } else {
            // within is null when the RPO was turned off or no secondary is left to hold commits for
            emit(new CommitsUnblocked(now(), within));
            acknowledgeCommits();
        }
        refreshAvailability();
    }

    // ---- write forwarding -----------------------------------------------------------------------------------------

    private CommandResult setWriteForwarding(String name, Command.ReadConsistency consistency) {
        Region r = region(name);
        if (r == null || r.role != Region.Role.SECONDARY) {
            return CommandResult.rejected(r == null ? noRegion(name)
                    : name + " is not a secondary region: only secondaries forward writes");
        }
        r.forwarding = consistency;
        int generation = ++r.forwardingGeneration;
        r.probeWaitingForLsn = false;
        r.probeWaitingForAck = false;
        r.readStartedMicros = -1;
        emit(new WriteForwardingChanged(now(), name, consistency == null ? null : consistency.label()));
        if (consistency != null) {
            scheduler.scheduleAfter(0, () -> startProbe(r, generation));
        }
        return CommandResult.ok(consistency == null ? "write forwarding off in " + name
                : "write forwarding on in " + name + " (" + consistency.label() + ")");
    }

    /** The session forwards one write to the primary, then reads its own write back in its region. */
    private void startProbe(Region r, int generation) {
        if (generation != r.forwardingGeneration || r.forwarding == null) {
            return;
        }
        r.probeStartedMicros = now();
        if (r.down || r.role != Region.Role.SECONDARY) {
            r.forwardedWritesFailed++;
            scheduleNextProbe(r, generation);
            return;
        }
        Region primary = writeRegion;
        scheduler.scheduleAfter(latencyMicros(r, primary), () -> {
            if (generation != r.forwardingGeneration) {
                return;
            }
            if (!writerAcceptsWrites() || writeRegion.role != Region.Role.PRIMARY) {
                r.forwardedWritesFailed++;
                scheduleNextProbe(r, generation);
                return;
            }
            r.probeWaitingForLsn = true; // it joins the primary's next boxcar window
        });
    }

    private int forwardedWritesWaiting() {
        int n = 0;
        if (regions.size() > 1) {
            for (Region r : regions) {
                if (r.probeWaitingForLsn) {
                    n++;
                }
            }
        }
        return n;
    }

    private void allocateForwardedWrites() {
        for (Region r : regions) {
            if (r.probeWaitingForLsn) {
                r.probeWaitingForLsn = false;
                r.probeLsn = ledger.maxAllocatedLsn();
                r.probeWaitingForAck = true;
            }
        }
    }

    private void failForwardedWrites() {
        for (Region r : regions) {
            if (r.probeWaitingForLsn) {
                r.probeWaitingForLsn = false;
                r.forwardedWritesFailed++;
                scheduleNextProbe(r, r.forwardingGeneration);
            }
        }
    }

    private void onForwardedWritesAcknowledged() {
        long acked = ledger.acknowledgedLsn();
        for (Region r : regions) {
            if (r.probeWaitingForAck && acked >= r.probeLsn) {
                r.probeWaitingForAck = false;
                int generation = r.forwardingGeneration;
                long lsn = r.probeLsn;
                scheduler.scheduleAfter(latencyMicros(writeRegion, r), () -> onForwardedAck(r, generation, lsn));
            }
        }
    }

    /** The commit came back to the session: it reads its own write with the region's read consistency. */
    private void onForwardedAck(Region r, int generation, long lsn) {
        if (generation != r.forwardingGeneration || r.forwarding == null) {
            return;
        }
        r.forwardedWrites++;
        r.forwardedWriteLatencyLastMicros = now() - r.probeStartedMicros;
        r.readStartedMicros = now();
        r.readNeedsLsn = switch (r.forwarding) {
            case EVENTUAL -> -1;
            case SESSION -> lsn;
            // GLOBAL: everything the primary had committed when the read started
            case GLOBAL -> Math.max(lsn, globalVdl);
        };
        if (r.readNeedsLsn < 0) {
            if (r.durableLsn < lsn) {
                r.staleReads++; // read-your-writes missed: the write has not replicated back yet
            }
            finishForwardedRead(r);
        } else if (r.durableLsn >= r.readNeedsLsn) {
            finishForwardedRead(r);
        }
    }

    private void onSecondaryAdvanced(Region r) {
        if (r.readStartedMicros >= 0 && r.readNeedsLsn >= 0 && r.durableLsn >= r.readNeedsLsn) {
            finishForwardedRead(r);
        }
    }

    private void finishForwardedRead(Region r) {
        long wait = now() - r.readStartedMicros;
        r.forwardedReads++;
        r.readWaitLastMicros = wait;
        r.readWaitMaxMicros = Math.max(r.readWaitMaxMicros, wait);
        r.readStartedMicros = -1;
        scheduleNextProbe(r, r.forwardingGeneration);
    }

    private void scheduleNextProbe(Region r, int generation) {
        long next = Math.max(now(), r.probeStartedMicros + ModelValues.FORWARDING_PROBE_INTERVAL_MICROS);
        scheduler.schedule(next, () -> startProbe(r, generation));
    }

    // ---- split brain ----------------------------------------------------------------------------------------------

    /** Regions that take writes now: the write region when writable, and an old primary whose writer is still up. */
    private List<String> writableRegions() {
        List<String> out = new ArrayList<>();
        for (Region r : regions) {
            if (r == writeRegion ? writable : r.role == Region.Role.PRIMARY && !r.down && oldWriterUp(r)) {
                out.add(r.name);
            }
        }
        return out;
    }

    private boolean oldWriterUp(Region r) {
        for (Instance i : instances) {
            if (regionOf(i) == r && i.role() == InstanceRole.WRITER && i.status() == InstanceStatus.UP) {
                return true;
            }
        }
        return false;
    }

    private void refreshSplitBrain() {
        if (regions.size() == 1) {
            return;
        }
        List<String> w = writableRegions();
        boolean now = w.size() > 1;
        if (now != splitBrain) {
            splitBrain = now;
            emit(now ? new SplitBrainDetected(now(), w) : new SplitBrainEnded(now()));
        }
    }

    // =================================================================================================================
    // Availability: quorum gauges, volume status, reasons
    // =================================================================================================================

    private void refreshAvailability() {
        refreshAvailability(readableNow());
    }

    /** {@code nowReadable}: whether reads through the reader endpoint succeed now, when the caller already knows. */
    private void refreshAvailability(boolean nowReadable) {
        boolean allWrite = true;
        String firstWriteBlock = null;
        for (Region region : regions) {
            for (ProtectionGroup pg : region.pgs) {
                int g = pg.index();
                boolean w = pg.writeQuorumHeld();
                boolean r = pg.readQuorumHeld();
                if (w != region.pgWriteQuorum[g]) {
                    region.pgWriteQuorum[g] = w;
                    emit(w ? new WriteQuorumRegained(now(), pg.id())
                            : new WriteQuorumLost(now(), pg.id(), pg.writableCopies(), pg.writeQuorumSize()));
                }
                if (r != region.pgReadQuorum[g]) {
                    region.pgReadQuorum[g] = r;
                    emit(r ? new ReadQuorumRegained(now(), pg.id())
                            : new ReadQuorumLost(now(), pg.id(), pg.readableCopies(), pg.readQuorumSize()));
                }
                if (region == writeRegion) {
                    if (!w && firstWriteBlock == null) {
                        firstWriteBlock = pg.id() + " reaches " + pg.writableCopies() + " of " + pg.copiesInModel()
                                + " copies; writes need " + pg.writeQuorumSize();
                    }
                    allWrite &= w;
                }
            }
        }
        boolean writerOk = writerAcceptsWrites();
        boolean nowWritable = writerOk && allWrite && !lalReported && !commitsBlocked;
        String reason;
        if (!writerOk) {
            reason = writerReason();
        } else if (firstWriteBlock != null) {
            reason = firstWriteBlock;
        } else if (lalReported) {
            reason = "writes throttled: the next LSN would pass VDL + 10,000,000 (LAL)";
        } else if (commitsBlocked) {
            reason = "commits wait: every secondary's RPO lag is over the managed RPO of " + managedRpoSeconds
                    + " s (rds.global_db_rpo)";
        } else {
            reason = "every protection group has its write quorum; " + writer.id() + " is writing";
        }
        if (!nowReadable) {
            reason = reason + "; reads fail: " + readBlockReason();
        }
        VolumeStatus status = statusOf(nowWritable, nowReadable);
        writable = nowWritable;
        volumeReason = reason;
        refreshSplitBrain();
        if (status != volumeStatus) {
            emit(new VolumeStatusChanged(now(), volumeStatus.label(), status.label(), reason));
            volumeStatus = status;
        }
    }

    private static VolumeStatus statusOf(boolean writable, boolean readable) {
        return writable ? VolumeStatus.WRITABLE : readable ? VolumeStatus.READ_ONLY : VolumeStatus.UNAVAILABLE;
    }

    private String writerReason() {
        return switch (phase) {
            case DETECTING -> "writer " + failoverFrom + " is down; failover starts once it is detected";
            case PROMOTING -> "no writer: promoting " + failoverTo + " (failover from " + failoverFrom + ")";
            case RECOVERING -> "no writer: " + failoverTo + " is running crash recovery";
            case WAITING_FOR_QUORUM -> pgWithoutReadQuorum() == null
                    ? "no writer: " + failoverTo + " has a read quorum of every protection group and starts recovery"
                    : "no writer: " + failoverTo + " waits for a read quorum of " + pgWithoutReadQuorum()
                            + " to recover";
            case ENDPOINT_MOVING -> "no writer reachable: the cluster endpoint is moving to " + failoverTo
                    + " (DNS TTL 5 s)";
            case RECREATING -> "no writer: no replica to promote, so " + failoverTo + " is being recreated in its AZ";
            case WAITING_FOR_AZ -> writeRegion.down
                    ? "no writer: the primary region " + writeRegion.name + " is out; restore it or fail over the"
                            + " global database to a secondary"
                    : "no writer: no replica to promote and the writer's AZ is out";
            case SWITCHOVER_SYNC -> "switchover to " + globalTo + ": writes stop until " + globalTo
                    + " holds every acknowledged write";
            case SWITCHOVER_RECONFIGURING -> "switchover to " + globalTo + ": the regions swap roles";
            case GLOBAL_PROMOTING -> ("detach-and-promote".equals(globalKind) ? "detach and promote: " + globalTo
                    + " becomes a standalone cluster" : "global failover: " + globalTo + " is being promoted")
                    + " (writes resume when it has a writer)";
            case NONE -> writer == null ? "no writer" : "writer " + writer.id() + " is " + writer.status().label();
        };
    }

    private String readBlockReason() {
        List<Instance> targets = readerEndpointTargets();
        if (targets.isEmpty()) {
            return "no instance is up behind the reader endpoint";
        }
        int[] best = reachablePrefixes();
        long readPoint = readPointOf(targets.get(0));
        for (ProtectionGroup pg : pgs()) {
            int needed = pg.log().lastIndexAtOrBelow(readPoint);
            if (needed >= 0 && best[pg.index()] < needed) {
                return "no reachable copy of " + pg.id() + " holds the read point";
            }
        }
        return "no copy holds the read point";
    }

    private static String letters(List<Segment> term) {
        StringBuilder b = new StringBuilder();
        for (Segment s : term) {
            b.append(s.letter());
        }
        return b.toString();
    }

    /** The quorum terms in words, e.g. "4/6 of ABCDEF", "4/6 of ABCDEG": one per term, for writes or reads. */
    private static List<String> quorumSet(ProtectionGroup pg, boolean writes) {
        List<String> parts = new ArrayList<>();
        int needed = writes ? pg.writeQuorumSize() : pg.readQuorumSize();
        for (List<Segment> t : pg.quorumTerms()) {
            parts.add(needed + "/" + t.size() + " of " + letters(t));
        }
        return parts;
    }

    // =================================================================================================================
    // Latency, events, snapshot
    // =================================================================================================================

    /** Exponential quantiles, precomputed with StrictMath so every JVM draws the same latencies. */
    private static final double[] EXP_QUANTILES = new double[4096];

    static {
        for (int i = 0; i < EXP_QUANTILES.length; i++) {
            EXP_QUANTILES[i] = -StrictMath.log(1.0 - (i + 0.5) / EXP_QUANTILES.length);
        }
    }

    private long hop(String fromAz, String toAz) {
        boolean same = fromAz.equals(toAz);
        long base = same ? ModelValues.SAME_AZ_HOP_MICROS : ModelValues.CROSS_AZ_HOP_MICROS;
        long mean = same ? ModelValues.SAME_AZ_JITTER_MICROS : ModelValues.CROSS_AZ_JITTER_MICROS;
        return base + (long) (mean * EXP_QUANTILES[random.latency.nextInt(EXP_QUANTILES.length)]);
    }

    private long now() {
        return scheduler.nowMicros();
    }

    private void emit(AuroraEvent e) {
        events.add(e);
        for (Consumer<AuroraEvent> l : listeners) {
            l.accept(e);
        }
    }

    public EngineSnapshot snapshot() {
        boolean readable = readableNow();
        CountersSnapshot counters = new CountersSnapshot(writesIssued, writesAcknowledged, writesFailed,
                acknowledgedLost, ledger.pendingTxns(), readsIssued, readsServed, readsFailed, writeDowntimeMicros,
                readDowntimeMicros, commitLatency.percentileMicros(50), commitLatency.percentileMicros(99),
                commitLatency.maxMicros(), commitLatency.sumMicros());
        FailoverSnapshot fo = phase == Phase.NONE ? null
                : new FailoverSnapshot(phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        globalKind != null ? globalFrom : failoverFrom, globalKind != null ? globalTo : failoverTo,
                        globalKind != null ? globalStartedMicros : failoverStartedMicros);
        List<RegionSnapshot> regionSnaps = new ArrayList<>();
        RegionSnapshot main = null;
        for (Region r : regions) {
            RegionSnapshot rs = regionSnapshot(r, readable);
            regionSnaps.add(rs);
            if (r == writeRegion) {
                main = rs;
            }
        }
        GlobalSnapshot global = new GlobalSnapshot(managedRpoSeconds, commitsBlocked, splitBrain,
                regions.size() == 1 ? List.of() : writableRegions());
        return new EngineSnapshot(now(), spec.seed(), main.region(), main.azs(), main.downAzs(), main.volume(),
                main.instances(), main.endpoints(), writesPerSecond, readsPerSecond, counters, fo, failovers,
                main.storageNodes(), messagesInFlight(), regionSnaps, global);
    }

    private RegionSnapshot regionSnapshot(Region r, boolean writeRegionReadable) {
        List<ProtectionGroupSnapshot> pgSnaps = new ArrayList<>();
        for (ProtectionGroup pg : r.pgs) {
            List<SegmentSnapshot> segs = new ArrayList<>();
            for (Slot slot : pg.slots()) {
                segs.add(segmentSnapshot(pg, slot, slot.current(), false));
                if (slot.replacement() != null) {
                    segs.add(segmentSnapshot(pg, slot, slot.replacement(), true));
                }
            }
            List<String> writeSet = quorumSet(pg, true);
            List<String> readSet = quorumSet(pg, false);
            pgSnaps.add(new ProtectionGroupSnapshot(pg.id(), pg.sizeGiB(), pg.membershipEpoch(), pg.segmentsUp(),
                    pg.writableCopies(), pg.readableCopies(), pg.copiesInModel(), pg.writeQuorumSize(),
                    pg.readQuorumSize(), pg.writeQuorumHeld(), pg.readQuorumHeld(),
                    pg.pgcl(), pg.degradedExcludedAz(), writeSet, readSet, segs));
        }
        boolean isWrite = r == writeRegion;
        boolean readable = isWrite ? writeRegionReadable : secondaryReadable(r);
        boolean regionWritable = isWrite ? writable : r.role == Region.Role.PRIMARY && !r.down && oldWriterUp(r);
        String reason = isWrite ? volumeReason : secondaryReason(r, readable);
        long regionVcl = isWrite ? vcl : ProtectionGroup.volumeCompleteLsn(r.pgs, r.receivedLsn);
        long regionVdl = isWrite ? vdl : r.durableLsn;
        VolumeSnapshot volume = new VolumeSnapshot(statusOf(regionWritable, readable), regionWritable, readable,
                reason, regionVcl, regionVdl, volumeEpoch, ledger.nextLsn(),
                ledger.allocationLimit(vdl, ModelValues.LSN_ALLOCATION_LIMIT), pgSnaps);
        List<InstanceSnapshot> inst = new ArrayList<>();
        List<String> readers = new ArrayList<>();
        String endpoint = isWrite ? clusterEndpoint : null;
        for (Instance i : instances) {
            if (regionOf(i) != r) {
                continue;
            }
            inst.add(new InstanceSnapshot(i.id(), r.name, i.az(), i.role(), i.status(), i.tier(),
                    i.instanceClass(), i == writer ? vdl : i.appliedLsn(), i == writer ? 0 : i.lagMicros()));
            if (!isWrite && i.role() == InstanceRole.READER && i.up()) {
                readers.add(i.id());
            }
            if (!isWrite && i.role() == InstanceRole.WRITER && endpoint == null) {
                endpoint = i.id(); // an old primary's own writer, after a detach
            }
        }
        if (isWrite) {
            for (Instance t : readerEndpointTargets()) {
                readers.add(t.id());
            }
        }
        List<StorageNodeSnapshot> nodeSnaps = new ArrayList<>();
        for (StorageNode n : nodes) {
            if (!r.hasAz(n.az())) {
                continue;
            }
            List<String> held = new ArrayList<>();
            for (ProtectionGroup pg : r.pgs) {
                for (Segment s : pg.allCopies()) {
                    if (s.node() == n && !s.retired()) {
                        held.add(s.id());
                    }
                }
            }
            nodeSnaps.add(new StorageNodeSnapshot(n.id(), n.az(), !n.failed() && !downAzs.contains(n.az()), held));
        }
        List<String> regionDownAzs = new ArrayList<>();
        for (String az : r.azs) {
            if (downAzs.contains(az)) {
                regionDownAzs.add(az);
            }
        }
        ForwardingSnapshot fwd = r.forwarding == null && r.forwardedWrites == 0 ? null
                : new ForwardingSnapshot(r.forwarding == null ? "off" : r.forwarding.label(), r.forwardedWrites,
                        r.forwardedWritesFailed, r.forwardedWriteLatencyLastMicros, r.forwardedReads, r.staleReads,
                        r.readWaitLastMicros, r.readWaitMaxMicros);
        return new RegionSnapshot(r.name, r.roleLabel(), r.resyncing || r.rejoinPending, r.latencyMicros, r.azs,
                regionDownAzs, volume, inst, nodeSnaps, new EndpointsSnapshot(endpoint, readers), regionVdl,
                rpoLagMicros(r), durabilityLagMicros(r), regionWritable, readable, fwd);
    }

    /** A secondary serves reads when it is up, in sync enough to have data, and an instance and a copy per PG are up. */
    private boolean secondaryReadable(Region r) {
        if (r.down || r.resyncing || r.rejoinPending) {
            return false;
        }
        boolean instanceUp = false;
        for (Instance i : instances) {
            instanceUp |= regionOf(i) == r && i.up();
        }
        if (!instanceUp) {
            return false;
        }
        for (ProtectionGroup pg : r.pgs) {
            Segment best = pg.mostCompleteReadable(null);
            int needed = pg.log().lastIndexAtOrBelow(r.durableLsn);
            if (best == null || (needed >= 0 && !best.holdsAllUpTo(needed))) {
                return false;
            }
        }
        return true;
    }

    private String secondaryReason(Region r, boolean readable) {
        if (r.down) {
            return "region " + r.name + " is out";
        }
        if (r.resyncing || r.rejoinPending) {
            return r.name + " is resynchronising before it rejoins as a secondary";
        }
        String role = r.role == Region.Role.PRIMARY ? "the old primary (detached from)"
                : r.role == Region.Role.DETACHED ? "a detached cluster" : "a read-only secondary";
        return r.name + " is " + role + (readable ? "; reads are served locally" : "; reads fail: no instance or copy");
    }

    private SegmentSnapshot segmentSnapshot(ProtectionGroup pg, Slot slot, Segment s, boolean replacement) {
        return new SegmentSnapshot(s.id(), slot.address(), s.letter(), s.az(), s.node().id(), s.state().label(),
                s.scl(), replacement, pg.active(slot));
    }

    private List<MessageSnapshot> messagesInFlight() {
        List<MessageSnapshot> out = new ArrayList<>();
        // one pass over the queue: the window takes a snapshot every frame
        scheduler.forEachPending(e -> {
            if (e instanceof BoxcarDelivery b) {
                out.add(new MessageSnapshot("boxcar", b.writerId, b.segment.id(), b.sentMicros, b.arrivesMicros,
                        b.segment.pg().id(), b.segment.pg().log().lastLsn(b.boxcar)));
            } else if (e instanceof AckDelivery a) {
                out.add(new MessageSnapshot("ack", a.segment.id(), a.writerId, a.sentMicros, a.arrivesMicros,
                        a.segment.pg().id(), a.segment.pg().log().sclOf(a.prefix)));
            } else if (e instanceof RedoApply r) {
                out.add(new MessageSnapshot("redo", r.from, r.replica.id(), r.sentMicros, r.appliesMicros, null,
                        r.vdlCarried));
            } else if (e instanceof ReplicationDelivery d) {
                out.add(new MessageSnapshot("replication", d.fromRegion, d.region.name, d.sentMicros,
                        d.arrivesMicros, null, d.toLsn));
            }
        });
        out.sort(java.util.Comparator.comparingLong(MessageSnapshot::sentMicros)
                .thenComparing(MessageSnapshot::kind).thenComparing(MessageSnapshot::to));
        return out;
    }

    // =================================================================================================================
    // For the invariant checker (same package)
    // =================================================================================================================

    List<ProtectionGroup> protectionGroups() {
        return pgs();
    }

    CommitLedger ledger() {
        return ledger;
    }

    long vcl() {
        return vcl;
    }

    long vdl() {
        return vdl;
    }

    long epochViolations() {
        return epochViolations;
    }

    List<ReadRoute> lastWriterReadRoutes() {
        return lastWriterReadRoutes;
    }

    long[] counters() {
        return new long[] {writesIssued, writesAcknowledged, writesFailed, ledger.pendingTxns()};
    }
}
