package dev.auroralab.engine.storage;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.cluster.Instance;

/**
 * Garbage collection of the log: storage keeps redo only as long as something may still need it, and drops it below
 * the lowest read point any instance holds (the Protection Group Min Read Point LSN, PGMRPL) once it is in the pages
 * and backed up to S3.
 *
 * <p>Source: P18 §3.3 (PGMRPL: "the storage nodes ... can garbage collect" below it), P17 §3.3 step 5 and Fig. 4
 * (coalescing, backup to S3, garbage collection). Model: the engine's own bookkeeping ({@link BoxcarLog},
 * {@link CommitLedger}) is what gets collected, so a run's memory no longer grows with every boxcar window. One
 * volume-wide low-water mark is computed at each continuous-backup staging (every 10 s): the lowest of every
 * surviving copy's SCL, every PG's PGCL and staged backup point, every instance's read point, every region's durable,
 * received and shipped LSN and every message still in flight. Nothing at or above it is ever forgotten, so no
 * result changes (GoldenRunTest); a copy that is down, or a region that is out, holds the mark back until it returns.
 */
public final class GarbageCollection {

    private final EngineContext ctx;
    private final EngineState st;

    public GarbageCollection(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    /** Forgets, in every region's logs and in the commit ledger, what lies below the low-water mark. */
    public void collect() {
        long mark = lowWaterMarkLsn();
        if (mark <= 0) {
            return;
        }
        for (Region r : st.regions) {
            for (ProtectionGroup pg : r.pgs) {
                BoxcarLog log = pg.log();
                // the boxcar below the one holding the mark ends below it: every copy holds it, no query goes lower
                int keepFrom = log.lastIndexAtOrBelow(mark) - 1;
                if (keepFrom > log.firstKept()) {
                    log.forgetBelow(keepFrom);
                }
            }
        }
        st.ledger.forgetBelow(mark);
    }

    /** The lowest LSN anything in the cluster may still ask the logs about; 0 when nothing can be forgotten. */
    long lowWaterMarkLsn() {
        long mark = st.vdl;
        for (Region r : st.regions) {
            if (r != st.writeRegion) {
                mark = Math.min(mark, Math.min(r.durableLsn, Math.min(r.receivedLsn, r.shippedLsn)));
            }
            for (ProtectionGroup pg : r.pgs) {
                mark = Math.min(mark, pg.pgcl());
                if (r == st.writeRegion) {
                    mark = Math.min(mark, pg.log().sclOf(pg.stagedBoxcar()));
                }
                for (Segment s : pg.allCopies()) {
                    if (!s.retired() && s.state() != SegmentState.DESTROYED) {
                        // a new copy being filled (prefix -1) holds the mark at 0 until it is hydrated
                        mark = Math.min(mark, s.scl());
                    }
                }
            }
        }
        for (Instance i : st.instances) {
            if (i.up() && i != st.writer) {
                mark = Math.min(mark, i.appliedLsn());
            }
        }
        long[] inFlight = {mark};
        st.queue.forEachPending(e -> {
            if (e instanceof Scheduled.BoxcarDelivery b) {
                inFlight[0] = Math.min(inFlight[0], ctx.copy(b.to()).pg().log().firstLsn(b.boxcar()) - 1);
            } else if (e instanceof Scheduled.AckDelivery a) {
                inFlight[0] = Math.min(inFlight[0], ctx.copy(a.from()).scl());
            } else if (e instanceof Scheduled.RedoApply r) {
                inFlight[0] = Math.min(inFlight[0], r.vdl());
            }
        });
        return Math.max(0, inFlight[0]);
    }
}
