package dev.auroralab.engine.storage;

import dev.auroralab.engine.LatencyHistogram;
import java.util.function.Consumer;

/**
 * The writer's LSN allocation and its commit queue.
 *
 * <p>Aurora: LSNs are allocated by the writer alone, one monotonic sequence per volume (P18 §2.1); the last record of
 * every mini-transaction is a consistency point (CPL) and VDL is the highest CPL at or below VCL (P17 §4.1); a worker
 * queues its commit and moves on, and the commit is acknowledged once VDL reaches the commit's LSN (P17 §4.2.2). No LSN
 * is allocated above VDL + LAL (P17 §4.2.1).
 *
 * <p>Model: the writes of one boxcar window are allocated together: txnCount transactions of {@code recordsPerTxn}
 * records each, laid out back to back, each ending in its CPL (which is also its commit LSN). So CPLs are computed, not
 * stored, and 12 million writes cost a few bytes per window. The transactions of a window arrived while it was open,
 * before its boxcar left, so their issue times are spread evenly over it; that gives commit latency its spread.
 *
 * <p>Trimming: a window is allocated every 2 ms, so a long run forgets the old, fully resolved ones
 * ({@link #forgetBelow}). Window indices and commit counts stay absolute; the ledger remembers the highest CPL and the
 * commit count of what it forgot, which is all a query at or above the cut needs. The windows live in
 * {@link ChunkedColumns}: a copy (a run's keyframe) shares the old ones with its original.
 */
public final class CommitLedger {

    private static final int INITIAL_CAPACITY = 1024;

    private final int recordsPerTxn;
    private final long windowMicros;
    private static final int FIRST = 0;
    private static final int TXNS = 1;
    private static final int ISSUED = 2;
    /** Transactions in all windows before this one, forgotten ones included: turns a CPL into a commit count. */
    private static final int BEFORE = 3;
    /**
     * Per window: first LSN, transaction count, issue time (µs), transactions before it. Row indices are window
     * indices: {@code rows.end()} windows ever allocated (less those a truncation cut off), those below
     * {@code rows.first()} forgotten.
     */
    private final ChunkedColumns rows;
    /** The last LSN of the last forgotten window: queries at or above it are exact. */
    private long forgottenThroughLsn;
    /** The highest CPL among the forgotten windows (0 when none). */
    private long forgottenCpl;
    /** Transactions in the forgotten windows. */
    private long forgottenTxns;
    private long nextLsn = 1;
    private long maxAllocatedLsn;
    /** End of the last truncation range: LSNs below it are void, and the allocation limit counts from it. */
    private long truncationEnd;

    // acknowledged prefix of the commit queue
    private int ackWindow;
    private int ackTxn;
    private long acknowledgedLsn;
    /** Commits resolved (acknowledged or failed) in order; everything after is pending. */
    private long resolvedThrough;
    private long acknowledgedCount;
    /**
     * The latency of the slowest commit the latest acknowledgement took (the oldest of that batch), 0 before any:
     * with {@link #oldestPendingIssuedMicros()} it says how long commits take now, not since the run began.
     */
    private long latestAckLatencyMicros;

    public CommitLedger(int recordsPerTxn, long windowMicros) {
        this(recordsPerTxn, windowMicros, INITIAL_CAPACITY);
    }

    /** A ledger whose storage starts (and never shrinks below) {@code initialCapacity} windows: tests use tiny ones. */
    CommitLedger(int recordsPerTxn, long windowMicros, int initialCapacity) {
        this.recordsPerTxn = recordsPerTxn;
        this.windowMicros = windowMicros;
        rows = new ChunkedColumns(4, initialCapacity);
    }

    private CommitLedger(CommitLedger of) {
        recordsPerTxn = of.recordsPerTxn;
        windowMicros = of.windowMicros;
        rows = of.rows.copy();
        forgottenThroughLsn = of.forgottenThroughLsn;
        forgottenCpl = of.forgottenCpl;
        forgottenTxns = of.forgottenTxns;
        nextLsn = of.nextLsn;
        maxAllocatedLsn = of.maxAllocatedLsn;
        truncationEnd = of.truncationEnd;
        ackWindow = of.ackWindow;
        ackTxn = of.ackTxn;
        acknowledgedLsn = of.acknowledgedLsn;
        resolvedThrough = of.resolvedThrough;
        acknowledgedCount = of.acknowledgedCount;
        latestAckLatencyMicros = of.latestAckLatencyMicros;
    }

    /**
     * An independent copy: allocating, acknowledging, truncating or trimming one leaves the other as it was. It
     * shares the old windows with this ledger (see {@link ChunkedColumns}).
     */
    public CommitLedger copy() {
        return new CommitLedger(this);
    }

    public long nextLsn() {
        return nextLsn;
    }

    public long maxAllocatedLsn() {
        return maxAllocatedLsn;
    }

    public int recordsPerTxn() {
        return recordsPerTxn;
    }

    /** The highest LSN a commit was acknowledged at (the client-visible durable point). */
    public long acknowledgedLsn() {
        return acknowledgedLsn;
    }

