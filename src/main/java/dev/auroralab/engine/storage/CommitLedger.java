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
 */
public final class CommitLedger {

    private final int recordsPerTxn;
    private final long windowMicros;
    private long[] firstLsn = new long[1024];
    private int[] txnCount = new int[1024];
    private long[] issuedAtMicros = new long[1024];
    /** Transactions in all windows before this one: turns a CPL into a commit count. */
    private long[] txnsBefore = new long[1024];
    private int windows;
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
        this.recordsPerTxn = recordsPerTxn;
        this.windowMicros = windowMicros;
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
        return windows == 0 ? 0 : txnsBefore[windows - 1] + txnCount[windows - 1];
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
        if (windows == firstLsn.length) {
            int n = windows * 2;
            firstLsn = Arrays.copyOf(firstLsn, n);
            txnCount = Arrays.copyOf(txnCount, n);
            issuedAtMicros = Arrays.copyOf(issuedAtMicros, n);
            txnsBefore = Arrays.copyOf(txnsBefore, n);
        }
        long first = nextLsn;
        firstLsn[windows] = first;
        txnCount[windows] = txns;
        issuedAtMicros[windows] = issuedAt;
        txnsBefore[windows] = allocatedTxns();
        windows++;
        nextLsn = first + (long) txns * recordsPerTxn;
        maxAllocatedLsn = nextLsn - 1;
        return first;
    }

    /** The highest CPL at or below {@code lsn} (0 when none): VDL when given VCL. P17 §4.1. */
    public long highestCplAtOrBelow(long lsn) {
        int w = windowAtOrBelow(lsn);
        while (w >= 0) {
            long n = Math.min(txnCount[w], (lsn - firstLsn[w] + 1) / recordsPerTxn);
            if (n > 0) {
                return firstLsn[w] + n * recordsPerTxn - 1;
            }
            w--;
        }
        return 0;
    }

    /** How many commits have their CPL at or below {@code lsn}. */
    public long commitsAtOrBelow(long lsn) {
        int w = windowAtOrBelow(lsn);
        if (w < 0) {
            return 0;
        }
        long n = Math.min(txnCount[w], Math.max(0, (lsn - firstLsn[w] + 1) / recordsPerTxn));
        return txnsBefore[w] + n;
    }

    private int windowAtOrBelow(long lsn) {
        return LsnSearch.lastStartingAtOrBelow(firstLsn, windows, lsn);
    }

    /**
     * VDL has reached {@code vdl}: acknowledges every pending commit at or below it, in order, recording each
     * commit's latency. Returns how many were acknowledged.
     */
    public long acknowledgeUpTo(long vdl, long nowMicros, LatencyHistogram latency) {
        long acked = 0;
        while (ackWindow < windows) {
            int n = txnCount[ackWindow];
            long base = firstLsn[ackWindow];
            long issued = issuedAtMicros[ackWindow];
            while (ackTxn < n) {
                long cpl = base + (long) (ackTxn + 1) * recordsPerTxn - 1;
                if (cpl > vdl) {
                    return finishAck(acked);
                }
                long globalIndex = txnsBefore[ackWindow] + ackTxn;
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
     */
    public long truncateAbove(long vdl, long truncationEnd) {
        long acknowledgedBefore = commitsAtOrBelow(acknowledgedLsn);
        long surviving = commitsAtOrBelow(vdl);
        long lost = Math.max(0, acknowledgedBefore - surviving);
        // cut the windows so no CPL above vdl is ever found again
        int w = windowAtOrBelow(vdl);
        if (w < 0) {
            windows = 0;
        } else {
            long n = Math.min(txnCount[w], Math.max(0, (vdl - firstLsn[w] + 1) / recordsPerTxn));
            txnCount[w] = (int) n;
            windows = w + 1;
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
