package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.LatencyHistogram;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The papers' worked examples of SCL, PGCL, VCL, CPL and VDL. */
class LsnBookkeepingTest {

    private static ProtectionGroup pgWithSixCopies(String id, int index) {
        ProtectionGroup pg = new ProtectionGroup(id, index, 10);
        String[] azs = {"a", "a", "b", "b", "c", "c"};
        for (int i = 0; i < 6; i++) {
            pg.placeInitial(i, azs[i], i % 2 + 1, new StorageNode("n" + i, azs[i]));
        }
        return pg;
    }

    /** Acknowledges boxcar {@code index} from the first {@code copies} copies, each reporting its SCL prefix. */
    private static void deliver(ProtectionGroup pg, int index, int copies) {
        for (int i = 0; i < copies; i++) {
            Segment s = pg.slot(i).current();
            s.setAckedPrefix(s.receive(index));
        }
        pg.setPgclBoxcar(Math.max(pg.pgclBoxcar(), pg.quorumAckedPrefix()));
    }

    @Test
    void vclIs104InTheTwoProtectionGroupFigureOfTheSigmod2018Paper() {
        // P18 Fig. 3: odd LSNs go to PG1, even ones to PG2. 105 has only three acknowledgements.
        ProtectionGroup pg1 = pgWithSixCopies("pg-1", 0);
        ProtectionGroup pg2 = pgWithSixCopies("pg-2", 1);
        for (long lsn = 101; lsn <= 106; lsn++) {
            ProtectionGroup pg = lsn % 2 == 1 ? pg1 : pg2;
            int index = pg.log().append(lsn, lsn);
            deliver(pg, index, lsn == 105 ? 3 : 4);
        }
        assertThat(pg1.pgcl()).isEqualTo(103);
        assertThat(pg2.pgcl()).isEqualTo(106);
        // PG2 is complete through 106 but 105 is missing in PG1, so the volume is complete only through 104
        assertThat(ProtectionGroup.volumeCompleteLsn(List.of(pg1, pg2), 106)).isEqualTo(104);
    }

    @Test
    void aRecordWithThreeAcknowledgementsIsNotComplete() {
        ProtectionGroup pg = pgWithSixCopies("pg-0", 0);
        int index = pg.log().append(1, 1);
        deliver(pg, index, 3);
        assertThat(pg.pgcl()).isZero();
        deliver(pg, index, 4);
        assertThat(pg.pgcl()).isEqualTo(1);
    }

    @Test
    void completeTo1007MeansDurableTo1000WhenCplsAreAt900And1000And1100() {
        // P17 §4.1: VDL is the highest CPL at or below VCL. Transactions of 100 records end at 100, 200, ... 1100.
        CommitLedger ledger = new CommitLedger(100, 2000);
        ledger.allocate(11, 0);
        assertThat(ledger.highestCplAtOrBelow(1007)).isEqualTo(1000);
        assertThat(ledger.highestCplAtOrBelow(1100)).isEqualTo(1100);
        assertThat(ledger.highestCplAtOrBelow(899)).isEqualTo(800);
    }

    @Test
    void aCommitIsAcknowledgedOnlyOnceVdlReachesItsLsn() {
        CommitLedger ledger = new CommitLedger(2, 2000);
        ledger.allocate(3, 0); // CPLs at 2, 4, 6
        LatencyHistogram latency = new LatencyHistogram();
        assertThat(ledger.acknowledgeUpTo(3, 1000, latency)).isEqualTo(1);
        assertThat(ledger.acknowledgeUpTo(6, 2000, latency)).isEqualTo(2);
        assertThat(ledger.acknowledgedLsn()).isEqualTo(6);
        assertThat(ledger.pendingTxns()).isZero();
    }

    @Test
    void theAllocationLimitStopsLsnsMoreThanTenMillionAboveVdl() {
        CommitLedger ledger = new CommitLedger(2, 2000);
        assertThat(ledger.fitsUnderAllocationLimit(5_000_000, 0, 10_000_000)).isTrue();
        ledger.allocate(5_000_000, 0);
        assertThat(ledger.fitsUnderAllocationLimit(1, 0, 10_000_000)).isFalse();
        assertThat(ledger.fitsUnderAllocationLimit(1, 2, 10_000_000)).isTrue();
    }

    @Test
    void truncationCountsAcknowledgedCommitsAboveTheCutAsLost() {
        CommitLedger ledger = new CommitLedger(2, 2000);
        ledger.allocate(5, 0); // CPLs 2..10
        ledger.acknowledgeUpTo(8, 100, new LatencyHistogram());
        long lost = ledger.truncateAbove(4, 4 + 10_000_000);
        assertThat(lost).isEqualTo(2);
        assertThat(ledger.highestCplAtOrBelow(100)).isEqualTo(4);
        assertThat(ledger.nextLsn()).isEqualTo(10_000_005);
    }
}
