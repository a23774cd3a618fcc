package dev.auroralab.engine.storage;

import dev.auroralab.engine.snapshot.VolumeReason;
import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.cluster.Instance;
import dev.auroralab.engine.snapshot.EngineSnapshot.*;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.ReadPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The read path: a read is served at a read point (VDL for the writer, the applied LSN for a replica) from one copy
 * that holds it, chosen by the instance's own bookkeeping; no quorum read happens outside crash recovery. The reader
 * endpoint spreads connections over the replicas that are up, and resolves to the writer when there is none.
 *
 * <p>Source: P17 §4.2.3 (reads without quorum), P18 §3.3; UG "Amazon Aurora connection management" (endpoints).
 * Model: reads are counted per 10 ms tick and spread round-robin over the endpoint's targets; a read fails for the
 * share of protection groups no reachable copy can serve at the target's read point.
 */
public final class ReadPath {

    private final EngineContext ctx;
    private final EngineState st;

    public ReadPath(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public void onReadTick() {
        long tick = ModelValues.READ_TICK_MICROS;
        double want = st.readsPerSecond * tick / 1e6 + st.readCarry;
        long n = (long) want;
        st.readCarry = want - n;
        st.readsIssued += n;
        List<Instance> targets = readerEndpointTargets();
        st.lastWriterReadRoutes.clear();
        boolean anyTargetReadsAll = false;
        if (targets.isEmpty()) {
            st.readsFailed += n;
        } else {
            int[] bestPrefix = null;
            long readableThrough = st.writeRegion.volume.readableThroughLsn();
            int t = targets.size();
            int p = ctx.pgs().size();
            for (int k = 0; k < t; k++) {
                Instance target = targets.get((int) ((k + st.readTickCount) % t));
                long share = n / t + (k < n % t ? 1 : 0);
                long readPoint = readPointOf(target);
                int pgsOk = 0;
                if (readPoint <= readableThrough && target != st.writer) {
                    pgsOk = p; // every group holds the read point on a reachable copy: no need to look at each
                } else if (bestPrefix == null) {
                    bestPrefix = reachablePrefixes();
                }
                for (int g = 0; g < p && pgsOk < p; g++) {
                    int needed = ctx.pgs().get(g).log().lastIndexAtOrBelow(readPoint);
                    if (needed < 0 || bestPrefix[g] >= needed) {
                        pgsOk++;
                        if (target == st.writer) {
                            routeWriterRead(ctx.pgs().get(g), readPoint, needed);
                        }
                    }
                }
                long served = share * pgsOk / p;
                st.readsServed += served;
                st.readsFailed += share - served;
                anyTargetReadsAll |= pgsOk == p;
            }
        }
        st.readTickCount++;
        if (!anyTargetReadsAll) {
            st.readDowntimeMicros += tick;
        }
        ctx.availability.refreshAvailability(anyTargetReadsAll);
        st.queue.scheduleAfter(tick, Scheduled.Tick.READ_TICK);
    }

    public long readPointOf(Instance target) {
        return target == st.writer ? st.vdl : target.appliedLsn();
    }

    /** The reader endpoint spreads connections over the replicas that are up; with none, it resolves to the writer. */
    public List<Instance> readerEndpointTargets() {
        List<Instance> out = new ArrayList<>();
        for (Instance i : st.instances) {
            if (i.role() == InstanceRole.READER && i.up() && ctx.regionOf(i) == st.writeRegion) {
                out.add(i);
            }
        }
        if (out.isEmpty() && ctx.writerAcceptsWrites()) {
            out.add(st.writer);
        }
        return out;
    }

    /** Per PG, the longest complete prefix among copies a read can reach now (-1 when none). */
    public int[] reachablePrefixes() {
        int[] best = new int[ctx.pgs().size()];
        for (int g = 0; g < ctx.pgs().size(); g++) {
            best[g] = ctx.prefixOf(ctx.pgs().get(g).mostCompleteReadable(null));
        }
        return best;
    }

    /** Picks the closest copy holding the read point (same AZ first), as the writer's read of one page would. */
    public void routeWriterRead(ProtectionGroup pg, long readPoint, int needed) {
        Segment chosen = null;
        for (Segment s : pg.allCopies()) {
            if (s.servesReads() && (needed < 0 || s.holdsAllUpTo(needed))) {
                if (chosen == null || (s.az().equals(st.writer.az()) && !chosen.az().equals(st.writer.az()))) {
                    chosen = s;
                }
            }
        }
        if (chosen != null) {
            st.lastWriterReadRoutes.add(new EngineState.ReadRoute(chosen, readPoint, needed, ctx.now()));
        }
    }

    /** Whether a client read through the reader endpoint can be served for every PG right now. */
    public boolean readableNow() {
        List<Instance> targets = readerEndpointTargets();
        if (targets.isEmpty()) {
            return false;
        }
        long readableThrough = st.writeRegion.volume.readableThroughLsn();
        for (Instance t : targets) {
            if (readPointOf(t) <= readableThrough) {
                return true;
            }
        }
        int[] best = reachablePrefixes();
        for (Instance t : targets) {
            long readPoint = readPointOf(t);
            boolean all = true;
            for (int g = 0; g < ctx.pgs().size() && all; g++) {
                int needed = ctx.pgs().get(g).log().lastIndexAtOrBelow(readPoint);
                all = needed < 0 || best[g] >= needed;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Why reads fail now, added to {@code writes} (what the writes are doing). */
    public VolumeReason readBlockReason(VolumeReason writes) {
        List<Instance> targets = readerEndpointTargets();
        if (targets.isEmpty()) {
            return new VolumeReason.ReadsFail(writes, true, null);
        }
        int[] best = reachablePrefixes();
        long readPoint = readPointOf(targets.get(0));
        for (ProtectionGroup pg : ctx.pgs()) {
            int needed = pg.log().lastIndexAtOrBelow(readPoint);
            if (needed >= 0 && best[pg.index()] < needed) {
                return new VolumeReason.ReadsFail(writes, false, pg.id());
            }
        }
        return new VolumeReason.ReadsFail(writes, false, null);
    }
}
