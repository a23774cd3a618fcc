package dev.auroralab.engine.storage;

import java.util.Arrays;

/**
 * The boxcar log as it was before trimming, kept as the reference the trimmed log and the segments are compared with:
 * whatever the new code does, the untrimmed answers must be these. Two changes: it answers "not truncated" past its
 * end instead of reading past its last word, and it finds a boxcar by LSN with a plain scan.
 */
final class OriginalBoxcarLog {

    private long[] firstLsn = new long[256];
    private long[] lastLsn = new long[256];
    private long[] truncatedBits = new long[4];
    private int size;

    /** Appends a boxcar and returns its index in this PG's log. */
    int append(long first, long last) {
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

    int size() {
        return size;
    }

    long firstLsn(int index) {
        return firstLsn[index];
    }

    long lastLsn(int index) {
        return lastLsn[index];
    }

    boolean isTruncated(int index) {
        return index < size && (truncatedBits[index >>> 6] & (1L << index)) != 0;
    }

    /**
     * Crash recovery's truncation (P17 §4.3): records above {@code vdl} are void. A boxcar entirely above is marked
     * truncated, so every copy treats it as present-and-empty and a late delivery is ignored; a boxcar straddling
     * {@code vdl} keeps its lower part.
     */
    void truncateAbove(long vdl) {
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
    long sclOf(int prefix) {
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
    long firstLiveLsnFrom(int index) {
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
    long completeThrough(int prefix) {
        long next = firstLiveLsnFrom(prefix + 1);
        return next == Long.MAX_VALUE ? Long.MAX_VALUE : next - 1;
    }

    /** The highest boxcar index whose records all lie at or below {@code lsn}, or -1. */
    int lastIndexAtOrBelow(long lsn) {
        // a plain scan rather than the binary search under test
        int found = -1;
        for (int i = 0; i < size && firstLsn[i] <= lsn; i++) {
            found = i;
        }
        return found;
    }
}
