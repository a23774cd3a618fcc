package dev.auroralab.engine.storage;

import dev.auroralab.engine.EngineContext;
import dev.auroralab.engine.EngineState;
import dev.auroralab.engine.Scheduled;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.Region;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.ProtectionGroup.Slot;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.WritePath;

/**
 * The write path: the writer allocates LSNs, sends one boxcar per protection group per window to all six copies,
 * each copy persists it and acknowledges with its SCL, the writer advances PGCL at a write quorum (the AND of the
 * quorum terms during a membership change), VCL across the volume, VDL at the highest consistency point at or below
 * VCL, and acknowledges a commit once VDL reaches it; no LSN is allocated above VDL + LAL.
 *
 * <p>Source: P17 §3-4 (boxcars, SCL, PGCL, VCL, VDL, LAL, commit queue), P18 §2 (quorum sets, epochs).
 * Model: one boxcar per PG per 2 ms window; records are counted, never materialised; a write is two records.
 */
public final class WritePath {

    private final EngineContext ctx;
    private final EngineState st;

    // scratch for one window: the first and last LSN and record count each PG gets
    private long[] firstOfPg = new long[0];
    private long[] lastOfPg = new long[0];
    private int[] countOfPg = new int[0];
    private int[] touched = new int[16];
    /** The (epoch, writer) pair the last delivery found already recorded: a cache, so a copied engine starts empty. */
    private long lastEpochSeen = -1;
    private String lastWriterSeen;

    public WritePath(EngineContext ctx) {
        this.ctx = ctx;
        this.st = ctx.st;
    }

    public void onBoxcarWindow() {
        long now = ctx.now();
        long window = ModelValues.BOXCAR_WINDOW_MICROS;
        double want = st.writesPerSecond * window / 1e6 + st.writeCarry;
        int n = (int) want;
        st.writeCarry = want - n;
        int forwarded = ctx.writeForwarding.forwardedWritesWaiting();
        n += forwarded;
        st.writesIssued += n;
        boolean any = n > 0 || !st.lsnWait.isEmpty();
        if (any && !ctx.writerAcceptsWrites()) {
            // no writer takes them: these writes fail, and so do the ones still waiting for an LSN
            st.writesFailed += n + st.lsnWait.clear();
            ctx.writeForwarding.failForwardedWrites();
        } else if (n > 0 && st.lsnWait.isEmpty()
                && st.ledger.fitsUnderAllocationLimit(n, st.vdl, ModelValues.LSN_ALLOCATION_LIMIT)) {
            throttled(false);
            issueWindow(n, now);
            if (forwarded > 0) {
                ctx.writeForwarding.allocateForwardedWrites();
            }
        } else if (any) {
            // P17 §4.2.1: no LSN above VDL + LAL; the writer throttles, and the writes wait their turn in order
            st.lsnWait.add(n - forwarded, Math.max(0, now - window));
            if (forwarded > 0) {
                // model: a forwarded write that cannot get an LSN now times out rather than wait
                st.writesFailed += forwarded;
                ctx.writeForwarding.failForwardedWrites();
            }
            issueWaiting(now);
            throttled(!st.lsnWait.isEmpty());
        }
        if (st.regions.size() > 1) {
            ctx.replication.onGlobalWindow();
        }
        if (st.writerServing && st.writer != null && st.vdl > st.lastRedoVdl) {
            ctx.replicas.sendRedo();
        }
        if (!st.writable) {
            st.writeDowntimeMicros += window;
        }
        st.queue.scheduleAfter(window, Scheduled.Tick.BOXCAR_WINDOW);
    }

    /** The writer starts or stops throttling at the allocation limit: said once each way, with the volume's status. */
    private void throttled(boolean now) {
        if (now == st.lalReported) {
            return;
        }
        st.lalReported = now;
        if (now) {
            ctx.emit(new LsnAllocationLimitReached(ctx.now(), st.vdl,
                    st.ledger.allocationLimit(st.vdl, ModelValues.LSN_ALLOCATION_LIMIT)));
        }
        ctx.availability.refreshAvailability();
    }

    /** Gives LSNs to as many waiting writes as fit under VDL + LAL, oldest first, and sends them in one window. */
    private void issueWaiting(long now) {
        long limit = st.ledger.allocationLimit(st.vdl, ModelValues.LSN_ALLOCATION_LIMIT);
        long room = (limit - st.ledger.nextLsn() + 1) / st.ledger.recordsPerTxn();
        long first = -1;
        long txns = 0;
        while (room > 0 && !st.lsnWait.isEmpty()) {
            int k = (int) Math.min(Math.min(room, st.lsnWait.headCount()), Integer.MAX_VALUE / 4);
            // each group keeps the time its writes arrived: their commit latency includes the wait
            long at = st.ledger.allocate(k, st.lsnWait.headArrivedAtMicros());
            first = first < 0 ? at : first;
            st.lsnWait.take(k);
            room -= k;
            txns += k;
        }
        if (txns > 0) {
            sendRecords(first, (int) (txns * st.ledger.recordsPerTxn()), now);
        }
    }

