package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A protection group's membership (P18 §4, §4.1): the epoch counts every change, the gauges follow a change at once
 * (they are cached), the degraded model is left only when its AZ is back and up, and the copy a read or a gossip
 * round would use.
 */
class MembershipTest {

    private static final String[] AZS = {"a", "a", "b", "b", "c", "c"};

    private static ProtectionGroup pg() {
        ProtectionGroup pg = new ProtectionGroup("pg-0", 0, 10);
        for (int i = 0; i < 6; i++) {
            pg.placeInitial(i, AZS[i], i % 2 + 1, new StorageNode("n" + i, AZS[i]));
        }
        return pg;
    }

    @Test
    void everyMembershipChangeBumpsTheEpochByOne() {
        ProtectionGroup pg = pg();
        assertThat(pg.membershipEpoch()).isEqualTo(1);
        pg.enterDegradedModel("c");
        assertThat(pg.membershipEpoch()).isEqualTo(2);
        assertThat(pg.degradedExcludedAz()).isEqualTo("c");
        pg.leaveDegradedModel();
        assertThat(pg.membershipEpoch()).isEqualTo(3);
        assertThat(pg.degradedExcludedAz()).isNull();
        pg.beginReplacement(pg.slot(2), new StorageNode("spare", "b"), 1);
        assertThat(pg.membershipEpoch()).isEqualTo(4);
        pg.commitReplacement(pg.slot(2));
        assertThat(pg.membershipEpoch()).isEqualTo(5);
    }

    @Test
    void theGaugesFollowAMembershipChangeAtOnce() {
        ProtectionGroup pg = pg();
        Segment g = pg.beginReplacement(pg.slot(5), new StorageNode("spare", "c"), 1);
        g.setState(SegmentState.DOWN);
        // ABCDEF: 6 accept; ABCDEG: 5 (G is down): the AND counts 5
        assertThat(pg.writableCopies()).isEqualTo(5);
        assertThat(pg.readableCopies()).isEqualTo(6);
        Segment dropped = pg.rollBackReplacement(pg.slot(5));
        assertThat(dropped).isSameAs(g);
        assertThat(pg.writableCopies()).isEqualTo(6);

        pg.slot(4).current().setState(SegmentState.DOWN);
        pg.slot(5).current().setState(SegmentState.DOWN);
        pg.slot(0).current().setState(SegmentState.DOWN);
        assertThat(pg.writableCopies()).isEqualTo(3);
        assertThat(pg.writeQuorumHeld()).isFalse();
        assertThat(pg.readableCopies()).isEqualTo(3);
        pg.enterDegradedModel("c");
        // B, C, D of the four left: 3 of 4 writes, 3 of 4 reads
        assertThat(pg.writableCopies()).isEqualTo(3);
        assertThat(pg.writeQuorumHeld()).isTrue();
        assertThat(pg.copiesInModel()).isEqualTo(4);
        assertThat(pg.readQuorumSize()).isEqualTo(2);
        pg.leaveDegradedModel();
        assertThat(pg.writeQuorumHeld()).isFalse();
        assertThat(pg.copiesInModel()).isEqualTo(6);

        Segment h = pg.beginReplacement(pg.slot(0), new StorageNode("spare-a", "a"), 2);
        assertThat(pg.readableCopies()).isEqualTo(3);
        h.fillUpTo(-1);
        h.setState(SegmentState.UP);
        // HBCDEF has four readable now
        assertThat(pg.readableCopies()).isEqualTo(4);
        pg.commitReplacement(pg.slot(0));
        assertThat(pg.writableCopies()).isEqualTo(4);
        assertThat(pg.slot(0).current()).isSameAs(h);
        assertThat(pg.slot(0).replacement()).isNull();
    }

    @Test
    void theDegradedModelIsLeftOnlyWhenItsAzIsBackAndEveryCopyThereIsUp() {
        ProtectionGroup pg = pg();
        assertThat(pg.mayLeaveDegradedModel(false)).as("not degraded").isFalse();
        pg.enterDegradedModel("c");
        pg.slot(4).current().setState(SegmentState.DOWN);
        pg.slot(5).current().setState(SegmentState.CATCHING_UP);
        assertThat(pg.mayLeaveDegradedModel(true)).as("AZ c still down").isFalse();
        assertThat(pg.mayLeaveDegradedModel(false)).as("E down, F catching up").isFalse();
        pg.slot(4).current().setState(SegmentState.UP);
        assertThat(pg.mayLeaveDegradedModel(false)).as("F catching up").isFalse();
        pg.slot(5).current().setState(SegmentState.UP);
        // copies outside AZ c do not matter
        pg.slot(0).current().setState(SegmentState.DOWN);
        assertThat(pg.mayLeaveDegradedModel(false)).isTrue();
        assertThat(pg.mayLeaveDegradedModel(true)).isFalse();
    }

