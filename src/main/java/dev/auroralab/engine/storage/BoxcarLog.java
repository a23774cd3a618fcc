package dev.auroralab.engine.storage;

import java.util.Arrays;

/**
 * Every boxcar the writers ever sent to one protection group, in send order: its LSN range and whether crash recovery
 * truncated it.
 *
 * <p>Aurora's writer batches the fully ordered log records of a protection group into boxcars and sends each to all six
 * copies (P17 §3.2). The model keeps one shared record of those boxcars so that a segment's state is just "which
 * boxcars do I hold" (see {@link Segment}): the records themselves are never materialised. A boxcar's LSN range spans
 * LSNs of other PGs too, since LSNs are allocated volume-wide (P18 §2.1); only its first and last record matter for the
 * SCL/PGCL/VCL arithmetic.
 */
public final class BoxcarLog {

    private long[] firstLsn = new long[256];
    private long[] lastLsn = new long[256];
    private long[] truncatedBits = new long[4];
    private int size;

    /** Appends a boxcar and returns its index in this PG's log. */
    public int append(long first, long last) {
        if (size == firstLsn.length) {
            firstLsn = Arrays.copyOf(firstLsn, size * 2);
            lastLsn = Arrays.copyOf(lastLsn, size * 2);
        }
        if ((size >>> 6) >= truncatedBits.length) {
            truncatedBits = Arrays.copyOf(truncatedBits, truncatedBits.length * 2);
        }
        firstLsn[size] = first;
        lastLsn[size] = last;
        return size++;
    }

    public int size() {
        return size;
    }

    public long firstLsn(int index) {
        return firstLsn[index];
    }

    public long lastLsn(int index) {
        return lastLsn[index];
    }

    public boolean isTruncated(int index) {
        return (truncatedBits[index >>> 6] & (1L << index)) != 0;
    }

    /**
     * Crash recovery's truncation (P17 §4.3): records above {@code vdl} are void. A boxcar entirely above is marked
     * truncated, so every copy treats it as present-and-empty and a late delivery is ignored; a boxcar straddling
     * {@code vdl} keeps its lower part.
     */
    public void truncateAbove(long vdl) {
        // LSNs only grow (a new writer starts above the last truncation range), so walk back until below vdl
        for (int i = size - 1; i >= 0; i--) {
            if (isTruncated(i)) {
                continue;
            }
            if (lastLsn[i] <= vdl) {
                break;
            }
            if (firstLsn[i] > vdl) {
                truncatedBits[i >>> 6] |= 1L << i;
            } else {
                lastLsn[i] = vdl;
            }
        }
    }

    /** SCL of a copy whose complete prefix ends at boxcar {@code prefix}: the last LSN it holds every record up to. */
    public long sclOf(int prefix) {
        for (int i = prefix; i >= 0; i--) {
            if (!isTruncated(i)) {
                return lastLsn[i];
            }
        }
        return 0;
    }

    /**
     * The first LSN this PG still needs from boxcar {@code index} onwards, or {@link Long#MAX_VALUE} when every boxcar
     * from there on is truncated or there is none: the limit this PG places on VCL.
     */
    public long firstLiveLsnFrom(int index) {
        for (int i = index; i < size; i++) {
            if (!isTruncated(i)) {
                return firstLsn[i];
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * The highest LSN a copy holding boxcars up to {@code prefix} is complete through: just below the next live
     * boxcar, or {@link Long#MAX_VALUE} when no live boxcar follows.
     */
    public long completeThrough(int prefix) {
        long next = firstLiveLsnFrom(prefix + 1);
        return next == Long.MAX_VALUE ? Long.MAX_VALUE : next - 1;
    }

    /** The highest boxcar index whose records all lie at or below {@code lsn}, or -1. */
    public int lastIndexAtOrBelow(long lsn) {
        return LsnSearch.lastStartingAtOrBelow(firstLsn, size, lsn);
    }
}
