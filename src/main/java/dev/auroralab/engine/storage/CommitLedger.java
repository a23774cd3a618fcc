package dev.auroralab.engine.storage;

import dev.auroralab.engine.LatencyHistogram;
import java.util.Arrays;

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
 * commit count of what it forgot, which is all a query at or above the cut needs.
 */
public final class CommitLedger {

    private static final int INITIAL_CAPACITY = 1024;

    private final int recordsPerTxn;
    private final long windowMicros;
    /** The arrays never shrink below this. */
    private final int minCapacity;
    private long[] firstLsn;
    private int[] txnCount;
    private long[] issuedAtMicros;
    /** Transactions in all windows before this one, forgotten ones included: turns a CPL into a commit count. */
    private long[] txnsBefore;
    /** Windows ever allocated (less those a truncation cut off): window indices are absolute. */
    private int windows;
    /** The window index held in array slot 0. */
    private int origin;
    /** Windows below this index are forgotten. */
    private int firstKept;
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

    public CommitLedger(int recordsPerTxn, long windowMicros) {
        this(recordsPerTxn, windowMicros, INITIAL_CAPACITY);
    }

    /** A ledger whose arrays start (and never shrink below) {@code initialCapacity}: tests use tiny ones. */
    CommitLedger(int recordsPerTxn, long windowMicros, int initialCapacity) {
        this.recordsPerTxn = recordsPerTxn;
        this.windowMicros = windowMicros;
        this.minCapacity = initialCapacity;
        firstLsn = new long[initialCapacity];
        txnCount = new int[initialCapacity];
        issuedAtMicros = new long[initialCapacity];
        txnsBefore = new long[initialCapacity];
    }

    /** An independent copy: allocating, acknowledging, truncating or trimming one leaves the other as it was. */
    public CommitLedger copy() {
        CommitLedger c = new CommitLedger(recordsPerTxn, windowMicros, minCapacity);
        // only the kept windows, into arrays just large enough (see BoxcarLog.copy)
        int from = firstKept - origin;
        int capacity = Math.max(minCapacity, windows - firstKept + 1);
        c.firstLsn = Arrays.copyOfRange(firstLsn, from, from + capacity);
        c.txnCount = Arrays.copyOfRange(txnCount, from, from + capacity);
        c.issuedAtMicros = Arrays.copyOfRange(issuedAtMicros, from, from + capacity);
        c.txnsBefore = Arrays.copyOfRange(txnsBefore, from, from + capacity);
        c.windows = windows;
        c.origin = firstKept;
        c.firstKept = firstKept;
        c.forgottenThroughLsn = forgottenThroughLsn;
        c.forgottenCpl = forgottenCpl;
        c.forgottenTxns = forgottenTxns;
        c.nextLsn = nextLsn;
        c.maxAllocatedLsn = maxAllocatedLsn;
        c.truncationEnd = truncationEnd;
        c.ackWindow = ackWindow;
        c.ackTxn = ackTxn;
        c.acknowledgedLsn = acknowledgedLsn;
        c.resolvedThrough = resolvedThrough;
        c.acknowledgedCount = acknowledgedCount;
        return c;
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
        if (windows == firstKept) {
            return forgottenTxns;
        }
        int last = windows - 1 - origin;
        return txnsBefore[last] + txnCount[last];
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
        if (windows - origin == firstLsn.length) {
            int live = windows - firstKept;
            relocate(live * 2 > firstLsn.length ? firstLsn.length * 2 : firstLsn.length);
        }
        long first = nextLsn;
        int at = windows - origin;
        long before = allocatedTxns();
        firstLsn[at] = first;
        txnCount[at] = txns;
        issuedAtMicros[at] = issuedAt;
        txnsBefore[at] = before;
        windows++;
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
        int w = firstKept;
        while (w < windows) {
            int at = w - origin;
            boolean below = lastLsnOf(at) <= lsn;
            boolean resolved = txnsBefore[at] + txnCount[at] <= resolvedThrough;
            if (!below || !resolved) {
                break;
            }
            w++;
        }
        if (w == firstKept) {
            return;
        }
        int last = w - 1 - origin;
        forgottenThroughLsn = lastLsnOf(last);
        forgottenCpl = highestCplAtOrBelow(forgottenThroughLsn);
        forgottenTxns = txnsBefore[last] + txnCount[last];
        firstKept = w;
        if (ackWindow < firstKept) {
            // the forgotten windows hold no pending commit: acknowledging would only have stepped over them
            ackWindow = firstKept;
            ackTxn = 0;
        }
        int live = windows - firstKept;
        int capacity = firstLsn.length;
        while (capacity > minCapacity && live * 4 < capacity) {
            capacity /= 2;
        }
        if (capacity < firstLsn.length) {
            relocate(capacity);
        }
    }

