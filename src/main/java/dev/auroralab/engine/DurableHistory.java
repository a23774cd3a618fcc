package dev.auroralab.engine;

import java.util.Arrays;

/**
 * When the Global Database's primary made each LSN durable: the LSN-to-time bookkeeping that the lags and the RPO of a
 * failover are read from (decision 10). One entry per VDL advance (at most one per boxcar window), kept in two
 * primitive arrays; entries every secondary has moved past are dropped, so a region that is out for minutes costs a
 * few megabytes and a healthy one a few entries. Once the entries kept fill less than a quarter of the arrays they
 * shrink, so those megabytes go back when the region returns.
 */
public final class DurableHistory {

    private static final int INITIAL_CAPACITY = 1024;

    private long[] lsn = new long[INITIAL_CAPACITY];
    private long[] micros = new long[INITIAL_CAPACITY];
    private int start;
    private int end;

    /** An independent copy: recording, trimming or truncating one leaves the other as it was. */
    public DurableHistory copy() {
        DurableHistory c = new DurableHistory();
        c.lsn = lsn.clone();
        c.micros = micros.clone();
        c.start = start;
        c.end = end;
        return c;
    }

    /** The primary's VDL reached {@code vdl} at {@code atMicros}. */
    public void record(long vdl, long atMicros) {
        if (end > start && lsn[end - 1] >= vdl) {
            return;
        }
        if (end == lsn.length) {
            int live = end - start;
            if (live * 2 > lsn.length) {
                lsn = Arrays.copyOf(lsn, lsn.length * 2);
                micros = Arrays.copyOf(micros, micros.length * 2);
            }
            System.arraycopy(lsn, start, lsn, 0, live);
            System.arraycopy(micros, start, micros, 0, live);
            start = 0;
            end = live;
        }
        lsn[end] = vdl;
        micros[end] = atMicros;
        end++;
    }

    /** When the first LSN above {@code held} became durable on the primary, or -1 when none is known. */
    public long firstAbove(long held) {
        int i = firstIndexAbove(held);
        return i < end ? micros[i] : -1;
    }

    /** When the primary made {@code held} durable (the last advance at or below it), or -1 when none is known. */
    public long timeOf(long held) {
        int i = firstIndexAbove(held) - 1;
        return i >= start ? micros[i] : -1;
    }

    /** Drops what every reader has moved past, keeping the last entry at or below {@code heldByAll}. */
    public void trimBelow(long heldByAll) {
        int i = firstIndexAbove(heldByAll) - 1;
        if (i > start) {
            start = i;
        }
        int live = end - start;
        int capacity = lsn.length;
        while (capacity > INITIAL_CAPACITY && live * 4 < capacity) {
            capacity /= 2;
        }
        if (capacity < lsn.length) {
            lsn = Arrays.copyOfRange(lsn, start, start + capacity);
            micros = Arrays.copyOfRange(micros, start, start + capacity);
            start = 0;
            end = live;
        }
    }

    /** Forgets everything above {@code cut} (a truncation). */
    public void truncateAbove(long cut) {
        end = firstIndexAbove(cut);
    }

    public int size() {
        return end - start;
    }

    /** Slots allocated per array: for the memory tests. */
    public int capacity() {
        return lsn.length;
    }

    private int firstIndexAbove(long held) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lsn[mid] <= held) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
