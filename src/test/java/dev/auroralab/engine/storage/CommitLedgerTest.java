package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroralab.engine.LatencyHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Commit counts and CPLs over whole, partial and truncated windows, worked by hand; forgetting resolved windows changes
 * no answer at or above the cut; a copy of the ledger is its own.
 */
class CommitLedgerTest {

    /** Three records per transaction: window 0 is LSNs 1-12 (CPLs 3, 6, 9, 12), window 1 is 13-18 (15, 18). */
    private static CommitLedger twoWindows() {
        CommitLedger ledger = new CommitLedger(3, 2000);
        ledger.allocate(4, 0);
        ledger.allocate(2, 2000);
        return ledger;
    }

    @Test
    void commitsAtOrBelowCountsOnlyTheWholeTransactionsOfAPartialWindow() {
        CommitLedger ledger = twoWindows();
        assertThat(ledger.commitsAtOrBelow(0)).isZero();
        assertThat(ledger.commitsAtOrBelow(2)).isZero(); // inside the first transaction
        assertThat(ledger.commitsAtOrBelow(3)).isEqualTo(1);
        assertThat(ledger.commitsAtOrBelow(7)).isEqualTo(2); // 3 and 6; 9 is not reached
        assertThat(ledger.commitsAtOrBelow(8)).isEqualTo(2);
        assertThat(ledger.commitsAtOrBelow(9)).isEqualTo(3);
        assertThat(ledger.commitsAtOrBelow(17)).isEqualTo(5);
        assertThat(ledger.commitsAtOrBelow(1000)).isEqualTo(6);
    }

    @Test
    void commitsAtOrBelowAtAWindowBoundaryCountsTheWholeWindowBelowAndNothingOfTheNext() {
        CommitLedger ledger = twoWindows();
        assertThat(ledger.commitsAtOrBelow(12)).isEqualTo(4); // last LSN of window 0
        assertThat(ledger.commitsAtOrBelow(13)).isEqualTo(4); // first LSN of window 1: no CPL yet
        assertThat(ledger.commitsAtOrBelow(14)).isEqualTo(4);
        assertThat(ledger.commitsAtOrBelow(15)).isEqualTo(5);
        assertThat(ledger.highestCplAtOrBelow(14)).isEqualTo(12);
    }

    @Test
    void commitsAtOrBelowAfterATruncationShrankAWindowCountsOnlyWhatSurvived() {
        CommitLedger ledger = twoWindows();
        ledger.truncateAbove(10, 50); // window 0 keeps 3, 6, 9; window 1 is gone; the next writer starts at 51
        assertThat(ledger.commitsAtOrBelow(10)).isEqualTo(3);
        assertThat(ledger.commitsAtOrBelow(12)).isEqualTo(3); // 12 was cut: not counted even at its own LSN
        assertThat(ledger.commitsAtOrBelow(1000)).isEqualTo(3);
        assertThat(ledger.allocatedTxns()).isEqualTo(3);
        assertThat(ledger.allocate(2, 4000)).isEqualTo(51); // CPLs 53 and 56
        assertThat(ledger.commitsAtOrBelow(52)).isEqualTo(3);
        assertThat(ledger.commitsAtOrBelow(53)).isEqualTo(4);
        assertThat(ledger.commitsAtOrBelow(55)).isEqualTo(4);
        assertThat(ledger.commitsAtOrBelow(56)).isEqualTo(5);
        assertThat(ledger.highestCplAtOrBelow(52)).isEqualTo(9);
    }

    @Test
    void aTruncationBelowAcknowledgedCommitsCountsThemLost() {
        CommitLedger ledger = twoWindows();
        assertThat(ledger.acknowledgeUpTo(15, 3000, new LatencyHistogram())).isEqualTo(5);
        assertThat(ledger.truncateAbove(7, 100)).isEqualTo(3); // 9, 12 and 15 were acknowledged and are gone
        assertThat(ledger.acknowledgedLsn()).isEqualTo(6);
        assertThat(ledger.pendingTxns()).isZero();
    }

