package dev.auroralab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A copied protection group has its own log, slots and segments, and finds every copy it ever had by its letter. */
class ProtectionGroupTest {

    private final Map<StorageNode, StorageNode> copiedNodes = new IdentityHashMap<>();

    private StorageNode copyOf(StorageNode node) {
        return copiedNodes.computeIfAbsent(node, StorageNode::copy);
    }

    /**
     * A group with some history: boxcars 0-9, A complete, B with a hole, F replaced by G (F retired), E being
     * replaced by H, the degraded model leaving AZ c out, a PGCL, a staged boxcar and a gossip round scheduled.
     */
    private static ProtectionGroup groupWithHistory() {
        ProtectionGroup pg = new ProtectionGroup("pg-3", 3, 10);
        String[] azs = {"a", "a", "b", "b", "c", "c"};
        for (int i = 0; i < 6; i++) {
            pg.placeInitial(i, azs[i], i % 2 + 1, new StorageNode("n" + i, azs[i]));
        }
        for (int i = 0; i < 10; i++) {
            pg.log().append(10L * i + 1, 10L * i + 5);
        }
        Segment a = pg.slot(0).current();
        a.fillUpTo(9);
        a.setAckedPrefix(9);
        a.setVolumeEpoch(4);
        Segment b = pg.slot(1).current();
        b.receive(0);
        b.receive(5);
        b.receive(7);
        b.setState(SegmentState.CATCHING_UP);
        b.setCatchUpTarget(9);
        b.setFailedByUser(true);
        Segment f = pg.slot(5).current();
        f.setState(SegmentState.DOWN);
        pg.beginReplacement(pg.slot(5), new StorageNode("spare-c", "c"), 1).fillUpTo(9); // G
        f.retire();
        pg.commitReplacement(pg.slot(5));
        pg.slot(4).current().setState(SegmentState.DESTROYED);
        pg.slot(4).current().wipe();
        pg.beginReplacement(pg.slot(4), new StorageNode("spare-c2", "c"), 2); // H
        pg.enterDegradedModel("c");
        pg.setPgclBoxcar(7);
        pg.setStagedBoxcar(6);
        pg.setGossipScheduled(true);
        return pg;
    }

    @Test
    void aCopiedGroupHasNewSegmentsWithTheSameFieldsOnTheMappedNodes() {
        ProtectionGroup original = groupWithHistory();
        ProtectionGroup copy = original.copy(this::copyOf);
        assertThat(copy.id()).isEqualTo("pg-3");
        assertThat(copy.index()).isEqualTo(3);
        assertThat(copy.sizeGiB()).isEqualTo(10);
        assertThat(copy.log()).isNotSameAs(original.log());
        assertThat(copy.log().size()).isEqualTo(10);
        assertThat(copy.membershipEpoch()).isEqualTo(original.membershipEpoch());
        assertThat(copy.degradedExcludedAz()).isEqualTo("c");
        assertThat(copy.pgclBoxcar()).isEqualTo(7);
        assertThat(copy.stagedBoxcar()).isEqualTo(6);
        assertThat(copy.gossipScheduled()).isTrue();
        for (char letter = 'A'; letter <= 'H'; letter++) {
            Segment was = original.segmentByLetter(letter);
            Segment now = copy.segmentByLetter(letter);
            assertThat(now).as("copy %s", letter).isNotNull().isNotSameAs(was);
            assertThat(now.pg()).isSameAs(copy);
            assertThat(now.node()).isSameAs(copiedNodes.get(was.node()));
            assertThat(now.id()).isEqualTo(was.id());
            assertThat(now.letter()).isEqualTo(letter);
            assertThat(now.slot()).isEqualTo(was.slot());
            assertThat(now.state()).isEqualTo(was.state());
            assertThat(now.prefix()).isEqualTo(was.prefix());
            assertThat(now.catchUpTarget()).isEqualTo(was.catchUpTarget());
            assertThat(now.volumeEpoch()).isEqualTo(was.volumeEpoch());
            assertThat(now.ackedPrefix()).isEqualTo(was.ackedPrefix());
            assertThat(now.failedByUser()).isEqualTo(was.failedByUser());
            assertThat(now.retired()).isEqualTo(was.retired());
            assertThat(now.generation()).isEqualTo(was.generation());
            for (int i = 0; i < 12; i++) {
                assertThat(now.holds(i)).as("copy %s holds %d", letter, i).isEqualTo(was.holds(i));
            }
        }
        for (int i = 0; i < 6; i++) {
            ProtectionGroup.Slot was = original.slot(i);
            ProtectionGroup.Slot now = copy.slot(i);
            assertThat(now).isNotSameAs(was);
            assertThat(now.address()).isEqualTo(was.address());
            assertThat(now.az()).isEqualTo(was.az());
            assertThat(now.current()).isSameAs(copy.segmentByLetter(was.current().letter()));
            assertThat(now.replacement() == null ? null : now.replacement().letter())
                    .isEqualTo(was.replacement() == null ? null : was.replacement().letter());
        }
        assertThat(copy.quorumTerms()).hasSameSizeAs(original.quorumTerms());
        assertThat(copy.quorumAckedPrefix()).isEqualTo(original.quorumAckedPrefix());
        // the letter counter goes on from the same place
        assertThat(copy.beginReplacement(copy.slot(0), new StorageNode("x", "a"), 3).letter()).isEqualTo('I');
        assertThat(original.beginReplacement(original.slot(0), new StorageNode("y", "a"), 3).letter()).isEqualTo('I');
    }

