package dev.auroralab.engine.cluster;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.cluster.CrashRecovery;

/**
 * Crash recovery of a new or restarted writer: it needs a read quorum of every protection group, recomputes VCL and
 * VDL from the copies' SCLs, truncates everything above VDL (a truncation range up to VDL + LAL so late writes are
 * ignored) and bumps the volume epoch on the copies so storage rejects the old writer.
 *
 * <p>Source: P17 §4.3, P18 §2.4. Model: recovery takes a fixed time (ModelValues.CRASH_RECOVERY_MICROS); no redo is
 * replayed (instances keep no pages in the model).
 */
public final class CrashRecovery {

    private final EngineContext ctx;
    private final EngineState st;

    public CrashRecovery(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    /** Cuts the volume back to {@code cut}: pending commits fail, acknowledged ones above are lost. */
    public long truncateVolume(long cut) {
        st.writesFailed += st.ledger.failPending();
        long truncationEnd = Math.max(cut + ModelValues.LSN_ALLOCATION_LIMIT, st.ledger.maxAllocatedLsn());
        long lost = st.ledger.truncateAbove(cut, truncationEnd);
        st.acknowledgedLost += lost;
        st.truncations++;
        for (ProtectionGroup pg : ctx.allPgs()) {
            pg.log().truncateAbove(cut);
            for (Segment s : pg.allCopies()) {
                s.applyTruncation();
                s.setAckedPrefix(Math.min(s.ackedPrefix(), s.prefix()));
            }
            int last = pg.log().lastIndexAtOrBelow(cut);
            pg.setPgclBoxcar(Math.min(pg.pgclBoxcar(), last));
        }
        st.vcl = Math.min(st.vcl, cut);
        st.vdl = Math.min(st.vdl, cut);
        st.globalVdl = Math.min(st.globalVdl, cut);
        st.lastRedoVdl = Math.min(st.lastRedoVdl, st.vdl);
        for (Region r : st.regions) {
            // what a secondary held above the cut is void too: it resumes from there
            r.receivedLsn = Math.min(r.receivedLsn, cut);
            r.shippedLsn = Math.min(r.shippedLsn, cut);
            r.durableLsn = Math.min(r.durableLsn, cut);
            r.probeWaitingForAck = false;
        }
        st.history.truncateAbove(cut);
        for (Instance i : st.instances) {
            if (i.appliedLsn() > cut) {
                i.resetApplied(cut);
            }
        }
        return lost;
    }

    public void beginRecovery(Instance w) {
        st.writer = w;
        w.setRole(InstanceRole.WRITER);
        w.setStatus(InstanceStatus.RECOVERING);
        st.failoverTo = w.id();
        int generation = ++st.failoverGeneration;
        String missing = pgWithoutReadQuorum();
        if (missing != null) {
            // crash recovery needs a read quorum of every PG (P17 §4.3): wait for one
            st.phase = FailoverPhase.WAITING_FOR_QUORUM;
            int g = w.generation();
            st.queue.scheduleAfter(1_000_000, new Scheduled.RecoveryRetry(w.creationOrder(), generation, g));
            ctx.availability.refreshAvailability();
            return;
        }
        st.phase = FailoverPhase.RECOVERING;
        int g = w.generation();
        st.queue.scheduleAfter(ModelValues.CRASH_RECOVERY_MICROS,
                new Scheduled.RecoveryDone(w.creationOrder(), generation, g));
        ctx.availability.refreshAvailability();
    }

    public void onRecoveryRetry(Scheduled.RecoveryRetry r) {
        Instance w = ctx.instanceNumbered(r.instance());
        if (r.failoverGeneration() == st.failoverGeneration && w.generation() == r.instanceGeneration()) {
            beginRecovery(w);
        }
    }

    /** Recovery time is over: recover (if every PG still has a read quorum), then serve or move the endpoint. */
    public void onRecoveryDone(Scheduled.RecoveryDone r) {
        Instance w = ctx.instanceNumbered(r.instance());
        if (r.failoverGeneration() != st.failoverGeneration || w.generation() != r.instanceGeneration()) {
            return;
        }
        if (pgWithoutReadQuorum() != null) {
            beginRecovery(w);
            return;
        }
        runCrashRecovery(w);
        if (w.id().equals(st.clusterEndpoint)) {
            st.writerServing = true;
            ctx.failover.completeFailover();
        } else {
            st.phase = FailoverPhase.ENDPOINT_MOVING;
            st.queue.scheduleAfter(st.spec.timings().dnsTtlMicros(),
                    new Scheduled.EndpointMoved(w.creationOrder(), r.failoverGeneration()));
        }
    }

    /** The cluster endpoint's DNS now points at the new writer (after the TTL): writes resume. */
    public void onEndpointMoved(Scheduled.EndpointMoved m) {
        Instance w = ctx.instanceNumbered(m.instance());
        if (m.failoverGeneration() == st.failoverGeneration && st.writer == w && w.up()) {
            String from = st.clusterEndpoint;
            st.clusterEndpoint = w.id();
            st.writerServing = true;
            ctx.emit(new ClusterEndpointMoved(ctx.now(), from, w.id()));
            ctx.failover.completeFailover();
        }
    }

    public String pgWithoutReadQuorum() {
        for (ProtectionGroup pg : ctx.pgs()) {
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
    public void runCrashRecovery(Instance w) {
        long limit = st.ledger.maxAllocatedLsn();
        for (ProtectionGroup pg : ctx.pgs()) {
            // the read quorum's most complete copy holds everything that reached a write quorum
            limit = Math.min(limit, pg.log().completeThrough(ctx.prefixOf(pg.mostCompleteReadable(null))));
        }
        long recoveredVdl = st.ledger.highestCplAtOrBelow(limit);
        long truncationEnd = Math.max(recoveredVdl + ModelValues.LSN_ALLOCATION_LIMIT, st.ledger.maxAllocatedLsn());
        long lostBefore = st.acknowledgedLost;
        truncateVolume(recoveredVdl);
        long lost = st.acknowledgedLost - lostBefore;
        if (lost > 0) {
            ctx.emit(new AcknowledgedWritesLost(ctx.now(), lost, "crash recovery found them on no reachable copy"));
        }
        st.volumeEpoch++;
        st.writerByEpoch.put(st.volumeEpoch, w.id());
        for (ProtectionGroup pg : ctx.pgs()) {
            for (Segment s : pg.allCopies()) {
                boolean r = s.servesReads();
                if (r) {
                    s.setVolumeEpoch(st.volumeEpoch);
                }
                s.setAckedPrefix(r ? s.prefix() : -1);
            }
            pg.setPgclBoxcar(Math.max(pg.pgclBoxcar(), pg.quorumAckedPrefix()));
        }
        st.vcl = recoveredVdl;
        st.vdl = recoveredVdl;
        st.vdlReachedMicros = ctx.now();
        st.lastRedoVdl = -1;
        st.lalReported = false;
        w.resetApplied(st.vdl);
        w.setStatus(InstanceStatus.UP);
        ctx.emit(new CrashRecoveryCompleted(ctx.now(), w.id(), st.vdl, truncationEnd, st.volumeEpoch));
    }
}
