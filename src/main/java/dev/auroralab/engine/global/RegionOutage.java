package dev.auroralab.engine.global;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;

/**
 * A whole region lost and restored, and the rebuild of regions after a global failover. When a global database fails
 * over with data loss allowed, Aurora first takes a snapshot of the old primary's volume at the point of failure
 * (rds:unplanned-global-failover-...), then rebuilds that volume and adds the old primary back as a secondary of the
 * new primary; every other secondary is rebuilt from the new primary too, which takes "minutes to hours", and serves
 * no reads until it is done.
 *
 * <p>Source: UG aurora-global-database-disaster-recovery ("Recovering an Amazon Aurora global database from an
 * unplanned outage"). Model: a rebuild takes a fixed time (the scenario's {@code timings: secondaryRebuild}, default
 * ModelValues.SECONDARY_REBUILD_MICROS); meanwhile the region gets no replication batches, and at its end the region
 * holds everything the new primary made durable, at once, then replicates as usual. The snapshot is an event with
 * the writes only it holds, not a restorable object.
 */
public final class RegionOutage {

    private final EngineContext ctx;
    private final EngineState st;

    public RegionOutage(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public CommandResult failRegion(String name) {
        Region r = ctx.region(name);
        r.down = true;
        int instancesDown = 0;
        int segmentsDown = 0;
        for (String az : r.azs) {
            if (!st.downAzs.contains(az)) {
                int[] d = ctx.azOutage.takeAzDown(r, az);
                instancesDown += d[0];
                segmentsDown += d[1];
            }
            // a region outage is not a long AZ outage: no AZ is left out of the quorum model
            st.azOutageGeneration.merge(az, 1, Integer::sum);
        }
        r.resyncing = false;
        r.rebuildReadyMicros = -1;
        r.resyncGeneration++;
        ctx.emit(new RegionFailed(ctx.now(), name, instancesDown, segmentsDown));
        return CommandResult.ok("region " + name + " is out");
    }

    public CommandResult restoreRegion(String name) {
        Region r = ctx.region(name);
        r.down = false;
        ctx.emit(new RegionRestored(ctx.now(), name));
        for (String az : r.azs) {
            st.azOutageGeneration.merge(az, 1, Integer::sum);
            ctx.azOutage.bringAzBack(r, az);
        }
        if (r.rejoinPending) {
            startRebuild(r);
            ctx.availability.refreshAvailability();
        } else if (r.role == Region.Role.SECONDARY) {
            r.shippedLsn = r.receivedLsn; // sent again from what it holds
            r.linkFreeMicros = ctx.now();
        }
        return CommandResult.ok("region " + name + " is back");
    }

    /**
     * Rebuilds {@code r} from the primary (after a global failover): an old primary first has its snapshot taken at
     * the point of failure; then no reads and no replication until the rebuild time has passed.
     */
    public void startRebuild(Region r) {
        if (r.recoverySnapshot != null) {
            ctx.emit(new OldPrimarySnapshotTaken(ctx.now(), r.name, r.recoverySnapshot, r.recoverySnapshotLsn,
                    r.recoverySnapshotWrites));
            r.recoverySnapshot = null;
        }
        r.rejoinPending = true;
        r.resyncing = true;
        int generation = ++r.resyncGeneration;
        long ready = ctx.now() + st.spec.timings().secondaryRebuildMicros();
        r.rebuildReadyMicros = ready;
        ctx.emit(new RegionRebuildStarted(ctx.now(), r.name, st.writeRegion.name, ready, r.oldPrimaryRebuild));
        st.queue.schedule(ready, new Scheduled.ResyncDone(r.index, generation));
    }

    /**
     * The rebuild is over: the region is a secondary of the new primary and holds what it made durable (its copies
     * are given every record up to the primary's VDL at once), then replicates from there as usual.
     */
    public void onResyncDone(Scheduled.ResyncDone d) {
        Region r = st.regions.get(d.region());
        int generation = d.resyncGeneration();
        if (r.resyncGeneration != generation || r.down) {
            return;
        }
        r.resyncing = false;
        r.rejoinPending = false;
        r.oldPrimaryRebuild = false;
        r.rebuildReadyMicros = -1;
        r.role = Region.Role.SECONDARY;
        Region primary = st.writeRegion;
        if (primary != r && primary.role == Region.Role.PRIMARY && st.vdl > r.receivedLsn) {
            fillFromPrimary(r, st.vdl);
        }
        r.durableLsn = Math.min(r.durableLsn, r.receivedLsn);
        r.shippedLsn = r.receivedLsn;
        r.linkFreeMicros = ctx.now();
        ctx.replication.advanceSecondaryDurable(r);
        for (Instance i : st.instances) {
            if (ctx.regionOf(i) == r && i.up()) {
                i.resetApplied(r.durableLsn);
            }
        }
        ctx.emit(new RegionRejoined(ctx.now(), r.name, r.durableLsn));
        ctx.availability.refreshAvailability();
    }

    /** The rebuilt volume holds the primary's records up to {@code upTo}: one boxcar per PG, on every copy that is up. */
    private void fillFromPrimary(Region r, long upTo) {
        // the LSNs between a truncation's cut and its end hold no record: the first real one is above both
        long first = Math.max(r.receivedLsn + 1, st.ledger.truncationEnd() + 1);
        for (ProtectionGroup pg : r.pgs) {
            int boxcar = pg.log().append(Math.min(first, upTo), upTo);
            for (Segment s : pg.allCopies()) {
                if (s.state().accepting() && !s.retired() && ctx.reachable(s)) {
                    s.fillUpTo(boxcar);
                }
            }
            Replication.updateSecondaryPgcl(pg);
        }
        r.receivedLsn = upTo;
    }
}
