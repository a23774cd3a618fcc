package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.LatencyHistogram;
import org.junit.jupiter.api.Test;

/**
 * The commit ledger on partial windows, worked by hand: a window cut inside its first transaction (it keeps none), a
 * window that follows a truncation range, the allocation limit counting from that range, and commit latency spread
 * over the window. CommitLedgerTest covers whole windows, trimming and copies.
 */
class CommitLedgerWindowsTest {

    /** Two records per transaction: window 0 is LSNs 1-8 (CPLs 2, 4, 6, 8), window 1 is 9-14 (10, 12, 14). */
    private static CommitLedger ledger() {
        CommitLedger ledger = new CommitLedger(2, 2000);
        ledger.allocate(4, 0);
        ledger.allocate(3, 2000);
        return ledger;
    }

    @Test
    void aWindowCutInsideItsFirstTransactionKeepsNoCommit() {
        CommitLedger ledger = ledger();
        ledger.truncateAbove(9, 100); // LSN 9 is half of window 1's first transaction
        assertThat(ledger.allocatedTxns()).isEqualTo(4);
        assertThat(ledger.commitsAtOrBelow(9)).isEqualTo(4);
        assertThat(ledger.commitsAtOrBelow(14)).isEqualTo(4);
        assertThat(ledger.highestCplAtOrBelow(14)).isEqualTo(8);
        assertThat(ledger.maxAllocatedLsn()).isEqualTo(9);
        assertThat(ledger.pendingTxns()).isZero();
        // the next window starts above the truncation range: 101-104, CPLs 102 and 104
        assertThat(ledger.allocate(2, 4000)).isEqualTo(101);
        assertThat(ledger.commitsAtOrBelow(50)).isEqualTo(4);
        assertThat(ledger.commitsAtOrBelow(101)).isEqualTo(4);
        assertThat(ledger.commitsAtOrBelow(102)).isEqualTo(5);
        assertThat(ledger.commitsAtOrBelow(104)).isEqualTo(6);
        assertThat(ledger.highestCplAtOrBelow(103)).isEqualTo(102);
        assertThat(ledger.highestCplAtOrBelow(100)).isEqualTo(8);
        assertThat(ledger.pendingTxns()).isEqualTo(2);
    }

    @Test
    void theAllocationLimitCountsFromTheHigherOfVdlAndTheTruncationRange() {
        CommitLedger ledger = ledger();
        // next LSN 15; three transactions (six LSNs) end at 20
        assertThat(ledger.fitsUnderAllocationLimit(3, 10, 10)).isTrue(); // limit 20
        assertThat(ledger.fitsUnderAllocationLimit(3, 9, 10)).isFalse(); // limit 19
        assertThat(ledger.allocationLimit(9, 10)).isEqualTo(19);
        ledger.truncateAbove(8, 40);
        assertThat(ledger.truncationEnd()).isEqualTo(40);
        assertThat(ledger.nextLsn()).isEqualTo(41);
        assertThat(ledger.allocationLimit(8, 10)).isEqualTo(50);
        assertThat(ledger.allocationLimit(45, 10)).isEqualTo(55);
        // from 41, five transactions end at 50: just fits
        assertThat(ledger.fitsUnderAllocationLimit(5, 8, 10)).isTrue();
        assertThat(ledger.fitsUnderAllocationLimit(6, 8, 10)).isFalse();
        // a second, lower truncation range never lowers the first
        ledger.truncateAbove(8, 30);
        assertThat(ledger.truncationEnd()).isEqualTo(40);
        assertThat(ledger.nextLsn()).isEqualTo(41);
    }

    @Test
    void commitsAreAcknowledgedInOrderWithTheirShareOfTheWindowAsLatency() {
        CommitLedger ledger = ledger();
        LatencyHistogram latency = new LatencyHistogram();
        // VDL at 7: CPLs 2, 4, 6 of window 0, issued at 250, 750, 1250 us (the middle of each quarter of 2 ms)
        assertThat(ledger.acknowledgeUpTo(7, 3000, latency)).isEqualTo(3);
        assertThat(ledger.acknowledgedLsn()).isEqualTo(6);
        assertThat(latency.count()).isEqualTo(3);
        assertThat(latency.sumMicros()).isEqualTo((3000 - 250) + (3000 - 750) + (3000 - 1250));
        assertThat(ledger.pendingTxns()).isEqualTo(4);
        // nothing new below VDL: nothing more
        assertThat(ledger.acknowledgeUpTo(7, 4000, latency)).isZero();
        // window 1's three transactions were issued at 2000 + 333, 1000, 1666 us (thirds of 2 ms, rounded down)
        assertThat(ledger.acknowledgeUpTo(14, 5000, latency)).isEqualTo(4);
        assertThat(latency.sumMicros()).isEqualTo((3000 - 250) + (3000 - 750) + (3000 - 1250) + (5000 - 1750)
                + (5000 - 2333) + (5000 - 3000) + (5000 - 3666));
        assertThat(ledger.acknowledgedCount()).isEqualTo(7);
        assertThat(ledger.pendingTxns()).isZero();
        assertThat(ledger.failPending()).isZero();
    }
}
