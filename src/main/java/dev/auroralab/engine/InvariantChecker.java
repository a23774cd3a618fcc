package dev.auroralab.engine;

import dev.auroralab.engine.EngineState.ReadRoute;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.SegmentState;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety properties Aurora's design promises, checked against the engine's state (tests run it after every
 * event, as Caffeine's and TigerBeetle's simulators do):
 * <ul>
 * <li>every acknowledged commit is on at least a write quorum of its PG's copies (4 of 6; 3 of 4 in the degraded
 * model), less the copies since destroyed, whose loss is counted;</li>
 * <li>VDL never passes VCL, and no commit is acknowledged above VDL;</li>
 * <li>storage accepts at most one writer per volume epoch;</li>
 * <li>a writer's read is served by a copy that holds the read point;</li>
 * <li>every issued write is acknowledged, failed or pending.</li>
 * </ul>
 */
public final class InvariantChecker {

    private InvariantChecker() {
    }

    /**
     * The volume's incremental aggregates (storage/Volume) against a loop over every group: VCL limit, the highest
     * read point every group serves (checked by its definition: every group serves it, some group not the next LSN)
     * and the quorum flags the engine last reported.
     */
    private static void checkVolumeAggregates(Region r, List<String> out) {
        long cap = Long.MAX_VALUE - 1;
        long loop = cap;
        for (ProtectionGroup pg : r.pgs) {
            loop = Math.min(loop, pg.log().completeThrough(pg.pgclBoxcar()));
        }
        long indexed = r.volume.completeLsn(cap);
        if (indexed != loop) {
            out.add(r.name + ": the volume's VCL limit " + indexed + " != " + loop + " from every group");
        }
        long through = r.volume.readableThroughLsn();
        if (through != Long.MIN_VALUE && !everyGroupServes(r, through)) {
            out.add(r.name + ": read point " + through + " is said to be served by every group but is not");
        }
        if (through != Long.MAX_VALUE && everyGroupServes(r, through + 1)) {
            out.add(r.name + ": every group serves read point " + (through + 1) + " but the volume says "
                    + through);
        }
    }

    private static boolean everyGroupServes(Region r, long readPoint) {
        for (ProtectionGroup pg : r.pgs) {
            Segment best = pg.mostCompleteReadable(null);
            int needed = pg.log().lastIndexAtOrBelow(readPoint);
            if (needed >= 0 && (best == null || best.prefix() < needed)) {
                return false;
            }
        }
        return true;
    }

    /** Returns the violated properties in words; empty when all hold. */
    public static List<String> check(AuroraEngine engine) {
        List<String> out = new ArrayList<>();
        long acked = engine.ledger().acknowledgedLsn();
        for (ProtectionGroup pg : engine.protectionGroups()) {
            int needed = pg.log().lastIndexAtOrBelow(acked);
            if (needed < 0) {
                continue;
            }
            int holders = 0;
            int destroyed = 0;
            for (Segment s : pg.allCopies()) {
                if (s.retired()) {
                    continue;
                }
                if (s.state() == SegmentState.DESTROYED) {
                    destroyed++;
                } else if (s.state() != SegmentState.REPLACING || s.prefix() >= 0) {
                    if (s.holdsAllUpTo(needed)) {
                        holders++;
                    }
                }
            }
            if (holders == 0 && pg.stagedBoxcar() < needed) {
                out.add(pg.id() + ": acknowledged LSN " + acked + " survives on no copy and in no backup, yet is not"
                        + " counted as lost");
            }
            int required = Math.max(0, pg.writeQuorumSize() - destroyed);
            if (holders < required) {
                out.add(pg.id() + ": acknowledged LSN " + acked + " is held by " + holders + " copies, needs "
                        + required);
            }
        }
        if (engine.vdl() > engine.vcl()) {
            out.add("VDL " + engine.vdl() + " > VCL " + engine.vcl());
        }
        if (acked > engine.vdl()) {
            out.add("a commit was acknowledged at " + acked + " above VDL " + engine.vdl());
        }
        if (engine.epochViolations() > 0) {
            out.add("storage accepted two writers in one volume epoch");
        }
        for (ReadRoute r : engine.lastWriterReadRoutes()) {
            if (r.atMicros() == engine.nowMicros() && r.neededBoxcar() >= 0
                    && !r.segment().holdsAllUpTo(r.neededBoxcar())) {
                out.add("a writer read at read point " + r.readPoint() + " went to " + r.segment().id()
                        + " which does not hold it");
            }
        }
        for (Region r : engine.regions()) {
            checkVolumeAggregates(r, out);
        }
        long[] c = engine.counters();
        if (c[0] != c[1] + c[2] + c[3]) {
            out.add("writes issued " + c[0] + " != acknowledged " + c[1] + " + failed " + c[2] + " + pending " + c[3]);
        }
        return out;
    }
}
