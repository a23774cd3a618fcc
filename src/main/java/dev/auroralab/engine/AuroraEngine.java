package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.Cause;
import dev.auroralab.engine.event.CausedEvent;
import java.util.ArrayList;
import dev.auroralab.engine.event.AuroraEvent.CommandRejected;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.storage.CommitLedger;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.StorageNode;
import dev.auroralab.engine.storage.Volume;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulated Aurora cluster: one or more regions of three AZs, each with a six-copy quorum volume, a writer and up
 * to 15 replicas.
 *
 * <p>Three verbs: {@link #apply(Command)} changes the cluster now, {@link #advanceTo(long)} / {@link #step()} run
 * simulated time forward, {@link #snapshot()} returns the whole state, immutable. Everything is driven by one seeded
 * queue; nothing reads the wall clock, so the same spec, seed and commands give the same run, byte for byte.
 *
 * <p>The engine only wires the mechanisms (storage/WritePath, storage/ReadPath, storage/Repair, cluster/Failover,
 * cluster/CrashRecovery, cluster/Replicas, cluster/AzOutage, global/*, Availability) around one {@link EngineState}.
 * docs/model.md maps every Aurora mechanism to the class that models it and its source.
 */
public final class AuroraEngine {

    private final EngineState st;
    private final EngineContext ctx;

    private AuroraEngine(EngineState st) {
        this.st = st;
        this.ctx = new EngineContext(st);
    }

    /**
     * An independent engine at the same instant: advancing or commanding the copy never touches this one, and the
     * two give the same run for the same commands (CopyTest). Listeners stay with this engine. Costs one deep copy
     * of the state: about the size of the volume's bookkeeping, not of the run's history.
     */
    public AuroraEngine copy() {
        return new AuroraEngine(new EngineState(st));
    }

    /**
     * A copy to keep rather than run (a keyframe of a run): the same state, its queue stored compactly (a few KB
     * instead of the timing wheel's 300). It refuses every verb but {@link #copy()}, which gives an engine to run.
     */
    public AuroraEngine frozenCopy() {
        AuroraEngine e = new AuroraEngine(new EngineState(st, true));
        e.frozen = true;
        return e;
    }

    private boolean frozen;

    /**
     * About how many bytes a copy of this engine takes on its own: the arrays that grow with a run (the unshared
     * part of each protection group's boxcar log and of the commit ledger, the durable history, the pending queue)
     * plus a fixed part for the rest. The old boxcars and commit windows a copy shares with the engine it was copied
     * from are not in it: {@link #forEachSharedChunk} names them. An estimate, for a run to keep its keyframes within
     * a memory budget.
     */
    public long footprintBytes() {
        long bytes = 256 * 1024;
        for (Region r : st.regions) {
            for (dev.auroralab.engine.storage.ProtectionGroup pg : r.pgs) {
                bytes += pg.log().footprintBytes() + 2048;
            }
        }
        bytes += st.ledger.footprintBytes();
        bytes += 16L * st.history.capacity();
        bytes += 40L * st.queue.pendingCount();
        bytes += 64L * st.events.size();
        return bytes;
    }

    /**
     * Each block of old boxcars or commit windows this engine shares with its copies, by identity, and its size in
     * bytes: a run holding many copies counts each block once.
     */
    public void forEachSharedChunk(java.util.function.ObjLongConsumer<Object> chunk) {
        for (Region r : st.regions) {
            for (dev.auroralab.engine.storage.ProtectionGroup pg : r.pgs) {
                long bytes = pg.log().sharedChunkBytes();
                pg.log().forEachSharedChunk(c -> chunk.accept(c, bytes));
            }
        }
        long bytes = st.ledger.sharedChunkBytes();
        st.ledger.forEachSharedChunk(c -> chunk.accept(c, bytes));
    }

    private void checkNotFrozen() {
        if (frozen) {
            throw new IllegalStateException("a frozen engine is a keyframe: copy() it to run it");
        }
    }

    public AuroraEngine(ClusterSpec spec) {
        this.st = new EngineState(spec.validate());
        this.ctx = new EngineContext(st);
        st.writeRegion = addRegion(new Region(spec.region(), spec.azs(), 0, Region.Role.PRIMARY), spec.instances(), "");
        for (ClusterSpec.SecondarySpec sec : spec.secondaries()) {
            addRegion(new Region(sec.region(), sec.azs(), sec.latencyMs() * 1000, Region.Role.SECONDARY),
                    sec.instances(), sec.region() + "/");
        }
        for (Instance i : st.instances) {
            if (i.role() == InstanceRole.WRITER) {
                st.writer = i;
            }
        }
        st.clusterEndpoint = st.writer.id();
        st.writerServing = true;
        st.writerByEpoch.put(st.volumeEpoch, st.writer.id());
        st.queue.schedule(0, Scheduled.Tick.BOXCAR_WINDOW);
        st.queue.schedule(0, Scheduled.Tick.READ_TICK);
        st.queue.schedule(ModelValues.BACKUP_STAGING_INTERVAL_MICROS, Scheduled.Tick.BACKUP_STAGING);
        if (st.regions.size() > 1) {
            st.queue.schedule(ModelValues.GLOBAL_REPLICATION_BATCH_MICROS, Scheduled.Tick.REPLICATION_BATCH);
        }
        ctx.availability.refreshAvailability();
    }

    private Region addRegion(Region r, List<InstanceSpec> specs, String pgPrefix) {
        r.index = st.regions.size();
        st.regions.add(r);
        for (String az : r.azs) {
            st.regionByAz.put(az, r);
        }
        buildStorage(r, pgPrefix);
        for (InstanceSpec is : specs) {
            InstanceRole role = is.role() == ClusterSpec.Role.WRITER ? InstanceRole.WRITER : InstanceRole.READER;
            Instance i = new Instance(is.id(), is.az(), role, is.tier(), is.instanceClass(), st.instancesCreated++);
            st.instances.add(i);
            st.instancesEverCreated.add(i);
        }
        return r;
    }
    /** Builds a region's storage nodes and volume; a secondary's PG ids carry its region ("eu-west-1/pg-0"). */
    private void buildStorage(Region r, String pgPrefix) {
        List<String> azs = r.azs;
        List<ProtectionGroup> pgs = r.pgs;
        int firstNode = st.nodes.size();
        for (String az : azs) {
            for (int k = 1; k <= ModelValues.STORAGE_NODES_PER_AZ; k++) {
                StorageNode n = new StorageNode("sn-" + az + "-" + k, az);
                st.nodes.add(n);
                st.nodeById.put(n.id(), n);
            }
        }
        int count = st.spec.protectionGroupCount();
        for (int p = 0; p < count; p++) {
            int size = Math.min(ModelValues.PROTECTION_GROUP_GIB,
                    Math.max(1, st.spec.volumeGiB() - p * ModelValues.PROTECTION_GROUP_GIB));
            ProtectionGroup pg = new ProtectionGroup(pgPrefix + "pg-" + p, r.index, p, size);
            int slot = 0;
            for (int a = 0; a < azs.size(); a++) {
                String az = azs.get(a);
                for (int copy = 1; copy <= 2; copy++) {
                    // two copies of a PG sit on distinct nodes of the AZ; PGs rotate over the nodes
                    int nodeIndex = (2 * p + copy - 1) % ModelValues.STORAGE_NODES_PER_AZ;
                    StorageNode node = st.nodes.get(firstNode + a * ModelValues.STORAGE_NODES_PER_AZ + nodeIndex);
                    Segment s = pg.placeInitial(slot++, az, copy, node);
                    st.slotByAddress.put(s.id(), pg.slot(s.slot()));
                    if (pgPrefix.isEmpty()) {
                        // the scenario's primary: the long form REGION/PG/AZ/COPY names its copies too
                        st.slotByAddress.put(r.name + "/" + s.id(), pg.slot(s.slot()));
                    }
                    s.setVolumeEpoch(st.volumeEpoch);
                }
            }
            pgs.add(pg);
        }
        r.pgWriteQuorum = new boolean[count];
        r.pgReadQuorum = new boolean[count];
        java.util.Arrays.fill(r.pgWriteQuorum, true);
        java.util.Arrays.fill(r.pgReadQuorum, true);
        r.volume = new Volume(pgs);
    }

    // =================================================================================================================
    // The three verbs
    // =================================================================================================================

    public long nowMicros() {
        return st.queue.nowMicros();
    }

    /** Fires every event up to and including {@code timeMicros}, then sets the clock there. */
    public void advanceTo(long timeMicros) {
        checkNotFrozen();
        while (st.queue.peekTimeMicros() <= timeMicros) {
            fire(st.queue.poll());
        }
        st.queue.advanceClockTo(timeMicros);
    }

    /** Fires the next scheduled event (internal traffic included). */
    public boolean step() {
        checkNotFrozen();
        Scheduled e = st.queue.poll();
        if (e == null) {
            return false;
        }
        fire(e);
        return true;
    }

    /** Time of the next scheduled event. */
    public long nextEventMicros() {
        return st.queue.peekTimeMicros();
    }

    public long firedEventCount() {
        return st.queue.firedCount();
    }

    public List<AuroraEvent> events() {
        return List.copyOf(st.events);
    }

    /** How many events the log holds: {@code events().size()} without the copy. */
    public int eventCount() {
        return st.events.size();
    }

    /** The events from index {@code from} on (a copy), for a reader that has seen the ones before. */
    public List<AuroraEvent> eventsFrom(int from) {
        return List.copyOf(st.events.subList(Math.min(from, st.events.size()), st.events.size()));
    }

    /** Every event with its id and the id of its cause, in log order. */
    public List<CausedEvent> causedEvents() {
        List<CausedEvent> out = new ArrayList<>(st.events.size());
        for (int i = 0; i < st.events.size(); i++) {
            out.add(new CausedEvent(i, st.eventCauses.get(i), st.events.get(i)));
        }
        return out;
    }

    /** The cause with id {@code id} (a command or a piece of scheduled work), or null when none is known. */
    public Cause cause(long id) {
        return st.causes.get(id);
    }

    public void addListener(Consumer<AuroraEvent> listener) {
        ctx.listeners.add(listener);
    }

    public ClusterSpec spec() {
        return st.spec;
    }

    public CommandResult apply(Command command) {
        checkNotFrozen();
        long id = st.queue.newId();
        st.queue.setCurrent(id, -1);
        ctx.current = null;
        st.causes.put(id, new Cause(id, -1, "command: " + command.describe()));
        String why = Preconditions.check(command, new EngineFacts(ctx));
        CommandResult r = why != null ? CommandResult.rejected(why) : dispatch(command);
        if (!r.accepted()) {
            ctx.emit(new CommandRejected(ctx.now(), command.describe(), r.message()));
        }
        ctx.availability.refreshAvailability();
        return r;
    }

    /** Every queued item is dispatched here, to the mechanism it belongs to; the hot messages are tested first. */
    private void fire(Scheduled e) {
        ctx.current = e;
        if (!Scheduled.isRoutine(e)) {
            // timers are kept as causes even when silent: a chain (detection -> promotion -> recovery) runs through them
            st.causes.put(st.queue.currentId(), ctx.causeOf(st.queue.currentId(), e));
        } else if (!(e instanceof Scheduled.Tick)) {
            // routine traffic is transparent: what it leads to names what sent it (a gossip round, the fault)
            long cause = st.queue.currentCause();
            Cause parent = st.causes.get(cause);
            st.queue.setCurrent(cause, parent == null ? -1 : parent.parentId());
            ctx.current = null;
        }
        if (e instanceof Scheduled.BoxcarDelivery d) {
            ctx.writePath.onBoxcarDelivered(d);
        } else if (e instanceof Scheduled.AckDelivery a) {
            ctx.writePath.onAckDelivered(a);
        } else if (e instanceof Scheduled.RedoApply r) {
            ctx.replicas.onRedoApplied(r);
        } else if (e instanceof Scheduled.Tick t) {
            switch (t) {
                case BOXCAR_WINDOW -> ctx.writePath.onBoxcarWindow();
                case READ_TICK -> ctx.readPath.onReadTick();
                case BACKUP_STAGING -> {
                    ctx.repair.onBackupStaging();
                    ctx.garbageCollection.collect();
                }
                case REPLICATION_BATCH -> ctx.replication.onReplicationBatch();
                default -> throw new IllegalStateException(t.name());
            }
        } else if (e instanceof Scheduled.ReplicationDelivery d) {
            ctx.replication.onReplicationArrived(d);
        } else if (e instanceof Scheduled.SecondaryPersisted p) {
            ctx.replication.onSecondaryPersisted(p);
        } else if (e instanceof Scheduled.Gossip g) {
            ctx.repair.onGossip(ctx.pg(g.region(), g.pg()));
        } else if (e instanceof Scheduled.RepairCheck c) {
            ctx.repair.onRepairCheck(ctx.copy(c.copy()), c.copyGeneration());
        } else if (e instanceof Scheduled.Hydrated h) {
            ctx.repair.onHydrated(h);
        } else if (e instanceof Scheduled.LongAzOutage o) {
            ctx.azOutage.degradeWherePossible(o.az(), o.outageGeneration());
        } else if (e instanceof Scheduled.WriterFailureDetection d) {
            ctx.failover.onWriterFailureDetected(d);
        } else if (e instanceof Scheduled.WriterRecreated r) {
            ctx.failover.onWriterRecreated(r);
        } else if (e instanceof Scheduled.PromotionDone p) {
            ctx.failover.onPromotionDone(p);
        } else if (e instanceof Scheduled.RecoveryRetry r) {
            ctx.crashRecovery.onRecoveryRetry(r);
        } else if (e instanceof Scheduled.RecoveryDone r) {
            ctx.crashRecovery.onRecoveryDone(r);
        } else if (e instanceof Scheduled.EndpointMoved m) {
            ctx.crashRecovery.onEndpointMoved(m);
        } else if (e instanceof Scheduled.HostReplaced h) {
            ctx.failover.onHostReplaced(h);
        } else if (e instanceof Scheduled.InstanceBooted b) {
            ctx.replicas.onInstanceBooted(ctx.instanceNumbered(b.instance()), b.instanceGeneration());
        } else if (e instanceof Scheduled.ResyncDone d) {
            ctx.regionOutage.onResyncDone(d);
        } else if (e instanceof Scheduled.GlobalPromotionDone d) {
            ctx.globalPromotion.finishGlobalPromotion(d.failoverGeneration());
        } else if (e instanceof Scheduled.ProbeStart p) {
            ctx.writeForwarding.startProbe(st.regions.get(p.region()), p.forwardingGeneration());
        } else if (e instanceof Scheduled.ProbeArrived p) {
            ctx.writeForwarding.onProbeArrived(p);
        } else if (e instanceof Scheduled.ForwardedAck a) {
            ctx.writeForwarding.onForwardedAck(st.regions.get(a.region()), a.forwardingGeneration(), a.lsn());
        } else {
            throw new IllegalStateException("no mechanism takes " + e);
        }
    }

    public EngineSnapshot snapshot() {
        return ctx.snapshots.snapshot();
    }

    /**
     * The few facts a learner watches (volume status, writer, failover phase, region roles, quorums lost, AZs out,
     * the reader endpoint, writes lost), without building a snapshot: cheap on any volume. Never changes the engine.
     */
    public dev.auroralab.engine.snapshot.Vitals vitals() {
        return VitalsBuilder.of(ctx);
    }

    private CommandResult dispatch(Command command) {
        if (command instanceof Command.CrashInstance c) {
            return ctx.failover.crashInstance(c.instanceId());
        } else if (command instanceof Command.FailInstance c) {
            return ctx.failover.failInstance(c.instanceId());
        } else if (command instanceof Command.RestoreInstance c) {
            return ctx.replicas.restoreInstance(c.instanceId());
        } else if (command instanceof Command.FailAvailabilityZone c) {
            return ctx.azOutage.failAz(c.az());
        } else if (command instanceof Command.RestoreAvailabilityZone c) {
            return ctx.azOutage.restoreAz(c.az());
        } else if (command instanceof Command.ReconfigureQuorum c) {
            return ctx.azOutage.reconfigureQuorum(c.az());
        } else if (command instanceof Command.FailSegment c) {
            return ctx.repair.failSegment(c.address());
        } else if (command instanceof Command.RestoreSegment c) {
            return ctx.repair.restoreSegment(c.address());
        } else if (command instanceof Command.DestroySegment c) {
            return ctx.repair.destroySegment(c.address());
        } else if (command instanceof Command.FailStorageNode c) {
            return ctx.repair.setNodeFailed(c.nodeId(), true);
        } else if (command instanceof Command.RestoreStorageNode c) {
            return ctx.repair.setNodeFailed(c.nodeId(), false);
        } else if (command instanceof Command.Failover c) {
            return ctx.failover.manualFailover(c.targetInstanceId());
        } else if (command instanceof Command.AddReplica c) {
            return ctx.replicas.addReplica(c);
        } else if (command instanceof Command.RemoveReplica c) {
            return ctx.replicas.removeReplica(c.instanceId());
        } else if (command instanceof Command.SetPromotionTier c) {
            return ctx.replicas.setTier(c.instanceId(), c.tier());
        } else if (command instanceof Command.SetWorkload c) {
            return ctx.writePath.setWorkload(c.writesPerSecond(), c.readsPerSecond());
        } else if (command instanceof Command.FailRegion c) {
            return ctx.regionOutage.failRegion(c.region());
        } else if (command instanceof Command.RestoreRegion c) {
            return ctx.regionOutage.restoreRegion(c.region());
        } else if (command instanceof Command.Switchover c) {
            return ctx.globalPromotion.switchover(c.region());
        } else if (command instanceof Command.FailoverGlobal c) {
            return ctx.globalPromotion.promoteSecondary(c.region(), FailoverKind.GLOBAL_FAILOVER);
        } else if (command instanceof Command.DetachAndPromote c) {
            return ctx.globalPromotion.promoteSecondary(c.region(), FailoverKind.DETACH_AND_PROMOTE);
        } else if (command instanceof Command.SetWriteForwarding c) {
            return ctx.writeForwarding.setWriteForwarding(c.region(), c.consistency());
        } else if (command instanceof Command.SetManagedRpo c) {
            return ctx.managedRpo.setManagedRpo(c.seconds());
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    // =================================================================================================================
    // For the invariant checker (same package)
    // =================================================================================================================

    List<ProtectionGroup> protectionGroups() {
        return ctx.pgs();
    }

    List<Region> regions() {
        return st.regions;
    }

    CommitLedger ledger() {
        return st.ledger;
    }

    long vcl() {
        return st.vcl;
    }

    long vdl() {
        return st.vdl;
    }

    /** Hands {@code item} to its mechanism now, as if it had just come off the queue (a test's late message). */
    void deliver(Scheduled item) {
        fire(item);
    }

    long epochViolations() {
        return st.epochViolations;
    }

    List<EngineState.ReadRoute> lastWriterReadRoutes() {
        return st.lastWriterReadRoutes;
    }

    long[] counters() {
        return new long[] {st.writesIssued, st.writesAcknowledged, st.writesFailed,
                st.ledger.pendingTxns() + st.lsnWait.waiting()};
    }
}
