package dev.auroralab.engine.cluster;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.SegmentState;
import dev.auroralab.engine.cluster.AzOutage;
import java.util.ArrayList;

/**
 * An Availability Zone lost and restored: its instances and copies go down together. While it is out, AZ+1 (one more
 * copy of a group lost) stops that group's writes and keeps its reads (P17 §2.1), however long the AZ stays out. The
 * quorum model of each group can be changed to 3 of the 4 copies left outside the AZ (P18 §4.1, "the quorum model
 * itself can change"), by an explicit, labelled action ({@code reconfigure-quorum}); it changes back once the AZ
 * returns and its copies are up again.
 *
 * <p>Source: P17 §2.1 (AZ+1), P18 §4.1 (quorum model change during an AZ loss), the Aurora FAQ (an AZ plus one more
 * copy loses write availability). Model: the change is a teacher's action, never automatic, and only while one AZ of
 * the region is out (decision 0002); a group that cannot change yet is looked at again every second.
 */
public final class AzOutage {

    private final EngineContext ctx;
    private final EngineState st;

    public AzOutage(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public CommandResult failAz(String az) {
        Region region = st.regionByAz.get(az);
        int[] down = takeAzDown(region, az);
        ctx.emit(new AvailabilityZoneFailed(ctx.now(), az, down[0], down[1]));
        st.azOutageGeneration.merge(az, 1, Integer::sum);
        return CommandResult.ok("AZ " + az + " is out");
    }

    /** Takes an AZ's instances and copies down. Returns {instances, copies} that went down. */
    public int[] takeAzDown(Region region, String az) {
        st.downAzs.add(az);
        int instancesDown = 0;
        for (Instance i : st.instances) {
            if (i.az().equals(az) && i.status() != InstanceStatus.DOWN) {
                instancesDown++;
                ctx.failover.markInstanceDown(i, false);
            }
        }
        int segmentsDown = 0;
        for (ProtectionGroup pg : region.pgs) {
            for (Segment s : pg.allCopies()) {
                if (s.az().equals(az) && ctx.repair.refreshSegment(s)) {
                    segmentsDown++;
                }
            }
        }
        return new int[] {instancesDown, segmentsDown};
    }

    public CommandResult restoreAz(String az) {
        Region region = st.regionByAz.get(az);
        st.azOutageGeneration.merge(az, 1, Integer::sum);
        ctx.emit(new AvailabilityZoneRestored(ctx.now(), az));
        bringAzBack(region, az);
        return CommandResult.ok("AZ " + az + " is back");
    }

    public void bringAzBack(Region region, String az) {
        st.downAzs.remove(az);
        for (ProtectionGroup pg : region.pgs) {
            for (Segment s : pg.allCopies()) {
                if (s.az().equals(az)) {
                    ctx.repair.refreshSegment(s);
                    if (s.state() == SegmentState.DESTROYED || s.state() == SegmentState.DOWN) {
                        ctx.repair.scheduleRepairCheck(s);
                    }
                }
            }
            maybeLeaveDegradedModel(pg);
        }
        for (Instance i : new ArrayList<>(st.instances)) {
            if (i.az().equals(az) && i.status() == InstanceStatus.DOWN && !i.crashed()) {
                ctx.replicas.restartInstance(i);
            }
        }
    }

    /** The reconfigure-quorum action: every group of the AZ's region that can moves to 3 of 4 now (P18 §4.1). */
    public CommandResult reconfigureQuorum(String az) {
        degradeWherePossible(az, st.azOutageGeneration.get(az));
        Region region = st.regionByAz.get(az);
        long changed = region.pgs.stream().filter(pg -> az.equals(pg.degradedExcludedAz())).count();
        return CommandResult.ok(changed + " of " + region.pgs.size() + " protection group(s) now use 3 of the 4"
                + " copies outside AZ " + az + (changed < region.pgs.size() ? "; the others follow once they can" : ""));
    }

    /**
     * P18 §4.1: the quorum model changes to 3 of the 4 copies left, where the group allows it
     * ({@link ProtectionGroup#mayEnterDegradedModel}); a group that cannot change now is looked at again every second
     * while the AZ stays out (the same outage: {@code generation}).
     */
    public void degradeWherePossible(String az, int generation) {
        if (!st.downAzs.contains(az) || st.azOutageGeneration.get(az) != generation) {
            return;
        }
        Region region = st.regionByAz.get(az);
        boolean onlyAzOut = region.onlyAzOut(az, st.downAzs);
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
            ctx.emit(new DegradedQuorumEntered(ctx.now(), az, changed));
            for (ProtectionGroup pg : region.pgs) {
                if (region == st.writeRegion) {
                    ctx.writePath.onAcknowledged(pg);
                } else {
                    ctx.replication.onSecondaryPgChanged(region, pg);
                }
            }
        }
        if (waiting) {
            st.queue.scheduleAfter(ModelValues.AZ_OUTAGE_DEGRADE_RECHECK_MICROS,
                    new Scheduled.LongAzOutage(az, generation));
        }
        ctx.availability.refreshAvailability();
    }

    public void maybeLeaveDegradedModel(ProtectionGroup pg) {
        String az = pg.degradedExcludedAz();
        if (!pg.mayLeaveDegradedModel(az != null && st.downAzs.contains(az))) {
            return;
        }
        pg.leaveDegradedModel();
        boolean anyLeft = st.regionByAz.get(az).pgs.stream().anyMatch(o -> az.equals(o.degradedExcludedAz()));
        if (!anyLeft) {
            ctx.emit(new DegradedQuorumLeft(ctx.now(), az));
        }
    }
}
