package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quorum rules of P17 §2.1 and the membership-change quorum sets of P18 §4. */
class QuorumTest {

    private final StorageNode spare = new StorageNode("spare", "a");

    private static ProtectionGroup pg() {
        ProtectionGroup pg = new ProtectionGroup("pg-0", 0, 10);
        String[] azs = {"a", "a", "b", "b", "c", "c"};
        for (int i = 0; i < 6; i++) {
            pg.placeInitial(i, azs[i], i % 2 + 1, new StorageNode("n" + i, azs[i]));
        }
        return pg;
    }

    private static void down(ProtectionGroup pg, int... slots) {
        for (int s : slots) {
            pg.slot(s).current().setState(SegmentState.DOWN);
        }
    }

    @Test
    void losingAWholeAzKeepsTheWriteQuorum() {
        ProtectionGroup pg = pg();
        down(pg, 4, 5);
        assertThat(pg.writableCopies()).isEqualTo(4);
        assertThat(pg.writeQuorumHeld()).isTrue();
        assertThat(pg.readQuorumHeld()).isTrue();
    }

    @Test
    void losingAnAzPlusOneBlocksWritesButKeepsReads() {
        ProtectionGroup pg = pg();
        down(pg, 4, 5, 2);
        assertThat(pg.writeQuorumHeld()).isFalse();
        assertThat(pg.readQuorumHeld()).isTrue();
    }

    @Test
    void losingFourCopiesLosesTheReadQuorum() {
        ProtectionGroup pg = pg();
        down(pg, 4, 5, 2, 3);
        assertThat(pg.readQuorumHeld()).isFalse();
    }

    @Test
    void duringAReplacementAWriteNeedsFourOfBothSets() {
        ProtectionGroup pg = pg();
        down(pg, 5); // F is suspect
        Segment g = pg.beginReplacement(pg.slot(5), spare, 1);
        assertThat(pg.quorumTerms()).hasSize(2);
        assertThat(pg.quorumTerms().get(0)).extracting(Segment::letter).containsExactly('A', 'B', 'C', 'D', 'E', 'F');
        assertThat(pg.quorumTerms().get(1)).extracting(Segment::letter).containsExactly('A', 'B', 'C', 'D', 'E', 'G');
        // ABCDE are up: 5 of ABCDEF and 6 of ABCDEG (G accepts writes while it fills)
        assertThat(pg.writeQuorumHeld()).isTrue();
        down(pg, 0, 1);
        // CDE + G: 3 of ABCDEF fails the AND even though ABCDEG has 4
        assertThat(pg.writableCopies()).isEqualTo(3);
        assertThat(pg.writeQuorumHeld()).isFalse();
        assertThat(g.state()).isEqualTo(SegmentState.REPLACING);
    }

    @Test
    void aReadNeedsThreeOfEitherSet() {
        ProtectionGroup pg = pg();
        down(pg, 5);
        Segment g = pg.beginReplacement(pg.slot(5), spare, 1);
        g.setState(SegmentState.UP);
        down(pg, 0, 1, 2);
        // D, E up in ABCDEF (2) ; D, E, G up in ABCDEG (3): the OR holds
        assertThat(pg.readQuorumHeld()).isTrue();
    }

    @Test
    void twoConcurrentReplacementsGiveFourTermsAndWritingToAbcdSatisfiesAll() {
        ProtectionGroup pg = pg();
        pg.beginReplacement(pg.slot(5), spare, 1); // F -> G
        pg.beginReplacement(pg.slot(4), new StorageNode("spare2", "c"), 2); // E -> H
        assertThat(pg.quorumTerms()).hasSize(4);
        down(pg, 4, 5);
        pg.slot(4).replacement().setState(SegmentState.DOWN);
        pg.slot(5).replacement().setState(SegmentState.DOWN);
        // only A, B, C, D accept: 4 in every term
        assertThat(pg.writeQuorumHeld()).isTrue();
    }

    @Test
    void rollingBackAReplacementRestoresTheOriginalSetAndBumpsTheEpoch() {
        ProtectionGroup pg = pg();
        long before = pg.membershipEpoch();
        pg.beginReplacement(pg.slot(5), spare, 1);
        pg.rollBackReplacement(pg.slot(5));
        assertThat(pg.quorumTerms()).hasSize(1);
        assertThat(pg.slot(5).current().letter()).isEqualTo('F');
        assertThat(pg.membershipEpoch()).isEqualTo(before + 2);
    }

    @Test
    void committingAReplacementLeavesTheNewCopyAlone() {
        ProtectionGroup pg = pg();
        pg.beginReplacement(pg.slot(5), spare, 1);
        Segment old = pg.commitReplacement(pg.slot(5));
        assertThat(old.letter()).isEqualTo('F');
        assertThat(pg.quorumTerms()).singleElement().extracting(t -> t.get(5).letter()).isEqualTo('G');
    }

    @Test
    void theDegradedModelNeedsThreeOfTheFourCopiesLeft() {
        ProtectionGroup pg = pg();
        down(pg, 4, 5);
        pg.enterDegradedModel("c");
        assertThat(pg.copiesInModel()).isEqualTo(4);
        down(pg, 0);
        assertThat(pg.writeQuorumHeld()).isTrue();
        down(pg, 1);
        assertThat(pg.writeQuorumHeld()).isFalse();
        assertThat(pg.readQuorumHeld()).isTrue();
    }

    @Test
    void pgclIsTheFourthHighestAcknowledgedPrefix() {
        ProtectionGroup pg = pg();
        int[] acked = {9, 7, 5, 3, 1, -1};
        for (int i = 0; i < 6; i++) {
            pg.slot(i).current().setAckedPrefix(acked[i]);
        }
        assertThat(pg.quorumAckedPrefix()).isEqualTo(3);
    }
}
