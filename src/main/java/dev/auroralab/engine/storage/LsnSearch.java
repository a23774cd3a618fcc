package dev.auroralab.engine.storage;

/** Binary search over ascending first-LSN arrays (boxcars of a PG, windows of the commit ledger). */
final class LsnSearch {

    private LsnSearch() {
    }

    /** The highest index below {@code size} whose first LSN is at or below {@code lsn}, or -1. */
    static int lastStartingAtOrBelow(long[] firstLsn, int size, long lsn) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
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