    @Test
    void onlyResolvedWindowsEntirelyAtOrBelowTheGivenLsnAreForgotten() {
        CommitLedger ledger = twoWindows();
        ledger.allocate(1, 4000); // window 2: 19-21
        ledger.acknowledgeUpTo(15, 5000, new LatencyHistogram()); // window 0 resolved, window 1 half
        ledger.forgetBelow(11);
        assertThat(ledger.firstKeptWindow()).isZero(); // window 0 ends at 12, above 11
        ledger.forgetBelow(1000);
        assertThat(ledger.firstKeptWindow()).isEqualTo(1); // window 1 still has a pending commit
        assertThat(ledger.forgottenThroughLsn()).isEqualTo(12);
        assertThat(ledger.allocatedTxns()).isEqualTo(7);
        assertThat(ledger.pendingTxns()).isEqualTo(2);
        assertThat(ledger.acknowledgeUpTo(21, 6000, new LatencyHistogram())).isEqualTo(2);
        ledger.forgetBelow(1000);
        assertThat(ledger.firstKeptWindow()).isEqualTo(3);
        assertThat(ledger.forgottenThroughLsn()).isEqualTo(21);
        assertThat(ledger.allocatedTxns()).isEqualTo(7);
        assertThat(ledger.commitsAtOrBelow(21)).isEqualTo(7);
        assertThat(ledger.highestCplAtOrBelow(1000)).isEqualTo(21);
        assertThat(ledger.allocate(1, 8000)).isEqualTo(22);
        assertThat(ledger.commitsAtOrBelow(24)).isEqualTo(8);
    }

    @Test
    void failedCommitsCanBeForgottenAndTheQueueGoesOnAfterThem() {
        CommitLedger ledger = twoWindows();
        assertThat(ledger.failPending()).isEqualTo(6);
        ledger.forgetBelow(18);
        assertThat(ledger.firstKeptWindow()).isEqualTo(2);
        ledger.allocate(1, 4000); // 19-21
        LatencyHistogram latency = new LatencyHistogram();
        assertThat(ledger.acknowledgeUpTo(21, 5000, latency)).isEqualTo(1);
        assertThat(latency.count()).isEqualTo(1);
        assertThat(ledger.acknowledgedLsn()).isEqualTo(21);
    }

    @Test
    void belowTheCutTheAnswersClampToTheValueAtTheCut() {
        CommitLedger ledger = twoWindows();
        ledger.acknowledgeUpTo(18, 3000, new LatencyHistogram());
        ledger.forgetBelow(12);
        assertThat(ledger.forgottenThroughLsn()).isEqualTo(12);
        // at and above the cut: exact
        assertThat(ledger.highestCplAtOrBelow(12)).isEqualTo(12);
        assertThat(ledger.commitsAtOrBelow(12)).isEqualTo(4);
        assertThat(ledger.highestCplAtOrBelow(14)).isEqualTo(12);
        assertThat(ledger.commitsAtOrBelow(14)).isEqualTo(4);
        // below: the value at the cut (the true answers are 6 and 2)
        assertThat(ledger.highestCplAtOrBelow(7)).isEqualTo(12);
        assertThat(ledger.commitsAtOrBelow(7)).isEqualTo(4);
    }

