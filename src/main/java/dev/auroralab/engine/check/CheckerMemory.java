package dev.auroralab.engine.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the checker learnt from the event log so far, beyond the last snapshot. */
final class CheckerMemory {

    /** LSN ranges (from, through] that crash recovery declared void: no record will ever live there (P17 §4.3). */
    private final List<long[]> voidRanges = new ArrayList<>();
    /** The volume epoch the last crash recovery claimed. */
    long lastRecoveryEpoch;
    /** The membership epoch of each PG's last logged membership change, by PG id. */
    final Map<String, Long> membershipEpochByPg = new HashMap<>();
    /** Whether a SplitBrainDetected is in force (no SplitBrainEnded after it). */
    boolean splitBrainInForce;

    void addVoidRange(long fromExclusive, long throughInclusive) {
        if (throughInclusive > fromExclusive) {
            voidRanges.add(new long[] {fromExclusive, throughInclusive});
        }
    }

    /** How many LSNs in 1..lsn lie in a void range: the union of the ranges, so overlapping cuts count once. */
    long voidAtOrBelow(long lsn) {
        List<long[]> sorted = new ArrayList<>(voidRanges);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        long total = 0;
        long coveredThrough = Long.MIN_VALUE;
        for (long[] r : sorted) {
            long from = Math.max(r[0], coveredThrough);
            long through = Math.min(r[1], lsn);
            if (through > from) {
                total += through - from;
            }
            coveredThrough = Math.max(coveredThrough, r[1]);
        }
        return total;
    }
}
