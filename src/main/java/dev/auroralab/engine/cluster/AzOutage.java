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
 * An Availability Zone lost and restored: its instances and copies go down together; during a long outage the
 * quorum model of each protection group changes to 3 of the 4 copies left, and changes back once the AZ returns and
 * its copies are up again.
 *
 * <p>Source: P17 §2.1 (AZ+1), P18 §4.1 (quorum model change during an AZ loss). Model: the change happens after a
 * fixed time (ModelValues.AZ_OUTAGE_DEGRADE_AFTER_MICROS) and only while one AZ of the region is out (decision 0002).
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
        int generation = st.azOutageGeneration.merge(az, 1, Integer::sum);
        st.queue.scheduleAfter(ModelValues.AZ_OUTAGE_DEGRADE_AFTER_MICROS, new Scheduled.LongAzOutage(az, generation));
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

    /**
     * P18 §4.1: during a long AZ loss, the quorum model changes to 3 of the 4 copies left, where the group allows it
     * ({@link ProtectionGroup#mayEnterDegradedModel}); a group that cannot change now is looked at again every second
     * while the AZ stays out.
     */
    public void onLongAzOutage(String az, int generation) {
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
