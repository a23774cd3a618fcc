package dev.auroralab.engine;

import java.util.Arrays;

/**
 * When the Global Database's primary made each LSN durable: the LSN-to-time bookkeeping that the lags and the RPO of a
 * failover are read from (decision 10). One entry per VDL advance (at most one per boxcar window), kept in two
 * primitive arrays; entries every secondary has moved past are dropped, so a region that is out for minutes costs a
 * few megabytes and a healthy one a few entries.
 */
final class DurableHistory {

    private long[] lsn = new long[1024];
    private long[] micros = new long[1024];
    private int start;
    private int end;

    /** The primary's VDL reached {@code vdl} at {@code atMicros}. */
    void record(long vdl, long atMicros) {
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
    long firstAbove(long held) {
        int i = firstIndexAbove(held);
        return i < end ? micros[i] : -1;
    }

    /** When the primary made {@code held} durable (the last advance at or below it), or -1 when none is known. */
    long timeOf(long held) {
        int i = firstIndexAbove(held) - 1;
        return i >= start ? micros[i] : -1;
    }

    /** Drops what every reader has moved past, keeping the last entry at or below {@code heldByAll}. */
    void trimBelow(long heldByAll) {
        int i = firstIndexAbove(heldByAll) - 1;
        if (i > start) {
            start = i;
        }
    }

    /** Forgets everything above {@code cut} (a truncation). */
    void truncateAbove(long cut) {
        end = firstIndexAbove(cut);
    }

    int size() {
        return end - start;
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
