package dev.auroralab.engine.global;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.global.RegionOutage;

/**
 * A whole region lost and restored. An old primary that returns after a global failover resynchronises and rejoins
 * as a secondary.
 *
 * <p>Source: UG "Recovering an Amazon Aurora global database from an unplanned outage". Model: the resync takes a
 * fixed time (ModelValues.GLOBAL_REJOIN_RESYNC_MICROS).
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
            startResync(r);
        } else if (r.role == Region.Role.SECONDARY) {
            r.shippedLsn = r.receivedLsn; // sent again from what it holds
            r.linkFreeMicros = ctx.now();
        }
        return CommandResult.ok("region " + name + " is back");
    }

    /** The old primary returns after a global failover: it resyncs (a model time, [GK]) and rejoins as a secondary. */
    public void startResync(Region r) {
        r.resyncing = true;
        int generation = ++r.resyncGeneration;
        long ready = ctx.now() + ModelValues.GLOBAL_REJOIN_RESYNC_MICROS;
        ctx.emit(new RegionResyncStarted(ctx.now(), r.name, ready));
        st.queue.schedule(ready, new Scheduled.ResyncDone(r.index, generation));
    }

    /** The resync time is over: the old primary rejoins as a secondary, from what it still holds. */
    public void onResyncDone(Scheduled.ResyncDone d) {
        Region r = st.regions.get(d.region());
        int generation = d.resyncGeneration();
        if (r.resyncGeneration != generation || r.down) {
            return;
        }
        r.resyncing = false;
        r.rejoinPending = false;
        r.role = Region.Role.SECONDARY;
        // what it held above the cut was truncated at the failover; it continues from what it still holds
        r.durableLsn = Math.min(r.durableLsn, r.receivedLsn);
        r.shippedLsn = r.receivedLsn;
        r.linkFreeMicros = ctx.now();
        for (Instance i : st.instances) {
            if (ctx.regionOf(i) == r && i.up()) {
                i.resetApplied(r.durableLsn);
            }
        }
        ctx.emit(new RegionRejoined(ctx.now(), r.name, r.receivedLsn));
        ctx.availability.refreshAvailability();

    }
}
