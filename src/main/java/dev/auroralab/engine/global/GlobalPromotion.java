package dev.auroralab.engine.global;

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
import dev.auroralab.engine.global.GlobalPromotion;

/**
 * Moving the writer to another region: a switchover (planned: commits stop until the target holds every acknowledged
 * write, then the regions swap roles), a global failover (data loss allowed: the target's durable LSN becomes the
 * truth) and detach-and-promote (the target becomes a standalone cluster).
 *
 * <p>Source: UG "Using switchover or failover in an Amazon Aurora global database". Model: fixed promotion and
 * switchover times (ModelValues.GLOBAL_PROMOTION_MICROS, GLOBAL_SWITCHOVER_MICROS); every acknowledged write above
 * the cut is counted as lost (decision 3).
 */
public final class GlobalPromotion {

    private final EngineContext ctx;
    private final EngineState st;

    public GlobalPromotion(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public Instance promotableIn(Region r) {
        return PromotionPolicy.choose(ctx.failover.promotionCandidates(r), st.random.tieBreaks);
    }

    /** Planned: commits stop, and once the target holds every acknowledged write the regions swap roles. */
    public CommandResult switchover(String name) {
        startGlobalOperation(FailoverKind.GLOBAL_SWITCHOVER, st.writeRegion.name, name, ctx.now());
        st.writerServing = false; // new commits fail from now on; those in flight complete
        st.phase = FailoverPhase.SWITCHOVER_SYNC;
        ctx.emit(new GlobalSwitchoverStarted(ctx.now(), st.globalFrom, name));
        return CommandResult.ok("switching over to " + name + " once it is in sync");
    }

    public void beginSwitchoverReconfiguration(Region target) {
        ctx.emit(new GlobalSecondaryInSync(ctx.now(), target.name, target.durableLsn));
        st.phase = FailoverPhase.SWITCHOVER_RECONFIGURING;
        Region old = st.writeRegion;
        Instance oldWriter = st.writer;
        st.writer = null;
        if (oldWriter != null) {
            // the old writer restarts as a reader of what is now a secondary
            oldWriter.setRole(InstanceRole.READER);
            ctx.replicas.restartInstance(oldWriter);
        }
        old.role = Region.Role.SECONDARY;
        old.durableLsn = st.vdl;
        old.receivedLsn = st.vdl;
        old.shippedLsn = st.vdl;
        old.linkFreeMicros = ctx.now();
        target.role = Region.Role.PRIMARY;
        st.writeRegion = target;
        int generation = ++st.failoverGeneration;
        st.queue.scheduleAfter(st.spec.timings().globalSwitchoverMicros(), new Scheduled.GlobalPromotionDone(generation));
        ctx.availability.refreshAvailability();
    }

    /**
     * Failover with data loss allowed, or detach and promote: the target's durable LSN becomes the truth now. Every
     * acknowledged write above it is counted as lost (decision 3); a new writer takes writes after the promotion time.
     */
    public CommandResult promoteSecondary(String name, FailoverKind kind) {
        Region target = ctx.region(name);
        Region old = st.writeRegion;
        long pointOfFailure = st.vdl;
        // from here on the old primary is a region like the others: it holds what it made durable
        old.durableLsn = st.vdl;
        old.receivedLsn = st.vdl;
        old.shippedLsn = st.vdl;
        long outageStarted = st.phase != FailoverPhase.NONE && st.failoverFrom != null ? st.failoverStartedMicros
                : ctx.writerAcceptsWrites() ? ctx.now() : st.failoverStartedMicros;
        long cut = target.durableLsn;
        long lastAcknowledged = st.vdlReachedMicros;
        long keptAt = st.history.timeOf(cut);
        startGlobalOperation(kind, old.name, name, Math.min(outageStarted, ctx.now()));
        st.failoverGeneration++; // cancels any in-region failover of the old primary
        long lostBefore = st.acknowledgedLost;
        ctx.crashRecovery.truncateVolume(cut);
        long lost = st.acknowledgedLost - lostBefore;
        st.globalRpoMicros = lost > 0 && keptAt >= 0 ? Math.max(0, lastAcknowledged - keptAt) : 0;
        st.globalRecoverySnapshot = kind == FailoverKind.GLOBAL_FAILOVER ? recoverySnapshotName(old.name) : null;
        if (lost > 0) {
            ctx.emit(new AcknowledgedWritesLost(ctx.now(), lost, kind == FailoverKind.DETACH_AND_PROMOTE
                    ? "they were not yet replicated to " + name + " when it was detached"
                    : "they were not yet replicated to " + name + " when it was promoted; they are in the old"
                            + " primary's snapshot " + st.globalRecoverySnapshot + " (taken when " + old.name
                            + " is up), to recover by hand"));
        }
        Instance oldWriter = st.writer;
        st.writer = null;
        st.writerServing = false;
        if (kind == FailoverKind.GLOBAL_FAILOVER) {
            // the old primary is fenced: once it is up, its volume is snapshotted at the point of failure, then
            // rebuilt from the new primary, and it rejoins as a secondary (UG DR page)
            old.role = Region.Role.SECONDARY;
            old.rejoinPending = true;
            old.oldPrimaryRebuild = true;
            old.recoverySnapshot = st.globalRecoverySnapshot;
            old.recoverySnapshotLsn = pointOfFailure;
            old.recoverySnapshotWrites = lost;
            if (oldWriter != null) {
                oldWriter.setRole(InstanceRole.READER);
                if (oldWriter.up()) {
                    ctx.replicas.restartInstance(oldWriter);
                }
            }
            target.role = Region.Role.PRIMARY;
            st.writeRegion = target;
            if (!old.down) {
                ctx.regionOutage.startRebuild(old);
            }
        } else {
            // the old primary stays the primary of what is left of the global database; its writer keeps its role
            target.role = Region.Role.DETACHED;
        }
        st.writeRegion = target;
        st.phase = FailoverPhase.GLOBAL_PROMOTING;
        ctx.emit(new GlobalPromotionStarted(ctx.now(), kind, old.name, name, cut, lost, st.globalRpoMicros));
        int generation = ++st.failoverGeneration;
        st.queue.scheduleAfter(st.spec.timings().globalFailoverMicros(), new Scheduled.GlobalPromotionDone(generation));
        ctx.availability.refreshAvailability();
        return CommandResult.ok(kind + " to " + name + " started; " + lost + " acknowledged write(s) lost");
    }

    /** The new writer in the write region recovers the volume (P17 §4.3) and takes writes. */
    public void finishGlobalPromotion(int generation) {
        if (generation != st.failoverGeneration) {
            return;
        }
        Instance w = promotableIn(st.writeRegion);
        if (w == null || ctx.crashRecovery.pgWithoutReadQuorum() != null) {
            // nobody to promote yet (or no read quorum to recover from): try again in a second
            st.queue.scheduleAfter(1_000_000, new Scheduled.GlobalPromotionDone(generation));
            return;
        }
        w.setRole(InstanceRole.WRITER);
        st.writer = w;
        ctx.crashRecovery.runCrashRecovery(w);
        for (Instance i : st.instances) {
            if (ctx.regionOf(i) == st.writeRegion && i != w && i.up()) {
                i.resetApplied(st.vdl);
            }
        }
        st.clusterEndpoint = w.id();
        st.writerServing = true;
        st.lastRedoVdl = -1;
        if (st.writeRegion.role == Region.Role.PRIMARY) {
            st.globalVdl = st.vdl;
            st.history.truncateAbove(st.vdl);
            st.history.record(st.vdl, ctx.now());
        }
        long lost = st.acknowledgedLost - st.globalLostBefore;
        st.failovers.add(new FailoverRecord(st.globalKind, st.globalFrom, st.globalTo, st.globalStartedMicros, ctx.now(), lost,
                st.globalRpoMicros, st.globalOutageStartedMicros, st.globalRecoverySnapshot));
        ctx.emit(new GlobalPromotionCompleted(ctx.now(), st.globalKind, st.globalFrom, st.globalTo, w.id(),
                ctx.now() - st.globalStartedMicros));
        FailoverKind kind = st.globalKind;
        clearGlobalOperation();
        if (kind == FailoverKind.GLOBAL_FAILOVER) {
            rebuildOtherSecondaries();
        }
        st.phase = FailoverPhase.NONE;
        st.failoverFrom = null;
        st.failoverTo = null;
        ctx.availability.refreshAvailability();
    }

    /**
     * After a global failover every secondary other than the old primary is rebuilt from the new primary (UG DR
     * page): at once when its region is up, when it returns otherwise.
     */
    private void rebuildOtherSecondaries() {
        for (Region r : st.regions) {
            if (r == st.writeRegion || r.role != Region.Role.SECONDARY || r.oldPrimaryRebuild) {
                continue;
            }
            if (r.down) {
                r.rejoinPending = true;
            } else {
                ctx.regionOutage.startRebuild(r);
            }
        }
    }

    /** The name Aurora gives the old primary's snapshot: rds:unplanned-global-failover-REGION-TIME. */
    private String recoverySnapshotName(String region) {
        long s = ctx.now() / 1_000_000;
        long ms = ctx.now() / 1_000 % 1_000;
        return "rds:unplanned-global-failover-" + region + "-" + s / 60 + "m" + (s % 60 < 10 ? "0" : "") + s % 60
                + (ms == 0 ? "" : "." + String.format(java.util.Locale.ROOT, "%03d", ms)) + "s";
    }

    public void startGlobalOperation(FailoverKind kind, String from, String to, long outageStarted) {
        st.globalKind = kind;
        st.globalFrom = from;
        st.globalTo = to;
        st.globalStartedMicros = ctx.now();
        st.globalOutageStartedMicros = outageStarted;
        st.globalLostBefore = st.acknowledgedLost;
        st.globalRpoMicros = 0;
        st.globalRecoverySnapshot = null;
    }

    public void clearGlobalOperation() {
        st.globalKind = null;
        st.globalFrom = null;
        st.globalTo = null;
    }
}
