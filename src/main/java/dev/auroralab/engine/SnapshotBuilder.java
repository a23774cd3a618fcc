package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.VolumeReason;
import dev.auroralab.engine.snapshot.QuorumTerm;
import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.MessageKind;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.ProtectionGroup.Slot;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.StorageNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the immutable {@link EngineSnapshot} the window, the command line and the tests read: every region's
 * volume, instances, endpoints, storage nodes and lags, the counters, the failover in progress and the messages in
 * flight.
 */
public final class SnapshotBuilder {

    private final EngineContext ctx;
    private final EngineState st;

    public SnapshotBuilder(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public EngineSnapshot snapshot() {
        boolean readable = ctx.readPath.readableNow();
        CountersSnapshot counters = new CountersSnapshot(st.writesIssued, st.writesAcknowledged, st.writesFailed,
                st.acknowledgedLost, st.ledger.pendingTxns() + st.lsnWait.waiting(), st.readsIssued, st.readsServed, st.readsFailed, st.writeDowntimeMicros,
                st.readDowntimeMicros, st.commitLatency.percentileMicros(50), st.commitLatency.percentileMicros(99),
                st.commitLatency.maxMicros(), st.commitLatency.sumMicros(), st.ledger.latestAckLatencyMicros(),
                oldestPendingWriteAgeMicros());
        FailoverSnapshot fo = st.phase == FailoverPhase.NONE ? null
                : new FailoverSnapshot(st.phase,
                        st.globalKind != null ? st.globalFrom : st.failoverFrom, st.globalKind != null ? st.globalTo : st.failoverTo,
                        st.globalKind != null ? st.globalStartedMicros : st.failoverStartedMicros, st.globalKind,
                        st.globalKind != null ? st.globalKind : st.inRegionKind);
        List<RegionSnapshot> regionSnaps = new ArrayList<>();
        RegionSnapshot main = null;
        for (Region r : st.regions) {
            RegionSnapshot rs = regionSnapshot(r, readable);
            regionSnaps.add(rs);
            if (r == st.writeRegion) {
                main = rs;
            }
        }
        GlobalSnapshot global = new GlobalSnapshot(st.managedRpoSeconds, st.commitsBlocked, st.splitBrain,
                st.regions.size() == 1 ? List.of() : ctx.splitBrain.writableRegions());
        return new EngineSnapshot(ctx.now(), st.spec.seed(), main.region(), main.azs(), main.downAzs(), main.volume(),
                main.instances(), main.endpoints(), st.writesPerSecond, st.readsPerSecond, counters, fo, st.failovers,
                main.storageNodes(), messagesInFlight(), regionSnaps, global,
                st.spec.engine());
    }

    /** How long the oldest write still pending (allocated and waiting for VDL, or waiting for an LSN) has waited. */
    private long oldestPendingWriteAgeMicros() {
        long oldest = st.ledger.oldestPendingIssuedMicros();
        if (!st.lsnWait.isEmpty()) {
            long waiting = st.lsnWait.headArrivedAtMicros();
            oldest = oldest < 0 ? waiting : Math.min(oldest, waiting);
        }
        return oldest < 0 ? 0 : Math.max(0, ctx.now() - oldest);
    }

    public RegionSnapshot regionSnapshot(Region r, boolean writeRegionReadable) {
        List<ProtectionGroupSnapshot> pgSnaps = new ArrayList<>();
        for (ProtectionGroup pg : r.pgs) {
            List<SegmentSnapshot> segs = new ArrayList<>();
            for (Slot slot : pg.slots()) {
                segs.add(segmentSnapshot(pg, slot, slot.current(), false));
                if (slot.replacement() != null) {
                    segs.add(segmentSnapshot(pg, slot, slot.replacement(), true));
                }
            }
            List<QuorumTerm> writeSet = Availability.quorumSet(pg, true);
            List<QuorumTerm> readSet = Availability.quorumSet(pg, false);
            pgSnaps.add(new ProtectionGroupSnapshot(pg.id(), pg.sizeGiB(), pg.membershipEpoch(), pg.segmentsUp(),
                    pg.writableCopies(), pg.readableCopies(), pg.copiesInModel(), pg.writeQuorumSize(),
                    pg.readQuorumSize(), pg.writeQuorumHeld(), pg.readQuorumHeld(),
                    pg.pgcl(), pg.degradedExcludedAz(), writeSet, readSet, segs));
        }
        boolean isWrite = r == st.writeRegion;
        boolean readable = isWrite ? writeRegionReadable : secondaryReadable(r);
        boolean regionWritable = isWrite ? st.writable : ctx.splitBrain.oldPrimaryWritable(r);
        VolumeReason reason = isWrite ? st.volumeReason : secondaryReason(r, readable);
        long regionVcl = isWrite ? st.vcl : r.volume.completeLsn(r.receivedLsn);
        long regionVdl = isWrite ? st.vdl : r.durableLsn;
        VolumeSnapshot volume = new VolumeSnapshot(ctx.availability.statusOf(regionWritable, readable), regionWritable, readable,
                reason, regionVcl, regionVdl, st.volumeEpoch, st.ledger.nextLsn(),
                st.ledger.allocationLimit(st.vdl, ModelValues.LSN_ALLOCATION_LIMIT), pgSnaps);
        List<InstanceSnapshot> inst = new ArrayList<>();
        List<String> readers = new ArrayList<>();
        String endpoint = isWrite ? st.clusterEndpoint : null;
        for (Instance i : st.instances) {
            if (ctx.regionOf(i) != r) {
                continue;
            }
            inst.add(new InstanceSnapshot(i.id(), r.name, i.az(), i.role(), i.status(), i.tier(),
                    i.instanceClass(), i == st.writer ? st.vdl : i.appliedLsn(), i == st.writer ? 0 : i.lagMicros()));
            if (!isWrite && i.role() == InstanceRole.READER && i.up()) {
                readers.add(i.id());
            }
            if (!isWrite && i.role() == InstanceRole.WRITER && endpoint == null) {
                endpoint = i.id(); // an old primary's own writer, after a detach
            }
        }
        if (isWrite) {
            for (Instance t : ctx.readPath.readerEndpointTargets()) {
                readers.add(t.id());
            }
        }
        List<StorageNodeSnapshot> nodeSnaps = new ArrayList<>();
        for (StorageNode n : st.nodes) {
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
            nodeSnaps.add(new StorageNodeSnapshot(n.id(), n.az(), !n.failed() && !st.downAzs.contains(n.az()),
                    n.failed(), held));
        }
        List<String> regionDownAzs = new ArrayList<>();
        for (String az : r.azs) {
            if (st.downAzs.contains(az)) {
                regionDownAzs.add(az);
            }
        }
        ForwardingSnapshot fwd = r.forwarding == null && r.forwardedWrites == 0 ? null
                : new ForwardingSnapshot(r.forwarding == null ? "off" : r.forwarding.label(), r.forwardedWrites,
                        r.forwardedWritesFailed, r.forwardedWriteLatencyLastMicros, r.forwardedReads, r.staleReads,
                        r.readWaitLastMicros, r.readWaitMaxMicros);
        return new RegionSnapshot(r.name, r.snapshotRole(), r.resyncing || r.rejoinPending, r.latencyMicros, r.azs,
                regionDownAzs, volume, inst, nodeSnaps, new EndpointsSnapshot(endpoint, readers), regionVdl,
                ctx.replication.rpoLagMicros(r), ctx.replication.durabilityLagMicros(r), regionWritable, readable, fwd);
    }

    /** A secondary serves reads when it is up, in sync enough to have data, and an instance and a copy per PG are up. */
    public boolean secondaryReadable(Region r) {
        if (r.down || r.resyncing || r.rejoinPending) {
            return false;
        }
        boolean instanceUp = false;
        for (Instance i : st.instances) {
            instanceUp |= ctx.regionOf(i) == r && i.up();
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

    public VolumeReason secondaryReason(Region r, boolean readable) {
        if (r.down) {
            return new VolumeReason.RegionOut(r.name);
        }
        if (r.resyncing || r.rejoinPending) {
            return new VolumeReason.Rebuilding(r.name, st.writeRegion.name, r.rebuildReadyMicros, r.oldPrimaryRebuild);
        }
        return new VolumeReason.NotTheWriteRegion(r.name, r.snapshotRole(), readable);
    }

    public SegmentSnapshot segmentSnapshot(ProtectionGroup pg, Slot slot, Segment s, boolean replacement) {
        return new SegmentSnapshot(s.id(), slot.address(), s.letter(), s.az(), s.node().id(), s.state(),
                s.scl(), replacement, pg.active(slot), s.failedByUser());
    }

    public List<MessageSnapshot> messagesInFlight() {
        List<MessageSnapshot> out = new ArrayList<>();
        // one pass over the queue: the window takes a snapshot every frame
        st.queue.forEachPending(e -> {
            if (e instanceof Scheduled.BoxcarDelivery b) {
                Segment to = ctx.copy(b.to());
                out.add(new MessageSnapshot(MessageKind.BOXCAR, b.writerId(), to.id(), b.sentMicros(), b.arrivesMicros(),
                        to.pg().id(), to.pg().log().lastLsn(b.boxcar())));
            } else if (e instanceof Scheduled.AckDelivery a) {
                Segment from = ctx.copy(a.from());
                out.add(new MessageSnapshot(MessageKind.ACK, from.id(), a.writerId(), a.sentMicros(), a.arrivesMicros(),
                        from.pg().id(), from.pg().log().sclOf(a.prefix())));
            } else if (e instanceof Scheduled.RedoApply r) {
                for (int replica : r.replicas()) {
                    out.add(new MessageSnapshot(MessageKind.REDO, r.from(), ctx.instanceNumbered(replica).id(),
                            r.sentMicros(), r.appliesMicros(), null, r.vdl()));
                }
            } else if (e instanceof Scheduled.ReplicationDelivery d) {
                out.add(new MessageSnapshot(MessageKind.REPLICATION, d.fromRegion(), st.regions.get(d.region()).name,
                        d.sentMicros(), d.arrivesMicros(), null, d.toLsn()));
            }
        });
        out.sort(java.util.Comparator.comparingLong(MessageSnapshot::sentMicros)
                .thenComparing(MessageSnapshot::kind).thenComparing(MessageSnapshot::to));
        return out;
    }
}