    @Test
    void aTruncationIntoForgottenWindowsIsRefused() {
        CommitLedger ledger = twoWindows();
        ledger.acknowledgeUpTo(18, 3000, new LatencyHistogram());
        ledger.forgetBelow(12);
        assertThatThrownBy(() -> ledger.truncateAbove(11, 100)).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.truncateAbove(12, 100)).isEqualTo(2); // 15 and 18 were acknowledged
        assertThat(ledger.allocatedTxns()).isEqualTo(4);
        assertThat(ledger.acknowledgedLsn()).isEqualTo(12);
        assertThat(ledger.allocate(1, 4000)).isEqualTo(101);
        assertThat(ledger.commitsAtOrBelow(103)).isEqualTo(5);
    }

    @Test
    void aLedgerForgettingWhatItAcknowledgedKeepsSmallArrays() {
        CommitLedger ledger = new CommitLedger(2, 2000);
        LatencyHistogram latency = new LatencyHistogram();
        for (int w = 0; w < 10_000_000; w++) {
            ledger.allocate(2, 2000L * w);
            ledger.acknowledgeUpTo(ledger.maxAllocatedLsn(), 2000L * w + 1000, latency);
            if (w % 1000 == 999) {
                ledger.forgetBelow(ledger.acknowledgedLsn());
            }
        }
        assertThat(ledger.capacity()).isLessThanOrEqualTo(4096);
        assertThat(ledger.acknowledgedCount()).isEqualTo(20_000_000L);
        assertThat(ledger.commitsAtOrBelow(ledger.maxAllocatedLsn())).isEqualTo(20_000_000L);
    }

    @Test
    void theOldestPendingCommitAndTheLatestAcknowledgementSayHowLongCommitsTakeNow() {
        // window 0's four commits were issued at 250, 750, 1250 and 1750 µs; window 1's two at 2500 and 3500
        CommitLedger ledger = twoWindows();
        assertThat(ledger.oldestPendingIssuedMicros()).isEqualTo(250);
        assertThat(ledger.latestAckLatencyMicros()).isZero();
        ledger.acknowledgeUpTo(6, 1000, new LatencyHistogram());
        assertThat(ledger.latestAckLatencyMicros()).as("the batch's oldest, issued at 250").isEqualTo(750);
        assertThat(ledger.oldestPendingIssuedMicros()).isEqualTo(1250);
        ledger.acknowledgeUpTo(15, 4000, new LatencyHistogram());
        assertThat(ledger.latestAckLatencyMicros()).isEqualTo(4000 - 1250);
        assertThat(ledger.oldestPendingIssuedMicros()).isEqualTo(3500);
        ledger.failPending();
        assertThat(ledger.oldestPendingIssuedMicros()).as("failed commits wait no more").isEqualTo(-1);
        ledger.allocate(2, 5000);
        assertThat(ledger.oldestPendingIssuedMicros()).isEqualTo(5500);
        assertThat(ledger.copy().latestAckLatencyMicros()).as("a copy keeps it").isEqualTo(2750);
    }

    @Test
    void aCopiedLedgerAndItsOriginalGoTheirOwnWays() {
        CommitLedger original = twoWindows();
        original.acknowledgeUpTo(6, 1000, new LatencyHistogram());
        CommitLedger copy = original.copy();
        LatencyHistogram copyLatency = new LatencyHistogram();
        assertThat(copy.acknowledgeUpTo(18, 3000, copyLatency)).isEqualTo(4);
        copy.forgetBelow(18);
        copy.allocate(3, 4000);
        assertThat(original.acknowledgedLsn()).isEqualTo(6);
        assertThat(original.pendingTxns()).isEqualTo(4);
        assertThat(original.allocatedTxns()).isEqualTo(6);
        assertThat(original.firstKeptWindow()).isZero();
        assertThat(original.truncateAbove(10, 100)).isZero();
        assertThat(original.allocate(1, 5000)).isEqualTo(101);
        assertThat(copy.nextLsn()).isEqualTo(28);
        assertThat(copy.allocatedTxns()).isEqualTo(9);
        assertThat(copy.pendingTxns()).isEqualTo(3);
        assertThat(copy.acknowledgeUpTo(27, 5000, copyLatency)).isEqualTo(3);
        assertThat(copy.highestCplAtOrBelow(1000)).isEqualTo(27);
    }

    @Test
    void aTrimmedLedgerAnswersAsTheUntrimmedOneAndAsAPlainListOfCommits() {
        for (long seed = 1; seed <= 60; seed++) {
            new Sweep(seed).run(1500);
        }
    }

    /**
     * One seeded run: the same allocations, acknowledgements, failures and truncations on an untrimmed ledger, a ledger
     * trimmed at random points (and sometimes replaced by its copy), and a plain list of the surviving commits' CPLs.
     */
    private static final class Sweep {
        private static final int RECORDS = 3;
        private final long seed;
        private final SplittableRandom random;
        private final CommitLedger untrimmed = new CommitLedger(RECORDS, 2000);
        private CommitLedger trimmed;
        private final LatencyHistogram untrimmedLatency = new LatencyHistogram();
        private final LatencyHistogram trimmedLatency = new LatencyHistogram();
        /** The CPL of every allocated commit a truncation has not cut, in order: the naive reference. */
        private final List<Long> cpls = new ArrayList<>();
        private long nowMicros;
        private long vdl;

        Sweep(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.trimmed = new CommitLedger(RECORDS, 2000, 1 << random.nextInt(4)); // tiny arrays: they move often
        }

        void run(int steps) {
            for (int step = 0; step < steps; step++) {
                int op = random.nextInt(100);
                if (op < 40) {
                    int txns = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(4);
                    long first = untrimmed.allocate(txns, nowMicros);
                    check(trimmed.allocate(txns, nowMicros) == first, "allocate", first);
                    for (int i = 0; i < txns; i++) {
                        cpls.add(first + (long) (i + 1) * RECORDS - 1);
                    }
                    nowMicros += 2000;
                } else if (op < 70) {
                    long max = untrimmed.maxAllocatedLsn();
                    vdl = Math.max(vdl, vdl + random.nextLong(Math.max(1, max - vdl + 1)));
                    long acked = untrimmed.acknowledgeUpTo(vdl, nowMicros, untrimmedLatency);
                    check(trimmed.acknowledgeUpTo(vdl, nowMicros, trimmedLatency) == acked, "acknowledgeUpTo", vdl);
                } else if (op < 73) {
                    long failed = untrimmed.failPending();
                    check(trimmed.failPending() == failed, "failPending", failed);
                } else if (op < 77) {
                    truncate();
                } else if (op < 95) {
                    trimmed.forgetBelow(random.nextLong(untrimmed.maxAllocatedLsn() + 2));
                } else {
                    trimmed = trimmed.copy();
                }
                compare(step % 250 == 249);
            }
        }

        private void truncate() {
            long floor = trimmed.forgottenThroughLsn();
            long cut = floor + random.nextLong(Math.max(1, untrimmed.maxAllocatedLsn() - floor + 1));
            long end = Math.max(cut + 1 + random.nextInt(50), untrimmed.maxAllocatedLsn());
            long lost = untrimmed.truncateAbove(cut, end);
            check(trimmed.truncateAbove(cut, end) == lost, "truncateAbove", cut);
            cpls.removeIf(cpl -> cpl > cut);
            vdl = Math.min(vdl, cut);
        }

        private void compare(boolean everything) {
            check(trimmed.nextLsn() == untrimmed.nextLsn(), "nextLsn", 0);
            check(trimmed.maxAllocatedLsn() == untrimmed.maxAllocatedLsn(), "maxAllocatedLsn", 0);
            check(trimmed.allocatedTxns() == untrimmed.allocatedTxns(), "allocatedTxns", 0);
            check(untrimmed.allocatedTxns() == cpls.size(), "allocatedTxns against the list", 0);
            check(trimmed.pendingTxns() == untrimmed.pendingTxns(), "pendingTxns", 0);
            check(trimmed.acknowledgedLsn() == untrimmed.acknowledgedLsn(), "acknowledgedLsn", 0);
            check(trimmed.acknowledgedCount() == untrimmed.acknowledgedCount(), "acknowledgedCount", 0);
            check(trimmed.truncationEnd() == untrimmed.truncationEnd(), "truncationEnd", 0);
            check(trimmedLatency.count() == untrimmedLatency.count()
                    && trimmedLatency.sumMicros() == untrimmedLatency.sumMicros()
                    && trimmedLatency.maxMicros() == untrimmedLatency.maxMicros(), "recorded latencies", 0);
            long top = untrimmed.nextLsn() + 3;
            long cut = trimmed.forgottenThroughLsn();
            long[] lsns = everything ? null : new long[] {0, cut - 1, cut, cut + 1, vdl, untrimmed.acknowledgedLsn(),
                random.nextLong(top), random.nextLong(top), random.nextLong(top)};
            for (long lsn = 0; everything ? lsn <= top : lsn < lsns.length; lsn++) {
                long x = everything ? lsn : lsns[(int) lsn];
                if (x < 0) {
                    continue;
                }
                long cpl = untrimmed.highestCplAtOrBelow(x);
                long commits = untrimmed.commitsAtOrBelow(x);
                check(cpl == naiveHighestCplAtOrBelow(x), "highestCplAtOrBelow against the list", x);
                check(commits == naiveCommitsAtOrBelow(x), "commitsAtOrBelow against the list", x);
                long at = Math.max(x, cut); // below the cut the trimmed ledger answers as at the cut
                check(trimmed.highestCplAtOrBelow(x) == naiveHighestCplAtOrBelow(at), "highestCplAtOrBelow", x);
                check(trimmed.commitsAtOrBelow(x) == naiveCommitsAtOrBelow(at), "commitsAtOrBelow", x);
            }
        }

        private long naiveHighestCplAtOrBelow(long lsn) {
            long best = 0;
            for (long cpl : cpls) {
                if (cpl <= lsn) {
                    best = cpl;
                }
            }
            return best;
        }

        private long naiveCommitsAtOrBelow(long lsn) {
            long n = 0;
            for (long cpl : cpls) {
                if (cpl <= lsn) {
                    n++;
                }
            }
            return n;
        }

        private void check(boolean same, String what, long at) {
            if (!same) {
                throw new AssertionError(what + " differs at " + at + "; reproduce with seed=" + seed);
            }
        }
    }
}
