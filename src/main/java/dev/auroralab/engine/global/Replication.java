package dev.auroralab.engine.global;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.global.Replication;
import java.util.ArrayList;
import java.util.List;

/**
 * Global Database storage replication: the primary's durable redo is shipped in batches to every secondary region's
 * own six-copy volume; a secondary's durable LSN is the highest consistency point its copies hold at a write quorum,
 * and its RPO lag is how old the newest write it lacks is.
 *
 * <p>Source: aurora-reference §6, UG "Using Amazon Aurora Global Database". Model: one batch every 10 ms per region,
 * queued on a link with a fixed record rate, plus a fixed overhead and the scenario's one-way latency (decision 10).
 */
public final class Replication {

    private final EngineContext ctx;
    private final EngineState st;

    public Replication(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    /**
     * One-way latency between two regions: the scenario gives it for each secondary against its primary region. MODEL:
     * between two secondaries (after a switchover), the larger of their two latencies.
     */
    public long latencyMicros(Region a, Region b) {
        if (a == b) {
            return 0;
        }
        Region home = st.regions.get(0);
        if (a == home) {
            return b.latencyMicros;
        }
        if (b == home) {
            return a.latencyMicros;
        }
        return Math.max(a.latencyMicros, b.latencyMicros);
    }

    /**
     * The replication agent: every batch interval, ships what the primary made durable since the last batch to every
     * secondary that is up. Batches queue on each region's link (a fixed record rate), so the lag grows with the write
     * rate, and a region that was out catches up at the link's rate.
     */
    public void onReplicationBatch() {
        if (st.writeRegion.role == Region.Role.PRIMARY && !st.writeRegion.down) {
            for (Region r : st.regions) {
                if (r != st.writeRegion && r.receivesReplication() && r.shippedLsn < st.vdl) {
                    ship(r);
                }
            }
        }
        st.queue.scheduleAfter(ModelValues.GLOBAL_REPLICATION_BATCH_MICROS, Scheduled.Tick.REPLICATION_BATCH);
    }

    public void ship(Region r) {
        // real records only: a truncation range between the two holds none
        long records = (st.ledger.commitsAtOrBelow(st.vdl) - st.ledger.commitsAtOrBelow(r.shippedLsn)) * st.ledger.recordsPerTxn();
        long start = Math.max(ctx.now(), r.linkFreeMicros);
        long transfer = (long) Math.ceil(records * 1e6 / ModelValues.GLOBAL_REPLICATION_RECORDS_PER_SECOND);
        r.linkFreeMicros = start + transfer;
        long arrives = r.linkFreeMicros + latencyMicros(st.writeRegion, r) + ModelValues.GLOBAL_REPLICATION_OVERHEAD_MICROS;
        st.queue.schedule(arrives, new Scheduled.ReplicationDelivery(r.index, st.writeRegion.name, r.shippedLsn,
                st.vdl, st.truncations, ctx.now(), arrives));
        r.shippedLsn = st.vdl;
    }

    public void onReplicationArrived(Scheduled.ReplicationDelivery d) {
        Region r = st.regions.get(d.region());
        if (!r.receivesReplication()) {
            return; // lost: the region is out (it is sent again from what it holds when it returns)
        }
        if (ctx.region(d.fromRegion()).down) {
            return; // the primary region went dark with this batch on its way: it never completes
        }
        if (d.truncation() != st.truncations || d.fromLsn() != r.receivedLsn || d.toLsn() <= r.receivedLsn) {
            // cut by a truncation, or after a lost batch: the next batch resends from what arrived
            r.shippedLsn = Math.min(r.shippedLsn, r.receivedLsn);
            return;
        }
        List<Integer> boxcars = new ArrayList<>(r.pgs.size());
        // the LSNs between a truncation's cut and its end hold no record: the batch's first real one is above both
        long first = Math.max(d.fromLsn() + 1, st.ledger.truncationEnd() + 1);
        for (ProtectionGroup pg : r.pgs) {
            boxcars.add(pg.log().append(Math.min(first, d.toLsn()), d.toLsn()));
        }
        r.receivedLsn = d.toLsn();
        // the region's storage writes the batch to its six copies of every PG, as the primary's writer would
        long persisted = ctx.now() + ModelValues.SAME_AZ_HOP_MICROS + ModelValues.SEGMENT_PERSIST_MICROS;
        st.queue.schedule(persisted, new Scheduled.SecondaryPersisted(r.index, d.fromLsn(), boxcars));
    }

    public void onSecondaryPersisted(Scheduled.SecondaryPersisted p) {
        Region r = st.regions.get(p.region());
        if (r.down) {
            // the region went dark before any copy wrote the batch: it is lost, and sent again from what it holds
            for (ProtectionGroup pg : r.pgs) {
                pg.log().truncateAbove(p.fromLsn());
                for (Segment s : pg.allCopies()) {
                    s.applyTruncation();
                }
            }
            r.receivedLsn = Math.min(r.receivedLsn, p.fromLsn());
            r.shippedLsn = Math.min(r.shippedLsn, r.receivedLsn);
            return;
        }
        List<Integer> boxcars = p.boxcars();
        for (int g = 0; g < boxcars.size(); g++) {
            ProtectionGroup pg = r.pgs.get(g);
            if (boxcars.get(g) >= pg.log().size()) {
                continue;
            }
            for (Segment s : pg.allCopies()) {
                if (s.state().accepting() && !s.retired() && ctx.reachable(s)) {
                    s.receive(boxcars.get(g));
                }
            }
            updateSecondaryPgcl(pg);
        }
        advanceSecondaryDurable(r);
        ctx.availability.refreshAvailability();
    }

    /** A secondary's copies changed (persisted, gossiped, replaced): its PGCL and durable LSN may move. */
    public void onSecondaryPgChanged(Region r, ProtectionGroup pg) {
        updateSecondaryPgcl(pg);
        advanceSecondaryDurable(r);
    }

    public static void updateSecondaryPgcl(ProtectionGroup pg) {
        for (Segment s : pg.allCopies()) {
            if (s.servesReads()) {
                s.setAckedPrefix(s.prefix());
            }
        }
        pg.setPgclBoxcar(Math.max(pg.pgclBoxcar(), pg.quorumAckedPrefix()));
    }

    /** A secondary's VDL: the highest consistency point at or below the LSN every PG holds at a write quorum. */
    public void advanceSecondaryDurable(Region r) {
        long vclR = r.volume.completeLsn(r.receivedLsn);
        long d = st.ledger.highestCplAtOrBelow(vclR);
        if (d <= r.durableLsn) {
            return;
        }
        r.durableLsn = d;
        long madeDurable = st.history.timeOf(d);
        long lag = madeDurable < 0 ? 0 : ctx.now() - madeDurable;
        for (Instance i : st.instances) {
            if (ctx.regionOf(i) == r && i.up() && i.role() == InstanceRole.READER) {
                i.applied(d, lag);
            }
        }
        trimHistory();
        ctx.writeForwarding.onSecondaryAdvanced(r);
    }

    public void trimHistory() {
        long heldByAll = Long.MAX_VALUE;
        for (Region r : st.regions) {
            if (r.role == Region.Role.SECONDARY) {
                heldByAll = Math.min(heldByAll, r.durableLsn);
            }
        }
        if (heldByAll != Long.MAX_VALUE) {
            st.history.trimBelow(heldByAll);
        }
    }

    /** How old the newest write a region lacks is: what a failover to it now would lose, in time. */
    public long rpoLagMicros(Region r) {
        return lagOf(r, r.durableLsn);
    }

    public long durabilityLagMicros(Region r) {
        return lagOf(r, r.receivedLsn);
    }

    public long lagOf(Region r, long held) {
        if (r.role != Region.Role.SECONDARY || held >= st.globalVdl) {
            return 0;
        }
        long firstMissing = st.history.firstAbove(held);
        return firstMissing < 0 ? 0 : Math.max(0, ctx.now() - firstMissing);
    }

    /** Once per boxcar window: switchover progress, managed RPO, write forwarding. */
    public void onGlobalWindow() {
        if (st.phase == FailoverPhase.SWITCHOVER_SYNC) {
            Region target = ctx.region(st.globalTo);
            if (st.ledger.pendingTxns() == 0 && target.durableLsn >= st.vdl) {
                ctx.globalPromotion.beginSwitchoverReconfiguration(target);
            }
        }
        ctx.managedRpo.refreshCommitsBlocked();
        for (Region r : st.regions) {
            if (r.probeWaitingForAck && st.ledger.pendingTxns() == 0 && st.ledger.acknowledgedLsn() < r.probeLsn) {
                // the forwarded write failed with the writer (its commit was never acknowledged)
                r.probeWaitingForAck = false;
                r.forwardedWritesFailed++;
                ctx.writeForwarding.scheduleNextProbe(r, r.forwardingGeneration);
            }
        }
    }
}