    /** Total transactions ever allocated. */
    public long allocatedTxns() {
        int windows = rows.end();
        if (windows == rows.first()) {
            return forgottenTxns;
        }
        return rows.get(windows - 1, BEFORE) + rows.get(windows - 1, TXNS);
    }

    /** Commits waiting for VDL. */
    public long pendingTxns() {
        return allocatedTxns() - resolvedThrough;
    }

    /**
     * Whether {@code txns} more transactions fit under the LSN allocation limit VDL + LAL. After crash recovery the
     * writer allocates above the truncation range, so the limit counts from whichever is higher.
     */
    public boolean fitsUnderAllocationLimit(int txns, long vdl, long lal) {
        return nextLsn + (long) txns * recordsPerTxn - 1 <= allocationLimit(vdl, lal);
    }

    public long allocationLimit(long vdl, long lal) {
        return Math.max(vdl, truncationEnd) + lal;
    }

    public long truncationEnd() {
        return truncationEnd;
    }

    /** Allocates a window of {@code txns} transactions issued from {@code issuedAt}. Returns its first LSN. */
    public long allocate(int txns, long issuedAt) {
        long first = nextLsn;
        long before = allocatedTxns();
        int at = rows.append();
        rows.set(at, FIRST, first);
        rows.set(at, TXNS, txns);
        rows.set(at, ISSUED, issuedAt);
        rows.set(at, BEFORE, before);
        nextLsn = first + (long) txns * recordsPerTxn;
        maxAllocatedLsn = nextLsn - 1;
        return first;
    }

    /**
     * Forgets the windows that lie entirely at or below {@code lsn} and whose commits are all resolved (acknowledged
     * or failed), oldest first, stopping at the first that is not; a no-op when there is none. Commit counts stay
     * absolute. Queries at or above {@link #forgottenThroughLsn()} keep answering exactly as before; below it they
     * clamp (see {@link #highestCplAtOrBelow}, {@link #commitsAtOrBelow}).
     *
     * <p>The engine must not truncate below {@link #forgottenThroughLsn()} afterwards ({@link #truncateAbove} throws)
     * nor ask for exact counts below it (a replication shipping point, say).
     */
    public void forgetBelow(long lsn) {
        int firstKept = rows.first();
        int windows = rows.end();
        int w = firstKept;
        while (w < windows) {
            boolean below = lastLsnOf(w) <= lsn;
            boolean resolved = rows.get(w, BEFORE) + rows.get(w, TXNS) <= resolvedThrough;
            if (!below || !resolved) {
                break;
            }
            w++;
        }
        if (w == firstKept) {
            return;
        }
        forgottenThroughLsn = lastLsnOf(w - 1);
        forgottenCpl = highestCplAtOrBelow(forgottenThroughLsn);
        forgottenTxns = rows.get(w - 1, BEFORE) + rows.get(w - 1, TXNS);
        rows.forgetBelow(w);
        if (ackWindow < w) {
            // the forgotten windows hold no pending commit: acknowledging would only have stepped over them
            ackWindow = w;
            ackTxn = 0;
        }
    }

    /** The last LSN of the last forgotten window, or 0 when none is: queries at or above it are exact. */
    public long forgottenThroughLsn() {
        return forgottenThroughLsn;
    }

    /** Windows below this (absolute) index are forgotten. */
    public int firstKeptWindow() {
        return rows.first();
    }

    /** The last LSN of window {@code w} (just below its first when it holds no transaction). */
    private long lastLsnOf(int w) {
        return rows.get(w, FIRST) + rows.get(w, TXNS) * recordsPerTxn - 1;
    }

    /** Bytes this ledger holds alone (the windows it shares with its copies: {@link #forEachSharedChunk}). */
    public long footprintBytes() {
        return rows.ownBytes();
    }

    /** Bytes of each chunk {@link #forEachSharedChunk} names. */
    public long sharedChunkBytes() {
        return rows.chunkBytes();
    }

    /** Each block of old windows this ledger may share with its copies, by identity. */
    public void forEachSharedChunk(Consumer<Object> chunk) {
        rows.forEachChunk(chunk);
    }

    /** Window slots held in memory: for the memory tests. */
    int capacity() {
        return rows.heldRows();
    }

    /**
     * The highest CPL at or below {@code lsn} (0 when none): VDL when given VCL. P17 §4.1. Below
     * {@link #forgottenThroughLsn()} it answers as at that LSN: the highest forgotten CPL, an upper bound.
     */
    public long highestCplAtOrBelow(long lsn) {
        for (int w = windowAtOrBelow(lsn), from = rows.first(); w >= from; w--) {
            long n = Math.min(rows.get(w, TXNS), (lsn - rows.get(w, FIRST) + 1) / recordsPerTxn);
            if (n > 0) {
                return rows.get(w, FIRST) + n * recordsPerTxn - 1;
            }
        }
        return forgottenCpl;
    }