    public void issueWindow(int txns, long now) {
        // these writes arrived during the window that closes now
        long first = st.ledger.allocate(txns, Math.max(0, now - ModelValues.BOXCAR_WINDOW_MICROS));
        sendRecords(first, txns * st.ledger.recordsPerTxn(), now);
    }

    /** Spreads the records from LSN {@code first} over the groups and sends each touched group one boxcar. */
    private void sendRecords(long first, int records, long now) {
        int p = ctx.pgs().size();
        if (countOfPg.length != p) {
            firstOfPg = new long[p];
            lastOfPg = new long[p];
            countOfPg = new int[p];
        }
        // only the groups this window touches are visited, so a window costs what it carries, not the volume's size
        int touchedCount = 0;
        if (p == 1) {
            countOfPg[0] = records;
            firstOfPg[0] = first;
            lastOfPg[0] = first + records - 1;
            touched = push(touched, touchedCount++, 0);
        } else {
            // each record changes a page of one PG, chosen at random (the workload stream)
            for (int r = 0; r < records; r++) {
                int g = st.random.workload.nextInt(p);
                long lsn = first + r;
                if (countOfPg[g]++ == 0) {
                    firstOfPg[g] = lsn;
                    touched = push(touched, touchedCount++, g);
                }
                lastOfPg[g] = lsn;
            }
        }
        // in PG order, as the boxcars always left: the latency draws follow the same sequence
        java.util.Arrays.sort(touched, 0, touchedCount);
        for (int k = 0; k < touchedCount; k++) {
            int g = touched[k];
            countOfPg[g] = 0;
            ProtectionGroup pg = ctx.pgs().get(g);
            int index = pg.log().append(firstOfPg[g], lastOfPg[g]);
            sendBoxcar(pg, index, now);
        }
    }

    private static int[] push(int[] list, int at, int value) {
        int[] out = at == list.length ? java.util.Arrays.copyOf(list, Math.max(16, at * 2)) : list;
        out[at] = value;
        return out;
    }


    public void sendBoxcar(ProtectionGroup pg, int index, long now) {
        // slot by slot, current copy then replacement: the order allCopies() gives, without a list per boxcar
        for (int k = 0; k < ModelValues.COPIES_PER_PG; k++) {
            Slot slot = pg.slot(k);
            sendBoxcar(slot.current(), index, now);
            if (slot.replacement() != null) {
                sendBoxcar(slot.replacement(), index, now);
            }
        }
    }

    private void sendBoxcar(Segment s, int index, long now) {
        if (s.state().accepting() && !s.retired()) {
            long arrives = now + ctx.hop(st.writer.az(), s.az()) + ModelValues.SEGMENT_PERSIST_MICROS;
            st.queue.schedule(arrives, new Scheduled.BoxcarDelivery(ctx.refOf(s), index, st.writer.id(),
                    st.writer.az(), st.volumeEpoch, now, arrives));
        }
    }

    /**
     * The writer keeps every record until a write quorum holds it and sends again what did not get there (P17 §4.2,
     * P18 §2.3). A copy's holes are normally filled by gossip from its peers (P18 §2.2), so only a boxcar that no
     * reachable copy holds is sent again: one sent while every copy that took it was out, which would otherwise keep
     * PGCL, VCL and VDL, and every commit above, waiting for ever although nothing is lost. Called from a gossip round
     * of {@code pg} with copies still behind; the boxcars up to {@code throughBoxcar} left the writer at least one
     * gossip interval ago, so none of them is still on the wire. Only boxcars above PGCL and above the most complete
     * reachable copy are looked at, at most {@link ModelValues#GOSSIP_BATCHES_PER_ROUND} are sent per round (model
     * value: the same batch gossip moves), each to every copy as a fresh boxcar is.
     */
    public void resendWhatNoCopyHolds(ProtectionGroup pg, int throughBoxcar) {
        Segment best = pg.mostCompleteReadable(null);
        if (best == null || !ctx.writerAcceptsWrites() || pg.regionIndex() != st.writeRegion.index) {
            return;
        }
        int last = Math.min(throughBoxcar, pg.log().size() - 1);
        long now = ctx.now();
        int sent = 0;
        int first = -1;
        int lastSent = -1;
        for (int i = Math.max(pg.pgclBoxcar(), best.prefix()) + 1;
                i <= last && sent < ModelValues.GOSSIP_BATCHES_PER_ROUND; i++) {
            if (!heldByAReachableCopy(pg, i)) {
                sendBoxcar(pg, i, now);
                first = first < 0 ? i : first;
                lastSent = i;
                sent++;
            }
        }
        if (sent > 0) {
            ctx.emit(new BoxcarsResent(now, pg.id(), st.writer.id(), sent, pg.log().firstLsn(first),
                    pg.log().lastLsn(lastSent)));
        }
    }

    private static boolean heldByAReachableCopy(ProtectionGroup pg, int boxcar) {
        for (Segment s : pg.allCopies()) {
            if (s.servesReads() && s.holds(boxcar)) {
                return true;
            }
        }
        return false;
    }