    @Test
    void aGroupMayEnterTheDegradedModelOnlyWithThreeCopiesReachableOutsideTheLostAz() {
        ProtectionGroup pg = pg();
        pg.slot(4).current().setState(SegmentState.DOWN);
        pg.slot(5).current().setState(SegmentState.DOWN);
        assertThat(pg.mayEnterDegradedModel("c", true)).isTrue();
        assertThat(pg.mayEnterDegradedModel("c", false)).as("another AZ is out too").isFalse();
        pg.slot(0).current().setState(SegmentState.CATCHING_UP);
        pg.slot(1).current().setState(SegmentState.DESTROYED);
        // C, D up and A catching up: three
        assertThat(pg.mayEnterDegradedModel("c", true)).isTrue();
        pg.slot(0).current().setState(SegmentState.REPLACING);
        assertThat(pg.mayEnterDegradedModel("c", true)).isFalse();
        pg.slot(0).current().setState(SegmentState.UP);
        pg.enterDegradedModel("c");
        assertThat(pg.mayEnterDegradedModel("b", true)).as("already leaving one AZ out").isFalse();
    }

    @Test
    void theMostCompleteReadableCopyIsTheLongestPrefixServingReadsOtherThanTheOneAsked() {
        ProtectionGroup pg = pg();
        for (int i = 0; i < 10; i++) {
            pg.log().append(10L * i + 1, 10L * i + 10);
        }
        Segment a = pg.slot(0).current();
        Segment b = pg.slot(1).current();
        Segment c = pg.slot(2).current();
        a.fillUpTo(3);
        b.fillUpTo(7);
        c.fillUpTo(7);
        // ties go to the first in slot order
        assertThat(pg.mostCompleteReadable(null)).isSameAs(b);
        assertThat(pg.mostCompleteReadable(b)).isSameAs(c);
        b.setState(SegmentState.DOWN);
        c.setState(SegmentState.CATCHING_UP);
        assertThat(pg.mostCompleteReadable(null)).isSameAs(c);
        c.retire();
        assertThat(pg.mostCompleteReadable(null)).isSameAs(a);
        assertThat(pg.mostCompleteReadable(a).prefix()).isEqualTo(-1);
        for (int i = 0; i < 6; i++) {
            pg.slot(i).current().setState(SegmentState.DOWN);
        }
        assertThat(pg.mostCompleteReadable(null)).isNull();
    }

    @Test
    void theReadLimitOfATrimmedLogStopsAtTheCut() {
        ProtectionGroup pg = pg();
        for (int i = 0; i < 10; i++) {
            pg.log().append(10L * i + 1, 10L * i + 10);
        }
        Segment a = pg.slot(0).current();
        a.fillUpTo(6);
        // A holds boxcars 0-6: a read up to just below boxcar 7's first LSN (71) is served
        assertThat(pg.readLimitLsn()).isEqualTo(70);
        pg.log().forgetBelow(5);
        // kept from boxcar 4 on; A's prefix 6 is above the cut: unchanged
        assertThat(pg.readLimitLsn()).isEqualTo(70);
        for (int i = 0; i < 6; i++) {
            pg.slot(i).current().setState(SegmentState.DOWN);
        }
        Segment b = pg.slot(1).current();
        b.setState(SegmentState.UP);
        b.fillUpTo(4);
        // B ends at boxcar 4, the last one kept below the cut: still an exact answer
        assertThat(pg.readLimitLsn()).isEqualTo(50);
        b.wipe();
        // B holds nothing the trimmed log can vouch for: no read point is served
        assertThat(pg.readLimitLsn()).isEqualTo(Long.MIN_VALUE);
        b.fillUpTo(9);
        assertThat(pg.readLimitLsn()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void writeTargetsAreTheCopiesAndReplacementsOfTheActiveSlots() {
        ProtectionGroup pg = pg();
        assertThat(pg.writeTargets()).extracting(Segment::letter).containsExactly('A', 'B', 'C', 'D', 'E', 'F');
        pg.beginReplacement(pg.slot(1), new StorageNode("spare", "a"), 1);
        pg.enterDegradedModel("c");
        assertThat(pg.writeTargets()).extracting(Segment::letter).containsExactly('A', 'B', 'G', 'C', 'D');
        assertThat(pg.allCopies()).extracting(Segment::letter).containsExactly('A', 'B', 'G', 'C', 'D', 'E', 'F');
        assertThat(pg.segmentsUp()).isEqualTo(6);
    }
}