    /**
     * How many commits have their CPL at or below {@code lsn}: the commits of every earlier window plus the whole
     * transactions of its own window that end at or below it. Below {@link #forgottenThroughLsn()} it answers as at
     * that LSN: every forgotten commit, an upper bound.
     */
    public long commitsAtOrBelow(long lsn) {
        int w = windowAtOrBelow(lsn);
        if (w < rows.first()) {
            return forgottenTxns;
        }
        long n = Math.min(rows.get(w, TXNS), Math.max(0, (lsn - rows.get(w, FIRST) + 1) / recordsPerTxn));
        return rows.get(w, BEFORE) + n;
    }

    /** The last kept window starting at or below {@code lsn}, or one below the first kept. */
    private int windowAtOrBelow(long lsn) {
        return rows.lastAtOrBelow(FIRST, lsn);
    }

    /**
     * VDL has reached {@code vdl}: acknowledges every pending commit at or below it, in order, recording each
     * commit's latency. Returns how many were acknowledged.
     */
    public long acknowledgeUpTo(long vdl, long nowMicros, LatencyHistogram latency) {
        long acked = 0;
        for (int windows = rows.end(); ackWindow < windows; ackWindow++, ackTxn = 0) {
            int n = (int) rows.get(ackWindow, TXNS);
            long base = rows.get(ackWindow, FIRST);
            long issued = rows.get(ackWindow, ISSUED);
            long before = rows.get(ackWindow, BEFORE);
            while (ackTxn < n) {
                long cpl = base + (long) (ackTxn + 1) * recordsPerTxn - 1;
                if (cpl > vdl) {
                    return finishAck(acked);
                }
                long globalIndex = before + ackTxn;
                if (globalIndex >= resolvedThrough) {
                    // transaction i of n arrived at the middle of its 1/n share of the window
                    long issuedAt = issued + windowMicros * (2L * ackTxn + 1) / (2L * n);
                    latency.record(nowMicros - issuedAt);
                    if (acked == 0) {
                        latestAckLatencyMicros = Math.max(0, nowMicros - issuedAt); // the batch's oldest
                    }
                    acked++;
                    acknowledgedLsn = cpl;
                    resolvedThrough = globalIndex + 1;
                }
                ackTxn++;
            }
        }
        return finishAck(acked);
    }

    private long finishAck(long acked) {
        acknowledgedCount += acked;
        return acked;
    }

    public long acknowledgedCount() {
        return acknowledgedCount;
    }

    /** The latency of the oldest commit of the latest acknowledgement (µs), 0 before the first. */
    public long latestAckLatencyMicros() {
        return latestAckLatencyMicros;
    }

    /**
     * When the oldest commit still waiting for VDL was issued (µs), or -1 when none waits. A binary search over the
     * windows: the transactions before each window only grow.
     */
    public long oldestPendingIssuedMicros() {
        if (pendingTxns() <= 0) {
            return -1;
        }
        int w = rows.lastAtOrBelow(BEFORE, resolvedThrough);
        if (w < rows.first()) {
            return -1; // cannot happen: forgotten windows hold no pending commit
        }
        long n = rows.get(w, TXNS);
        long k = resolvedThrough - rows.get(w, BEFORE);
        if (n <= 0 || k >= n) {
            return -1;
        }
        return rows.get(w, ISSUED) + windowMicros * (2L * k + 1) / (2L * n);
    }

    /** The writer is gone: every pending commit fails (its client sees an error). Returns how many. */
    public long failPending() {
        long pending = pendingTxns();
        resolvedThrough = allocatedTxns();
        return pending;
    }

    /**
     * Crash recovery truncated the volume above {@code vdl} (P17 §4.3) and the next writer allocates above
     * {@code truncationEnd}. Returns how many acknowledged commits had their CPL above {@code vdl}: lost.
     *
     * @throws IllegalStateException when {@code vdl} is below {@link #forgottenThroughLsn()}: the windows it would cut
     *     are forgotten
     */
    public long truncateAbove(long vdl, long truncationEnd) {
        if (vdl < forgottenThroughLsn) {
            throw new IllegalStateException("truncation at " + vdl + " cuts into forgotten windows (through "
                    + forgottenThroughLsn + ")");
        }
        long acknowledgedBefore = commitsAtOrBelow(acknowledgedLsn);
        long surviving = commitsAtOrBelow(vdl);
        long lost = Math.max(0, acknowledgedBefore - surviving);
        // cut the windows so no CPL above vdl is ever found again
        int w = windowAtOrBelow(vdl);
        if (w < rows.first()) {
            rows.cutFrom(rows.first());
        } else {
            long n = Math.min(rows.get(w, TXNS), Math.max(0, (vdl - rows.get(w, FIRST) + 1) / recordsPerTxn));
            rows.set(w, TXNS, n);
            rows.cutFrom(w + 1);
        }
        if (acknowledgedLsn > vdl) {
            acknowledgedLsn = highestCplAtOrBelow(vdl);
        }
        resolvedThrough = allocatedTxns();
        ackWindow = rows.end();
        ackTxn = 0;
        this.truncationEnd = Math.max(this.truncationEnd, truncationEnd);
        nextLsn = Math.max(nextLsn, truncationEnd + 1);
        maxAllocatedLsn = Math.max(vdl, 0);
        return lost;
    }
}