    @Test
    void changingACopiedGroupLeavesTheOriginalAloneAndTheOtherWayRound() {
        ProtectionGroup original = groupWithHistory();
        ProtectionGroup copy = original.copy(this::copyOf);
        long epoch = original.membershipEpoch();

        copy.log().append(101, 105);
        copy.segmentByLetter('B').fillUpTo(10);
        copy.segmentByLetter('C').setState(SegmentState.DOWN);
        copy.segmentByLetter('H').fillUpTo(10);
        copy.commitReplacement(copy.slot(4));
        copy.segmentByLetter('E').retire();
        copy.segmentByLetter('A').node().setFailed(true);
        copy.leaveDegradedModel();
        copy.setPgclBoxcar(10);
        copy.setGossipScheduled(false);

        assertThat(original.log().size()).isEqualTo(10);
        assertThat(original.segmentByLetter('B').prefix()).isEqualTo(0);
        assertThat(original.segmentByLetter('B').holds(6)).isFalse();
        assertThat(original.segmentByLetter('C').state()).isEqualTo(SegmentState.UP);
        assertThat(original.segmentByLetter('H').prefix()).isEqualTo(-1);
        assertThat(original.slot(4).replacement()).isSameAs(original.segmentByLetter('H'));
        assertThat(original.segmentByLetter('E').retired()).isFalse();
        assertThat(original.segmentByLetter('A').node().failed()).isFalse();
        assertThat(original.degradedExcludedAz()).isEqualTo("c");
        assertThat(original.membershipEpoch()).isEqualTo(epoch);
        assertThat(original.pgclBoxcar()).isEqualTo(7);
        assertThat(original.gossipScheduled()).isTrue();

        original.segmentByLetter('D').receive(3);
        original.segmentByLetter('D').setAckedPrefix(2);
        original.log().truncateAbove(40);
        original.setStagedBoxcar(9);
        original.segmentByLetter('B').wipe();
        assertThat(copy.segmentByLetter('D').holds(3)).isFalse();
        assertThat(copy.segmentByLetter('D').ackedPrefix()).isEqualTo(-1);
        assertThat(copy.log().isTruncated(5)).isFalse();
        assertThat(copy.stagedBoxcar()).isEqualTo(6);
        assertThat(copy.segmentByLetter('B').prefix()).isEqualTo(10);
        assertThat(copy.slot(4).current()).isSameAs(copy.segmentByLetter('H'));
    }

    @Test
    void aCopyIsFoundByItsLetterEvenAfterItWasRetired() {
        ProtectionGroup pg = groupWithHistory();
        Segment f = pg.segmentByLetter('F');
        assertThat(f.retired()).isTrue();
        assertThat(f.id()).isEqualTo("pg-3/c/2");
        assertThat(pg.allCopies()).doesNotContain(f);
        assertThat(pg.segmentByLetter('G')).isSameAs(pg.slot(5).current());
        assertThat(pg.segmentByLetter('H')).isSameAs(pg.slot(4).replacement());
        assertThat(pg.segmentByLetter('I')).isNull();
        assertThat(pg.segmentByLetter('a')).isNull();
        assertThat(pg.segmentByLetter('@')).isNull();
        for (Segment s : List.of(pg.slot(0).current(), pg.slot(3).current())) {
            assertThat(pg.segmentByLetter(s.letter())).isSameAs(s);
        }
    }

    @Test
    void aNewGroupHasNoGossipRoundScheduled() {
        ProtectionGroup pg = new ProtectionGroup("pg-0", 0, 10);
        assertThat(pg.gossipScheduled()).isFalse();
        pg.setGossipScheduled(true);
        assertThat(pg.gossipScheduled()).isTrue();
    }
}