    /** A boxcar reaches one copy: persisted and acknowledged, unless the copy is out or the writer is fenced. */
    public void onBoxcarDelivered(Scheduled.BoxcarDelivery d) {
        Segment s = ctx.copy(d.to());
        if (!s.state().accepting() || s.retired() || !ctx.reachable(s)) {
            return; // lost on the wire: the copy is out
        }
        if (d.epoch() < s.volumeEpoch()) {
            ctx.emit(new StaleWriteRejected(ctx.now(), s.id(), d.writerId(), d.epoch(), s.volumeEpoch()));
            return;
        }
        if (s.pg().log().isTruncated(d.boxcar())) {
            return;
        }
        if (d.epoch() > s.volumeEpoch()) {
            s.setVolumeEpoch(d.epoch());
        }
        // storage accepts one writer per epoch (P18 §2.4); the pair just seen needs no lookup (nor a boxed key)
        if (d.epoch() != lastEpochSeen || !d.writerId().equals(lastWriterSeen)) {
            String prior = st.writerByEpoch.putIfAbsent(d.epoch(), d.writerId());
            if (prior != null && !prior.equals(d.writerId())) {
                st.epochViolations++;
            } else {
                lastEpochSeen = d.epoch();
                lastWriterSeen = d.writerId();
            }
        }
        int prefix = s.receive(d.boxcar());
        long arrives = ctx.now() + ctx.hop(s.az(), d.writerAz());
        st.queue.schedule(arrives, new Scheduled.AckDelivery(d.to(), prefix, d.writerId(), d.epoch(), ctx.now(),
                arrives));
    }

    /**
     * A copy whose complete prefix grew without a boxcar (it came back, caught up by gossip, or a new copy was
     * hydrated) reports its SCL to the writer (P18 §2.3: the writer learns each copy's SCL from the copy), so PGCL,
     * VCL and VDL move and pending commits are acknowledged even when no new write arrives. Only the write region's
     * copies report; a copy reports only what the writer does not know yet. Model value: the report takes one hop
     * without jitter, so it draws nothing from the latency stream.
     */
    public void reportScl(Segment s) {
        if (st.writer == null || !st.writer.up() || s.pg().regionIndex() != st.writeRegion.index
                || s.prefix() <= s.ackedPrefix()) {
            return;
        }
        long now = ctx.now();
        long arrives = now + (s.az().equals(st.writer.az()) ? ModelValues.SAME_AZ_HOP_MICROS
                : ModelValues.CROSS_AZ_HOP_MICROS);
        st.queue.schedule(arrives, new Scheduled.AckDelivery(s.ref(), s.prefix(), st.writer.id(), st.volumeEpoch, now,
                arrives));
    }

    /** A copy's acknowledgement reaches the writer that sent the boxcar: its SCL may move PGCL. */
    public void onAckDelivered(Scheduled.AckDelivery a) {
        if (st.writer == null || !st.writer.id().equals(a.writerId()) || a.epoch() != st.volumeEpoch
                || !st.writer.up()) {
            return; // the writer that sent the boxcar is gone or fenced
        }
        Segment segment = ctx.copy(a.from());
        if (a.prefix() > segment.ackedPrefix()) {
            segment.setAckedPrefix(a.prefix());
            onAcknowledged(segment.pg());
        }
    }

    public void onAcknowledged(ProtectionGroup pg) {
        int candidate = pg.quorumAckedPrefix();
        if (candidate <= pg.pgclBoxcar()) {
            return; // PGCL never moves back: what reached quorum stays durable
        }
        pg.setPgclBoxcar(candidate);
        advanceVolumeDurableLsn();
    }

    /** VCL = no record at or below it is missing a quorum anywhere; VDL = highest CPL at or below VCL (P17 §4.1). */
    public void advanceVolumeDurableLsn() {
        long limit = st.writeRegion.volume.completeLsn(st.ledger.maxAllocatedLsn());
        if (limit > st.vcl) {
            st.vcl = limit;
        }
        long newVdl = st.ledger.highestCplAtOrBelow(st.vcl);
        if (newVdl > st.vdl) {
            st.vdl = newVdl;
            st.vdlReachedMicros = ctx.now();
            if (st.writeRegion.role == Region.Role.PRIMARY) {
                st.globalVdl = st.vdl;
                if (st.regions.size() > 1) {
                    st.history.record(st.vdl, st.vdlReachedMicros);
                }
            }
            acknowledgeCommits();
        }
    }

    /** Acknowledges the commits VDL has reached, unless the managed RPO holds them back. */
    public void acknowledgeCommits() {
        if (!st.commitsBlocked) {
            st.writesAcknowledged += st.ledger.acknowledgeUpTo(st.vdl, ctx.now(), st.commitLatency);
            if (st.regions.size() > 1) {
                ctx.writeForwarding.onForwardedWritesAcknowledged();
            }
        }
    }

    public CommandResult setWorkload(Double writes, Double reads) {
        if (writes != null) {
            st.writesPerSecond = writes;
        }
        if (reads != null) {
            st.readsPerSecond = reads;
        }
        ctx.emit(new WorkloadChanged(ctx.now(), st.writesPerSecond, st.readsPerSecond));
        return CommandResult.ok("workload changed");
    }
}
