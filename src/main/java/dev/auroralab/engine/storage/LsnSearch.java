package dev.auroralab.engine.storage;

/** Binary search over ascending first-LSN arrays (boxcars of a PG, windows of the commit ledger). */
final class LsnSearch {

    private LsnSearch() {
    }

    /** The highest index below {@code size} whose first LSN is at or below {@code lsn}, or -1. */
    static int lastStartingAtOrBelow(long[] firstLsn, int size, long lsn) {
        return lastStartingAtOrBelow(firstLsn, 0, size, lsn);
    }

    /**
     * The highest index in {@code [from, to)} whose first LSN is at or below {@code lsn}, or {@code from - 1}: the
     * trimmed logs keep their live part in the middle of their arrays.
     */
    static int lastStartingAtOrBelow(long[] firstLsn, int from, int to, long lsn) {
        int lo = from;
        int hi = to - 1;
        int found = from - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (firstLsn[mid] <= lsn) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
