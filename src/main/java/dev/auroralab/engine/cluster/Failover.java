package dev.auroralab.engine.cluster;

import dev.auroralab.engine.snapshot.VolumeReason;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.cluster.PromotionPolicy;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.cluster.Failover;
import java.util.ArrayList;
import java.util.List;

/**
 * In-region failover: a writer failure is detected, a replica is chosen by promotion tier, then size, then at random
 * among equals, it is promoted and runs crash recovery, and the cluster endpoint moves to it; with no replica the
 * writer is recreated, in its own AZ or, if that AZ is out, in another AZ of the region (FAQ). A manual failover
 * restarts the old writer as a reader. A crashed database process (crash-instance) is restarted in place instead,
 * the fastest path (UG HA page); a lost instance that is not recreated as the writer gets a new host.
 *
 * <p>Source: UG "High availability for Amazon Aurora" and "Failing over a DB cluster"; P17 §4.3.
 * Model: fixed detection, restart, recreate and DNS times (Timings, which a scenario may override); a second
 * failure during a failover chooses again; no buffer cache is modelled (events say whether it would survive).
 */
public final class Failover {

    private final EngineContext ctx;
    private final EngineState st;

    public Failover(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    /**
     * The instance or its host is lost (fail-instance). A writer fails over (or, with no replica, is recreated); any
     * lost instance that is not recreated as the writer gets a new host after the recreate time and starts as a reader
     * (UG: the old writer comes back as a reader), unless someone restored it first.
     */
    public CommandResult failInstance(String id) {
        Instance i = ctx.instance(id);
        i.setCrashed(true);
        markInstanceDown(i, true);
        st.queue.scheduleAfter(st.spec.timings().recreateMicros(),
                new Scheduled.HostReplaced(i.creationOrder(), i.generation()));
        return CommandResult.ok(id + " is down; its host is replaced in "
                + dev.auroralab.engine.DurationText.format(st.spec.timings().recreateMicros()) + " unless it fails over"
                + " first");
    }

    /**
     * The database process crashes and Aurora restarts it on the same instance (crash-instance): no failure
     * detection, no failover, no endpoint move; the writer runs crash recovery after the restart, with no redo to
     * replay (P17 §4.3). On Aurora MySQL the page cache survives (UG survivable page cache).
     */
    public CommandResult crashInstance(String id) {
        Instance i = ctx.instance(id);
        boolean writer = i == st.writer;
        ctx.emit(new InstanceCrashed(ctx.now(), id, i.az(), writer ? "writer" : "replica",
                st.spec.engine().pageCacheSurvivesRestart()));
        if (writer) {
            cancelSwitchoverWaitingOnTheWriter();
            st.writesFailed += st.ledger.failPending();
            st.writerServing = false;
            if (st.phase == FailoverPhase.NONE) {
                startFailoverRecord(id);
                st.inRegionKind = FailoverKind.RESTART_IN_PLACE;
            }
            st.phase = FailoverPhase.RESTARTING;
            st.failoverTo = id;
            st.failoverGeneration++;
        }
        ctx.replicas.restartInstance(i);
        ctx.availability.refreshAvailability();
        return CommandResult.ok(id + " is restarting in place");
    }

    /** A lost instance's new host is ready: it starts as a reader (a writer lost is failed over or recreated). */
    public void onHostReplaced(Scheduled.HostReplaced r) {
        Instance i = ctx.instanceNumbered(r.instance());
        if (i.generation() != r.instanceGeneration() || !i.crashed() || !st.instances.contains(i)) {
            return;
        }
        i.setCrashed(false);
        ctx.emit(new InstanceReplaced(ctx.now(), i.id(), i.az()));
        ctx.replicas.onInstanceBooted(i, i.generation());
    }

    public void markInstanceDown(Instance i, boolean logIt) {
        i.setStatus(InstanceStatus.DOWN);
        if (logIt || i == st.writer) {
            ctx.emit(new InstanceFailed(ctx.now(), i.id(), i.az(), i == st.writer ? "writer" : "replica"));
        }
        // the target of a promotion is never the writer yet, whoever it was before (even the writer the failover
        // started from, promoted back as a reader); a writer recovering in place is handled as a writer lost
        boolean promotionTargetLost = st.phase == FailoverPhase.PROMOTING && i.id().equals(st.failoverTo)
                && i != st.writer;
        boolean newWriterLost = st.phase == FailoverPhase.RECOVERING && i.id().equals(st.failoverTo)
                && !i.id().equals(st.failoverFrom);
        if (promotionTargetLost || newWriterLost) {
            // the replica being promoted, or the new writer still recovering, died too: choose again at once
            st.failoverGeneration++;
            String why = i == st.writer ? "the new writer failed during recovery"
                    : "the promotion target " + i.id() + " failed";
            if (st.writer == i) {
                st.writer = null;
            }
            i.setRole(InstanceRole.READER);
            startPromotion(null, why);
        } else if (i == st.writer) {
            onWriterLost();
        }
    }

    public void onWriterLost() {
        cancelSwitchoverWaitingOnTheWriter();
        st.inRegionKind = FailoverKind.IN_REGION;
        st.writesFailed += st.ledger.failPending();
        st.writerServing = false;
        if (st.phase == FailoverPhase.NONE) {
            startFailoverRecord(st.writer.id());
        } else {
            // a new writer lost before the failover completed: the next promotion replaces it, not the first one
            st.failoverFrom = st.writer.id();
        }
        st.phase = FailoverPhase.DETECTING;
        int generation = ++st.failoverGeneration;
        st.queue.scheduleAfter(st.spec.timings().failureDetectionMicros(),
                new Scheduled.WriterFailureDetection(generation));
    }

    /** A switchover waiting for a secondary to catch up cannot go on without the writer: it is cancelled. */
    private void cancelSwitchoverWaitingOnTheWriter() {
        if (st.phase == FailoverPhase.SWITCHOVER_SYNC) {
            ctx.emit(new GlobalOperationCancelled(ctx.now(), st.globalKind, st.globalTo, "writer " + st.writer.id()
                    + " failed before " + st.globalTo + " was in sync; Aurora recovers the primary instead"));
            ctx.globalPromotion.clearGlobalOperation();
            st.phase = FailoverPhase.NONE;
        }
    }

    /** The detection time has passed: the failover proper starts, unless something else took over meanwhile. */
    public void onWriterFailureDetected(Scheduled.WriterFailureDetection d) {
        if (d.failoverGeneration() == st.failoverGeneration) {
            ctx.emit(new WriterFailureDetected(ctx.now(), st.failoverFrom));
            startPromotion(null, "writer failed");
        }
    }

    public List<Instance> promotionCandidates() {
        return promotionCandidates(st.writeRegion);
    }

    /** The readers of a region that could take the writer role now: up, and not in an AZ that is out. */
    public List<Instance> promotionCandidates(Region r) {
        List<Instance> out = new ArrayList<>();
        for (Instance i : st.instances) {
            if (i.role() == InstanceRole.READER && i.up() && !st.downAzs.contains(i.az()) && ctx.regionOf(i) == r) {
                out.add(i);
            }
        }
        return out;
    }

    public void startPromotion(Instance target, String why) {
        Instance t = target != null ? target : PromotionPolicy.choose(promotionCandidates(), st.random.tieBreaks);
        int generation = ++st.failoverGeneration;
        if (t == null) {
            Instance old = ctx.instance(st.failoverFrom);
            String az = old != null && old == st.writer ? recreationAz(old) : null;
            if (az != null) {
                // FAQ: the primary is recreated, in its own AZ if it can be and in another AZ of the region if not
                st.phase = FailoverPhase.RECREATING;
                st.failoverTo = old.id();
                st.inRegionKind = FailoverKind.RECREATE;
                long ready = ctx.now() + st.spec.timings().recreateMicros();
                String fromAz = old.az();
                old.moveTo(az);
                old.setStatus(InstanceStatus.CREATING);
                ctx.emit(new WriterRecreationStarted(ctx.now(), old.id(), az, fromAz, ready));
                int g = old.generation();
                st.queue.schedule(ready, new Scheduled.WriterRecreated(old.creationOrder(), generation, g));
            } else {
                st.phase = FailoverPhase.WAITING_FOR_AZ;
                st.failoverTo = null;
                ctx.emit(new NoWriterAvailable(ctx.now(), old == null || old != st.writer
                        ? "no replica is up to promote; add one or restore an instance"
                        : "no replica to promote and no AZ of " + ctx.regionOf(old).name + " is up to recreate "
                        + old.id() + " in"));
            }
            ctx.availability.refreshAvailability();
            return;
        }
        st.phase = FailoverPhase.PROMOTING;
        st.inRegionKind = FailoverKind.IN_REGION;
        st.failoverTo = t.id();
        if (st.writer != null && st.writer != t) {
            st.writer.setRole(InstanceRole.READER);
            st.writer = null;
        }
        t.setStatus(InstanceStatus.PROMOTING);
        ctx.emit(new FailoverStarted(ctx.now(), st.failoverFrom, t.id(), why));
        int g = t.generation();
        st.queue.scheduleAfter(st.spec.timings().restartMicros(),
                new Scheduled.PromotionDone(t.creationOrder(), generation, g));
        ctx.availability.refreshAvailability();
    }

    /** The AZ to recreate the writer in: its own if up, else the first AZ of its region that is up; null if none. */
    private String recreationAz(Instance w) {
        if (!st.downAzs.contains(w.az())) {
            return w.az();
        }
        for (String az : ctx.regionOf(w).azs) {
            if (!st.downAzs.contains(az)) {
                return az;
            }
        }
        return null;
    }

    /** The writer was recreated (no replica to promote): it runs crash recovery. */
    public void onWriterRecreated(Scheduled.WriterRecreated r) {
        Instance old = ctx.instanceNumbered(r.instance());
        if (old.generation() != r.instanceGeneration()) {
            return;
        }
        old.setCrashed(false);
        if (r.failoverGeneration() == st.failoverGeneration) {
            ctx.crashRecovery.beginRecovery(old);
        } else {
            // a replica was promoted while the host was being built: the new host starts as a reader
            ctx.replicas.onInstanceBooted(old, old.generation());
        }
    }

    /** The chosen replica has restarted as the writer: it runs crash recovery. */
    public void onPromotionDone(Scheduled.PromotionDone p) {
        Instance t = ctx.instanceNumbered(p.instance());
        if (p.failoverGeneration() == st.failoverGeneration && t.generation() == p.instanceGeneration()) {
            t.setRole(InstanceRole.WRITER);
            st.writer = t;
            ctx.emit(new WriterPromoted(ctx.now(), t.id()));
            ctx.crashRecovery.beginRecovery(t);
        }
    }

    /** Opens the ledger entry for a period without a writer: where it started and the losses counted so far. */
    public void startFailoverRecord(String from) {
        st.failoverFrom = from;
        st.failoverTo = null;
        st.failoverStartedMicros = ctx.now();
        st.failoverLostBefore = st.acknowledgedLost;
    }

    public void completeFailover() {
        long lost = st.acknowledgedLost - st.failoverLostBefore;
        st.failovers.add(new FailoverRecord(st.inRegionKind, st.failoverFrom, st.failoverTo, st.failoverStartedMicros, ctx.now(), lost, 0,
                st.failoverStartedMicros, null));
        ctx.emit(new FailoverCompleted(ctx.now(), st.failoverFrom, st.failoverTo, ctx.now() - st.failoverStartedMicros));
        st.phase = FailoverPhase.NONE;
        st.inRegionKind = FailoverKind.IN_REGION;
        st.failoverFrom = null;
        st.failoverTo = null;
        ctx.availability.refreshAvailability();
    }

    public CommandResult manualFailover(String targetId) {
        Instance target = targetId == null ? null : ctx.instance(targetId);
        Instance old = st.writer;
        startFailoverRecord(old.id());
        st.writesFailed += st.ledger.failPending();
        st.writerServing = false;
        // the old writer restarts as a reader (UG: only the writer and the target restart)
        old.setRole(InstanceRole.READER);
        st.writer = null;
        ctx.replicas.restartInstance(old);
        startPromotion(target, "manual failover");
        return CommandResult.ok("failing over from " + old.id() + " to " + st.failoverTo);
    }

    /** Why the writer does not take writes now, from the failover's phase (or the writer's own status). */
    public VolumeReason writerReason() {
        return switch (st.phase) {
            case WAITING_FOR_QUORUM -> new VolumeReason.WaitingForReadQuorum(st.failoverTo,
                    ctx.crashRecovery.pgWithoutReadQuorum());
            case WAITING_FOR_AZ -> st.writeRegion.down ? new VolumeReason.PrimaryRegionOut(st.writeRegion.name)
                    : new VolumeReason.WriterFailover(st.phase, st.failoverFrom, st.failoverTo);
            case SWITCHOVER_SYNC, SWITCHOVER_RECONFIGURING, GLOBAL_PROMOTING ->
                    new VolumeReason.GlobalOperation(st.phase, st.globalKind, st.globalTo);
            case NONE -> new VolumeReason.WriterNotServing(st.writer == null ? null : st.writer.id(),
                    st.writer == null ? null : st.writer.status());
            default -> new VolumeReason.WriterFailover(st.phase, st.failoverFrom, st.failoverTo);
        };
    }
}