    /** The last LSN of the last forgotten window, or 0 when none is: queries at or above it are exact. */
    public long forgottenThroughLsn() {
        return forgottenThroughLsn;
    }

    /** Windows below this (absolute) index are forgotten. */
    public int firstKeptWindow() {
        return firstKept;
    }

    /** The last LSN of the window in array slot {@code at} (just below its first when it holds no transaction). */
    private long lastLsnOf(int at) {
        return firstLsn[at] + (long) txnCount[at] * recordsPerTxn - 1;
    }

    /** Moves the kept windows to the start of arrays of {@code capacity} slots (the same arrays when it fits). */
    private void relocate(int capacity) {
        int from = firstKept - origin;
        int live = windows - firstKept;
        if (capacity == firstLsn.length) {
            System.arraycopy(firstLsn, from, firstLsn, 0, live);
            System.arraycopy(txnCount, from, txnCount, 0, live);
            System.arraycopy(issuedAtMicros, from, issuedAtMicros, 0, live);
            System.arraycopy(txnsBefore, from, txnsBefore, 0, live);
        } else {
            firstLsn = Arrays.copyOfRange(firstLsn, from, from + capacity);
            txnCount = Arrays.copyOfRange(txnCount, from, from + capacity);
            issuedAtMicros = Arrays.copyOfRange(issuedAtMicros, from, from + capacity);
            txnsBefore = Arrays.copyOfRange(txnsBefore, from, from + capacity);
        }
        origin = firstKept;
    }

    /** Bytes the ledger's arrays take (three longs and an int an entry): what a copy of it costs. */
    public long footprintBytes() {
        return 28L * firstLsn.length;
    }

    /** Slots allocated per array: for the memory tests. */
    int capacity() {
        return firstLsn.length;
    }

    /**
     * The highest CPL at or below {@code lsn} (0 when none): VDL when given VCL. P17 §4.1. Below
     * {@link #forgottenThroughLsn()} it answers as at that LSN: the highest forgotten CPL, an upper bound.
     */
    public long highestCplAtOrBelow(long lsn) {
        int at = slotAtOrBelow(lsn);
        for (int from = firstKept - origin; at >= from; at--) {
            long n = Math.min(txnCount[at], (lsn - firstLsn[at] + 1) / recordsPerTxn);
            if (n > 0) {
                return firstLsn[at] + n * recordsPerTxn - 1;
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
        int at = slotAtOrBelow(lsn);
        if (at < firstKept - origin) {
            return forgottenTxns;
        }
        long n = Math.min(txnCount[at], Math.max(0, (lsn - firstLsn[at] + 1) / recordsPerTxn));
        return txnsBefore[at] + n;
    }

    /** The array slot of the last kept window starting at or below {@code lsn}, or one below the first kept. */
    private int slotAtOrBelow(long lsn) {
        return LsnSearch.lastStartingAtOrBelow(firstLsn, firstKept - origin, windows - origin, lsn);
    }

    /**
     * VDL has reached {@code vdl}: acknowledges every pending commit at or below it, in order, recording each
     * commit's latency. Returns how many were acknowledged.
     */
    public long acknowledgeUpTo(long vdl, long nowMicros, LatencyHistogram latency) {
        long acked = 0;
        while (ackWindow < windows) {
            int at = ackWindow - origin;
            int n = txnCount[at];
            long base = firstLsn[at];
            long issued = issuedAtMicros[at];
            while (ackTxn < n) {
                long cpl = base + (long) (ackTxn + 1) * recordsPerTxn - 1;
                if (cpl > vdl) {
                    return finishAck(acked);
                }
                long globalIndex = txnsBefore[at] + ackTxn;
                if (globalIndex >= resolvedThrough) {
                    // transaction i of n arrived at the middle of its 1/n share of the window
                    long issuedAt = issued + windowMicros * (2L * ackTxn + 1) / (2L * n);
                    latency.record(nowMicros - issuedAt);
                    acked++;
                    acknowledgedLsn = cpl;
                    resolvedThrough = globalIndex + 1;
                }
                ackTxn++;
            }
            ackWindow++;
            ackTxn = 0;
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
        int at = slotAtOrBelow(vdl);
        if (at < firstKept - origin) {
            windows = firstKept;
        } else {
            long n = Math.min(txnCount[at], Math.max(0, (vdl - firstLsn[at] + 1) / recordsPerTxn));
            txnCount[at] = (int) n;
            windows = origin + at + 1;
        }
        if (acknowledgedLsn > vdl) {
            acknowledgedLsn = highestCplAtOrBelow(vdl);
        }
        resolvedThrough = allocatedTxns();
        ackWindow = windows;
        ackTxn = 0;
        this.truncationEnd = Math.max(this.truncationEnd, truncationEnd);
        nextLsn = Math.max(nextLsn, truncationEnd + 1);
        maxAllocatedLsn = Math.max(vdl, 0);
        return lost;
    }
}
