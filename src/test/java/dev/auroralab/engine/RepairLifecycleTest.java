package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import dev.auroralab.engine.storage.SegmentState;
import org.junit.jupiter.api.Test;

/**
 * The life of a copy under storage/Repair: failed, restored, destroyed, caught up by gossip (up to 500 boxcars per
 * 50 ms round), replaced on a free node of its AZ after 10 s (hydration 1 s per GiB), and restored from the staged
 * backup when no copy of its group is left. A 10 GiB volume is one protection group, pg-0; its copies sit on nodes
 * 1 and 2 of each AZ (sn-az-X-1 and sn-az-X-2), so nodes 3 and 4 are free for a replacement.
 */
class RepairLifecycleTest {

    /** writer-1 in az-a, reader-1 in az-b, one protection group; {@code writes} per second. */
    private static AuroraEngine oneGroup(double writes) {
        return new AuroraEngine(spec(10, writes, 1000, 4, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
    }

    private static SegmentSnapshot segment(AuroraEngine e, String id) {
        return e.snapshot().volume().protectionGroups().get(0).segments().stream().filter(s -> s.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void failingRestoringAndDestroyingACopyAreEachAnnounced() {
        AuroraEngine e = oneGroup(200);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));
        e.advanceTo(seconds(2));
        e.apply(new Command.RestoreSegment("pg-0/az-b/1"));
        e.advanceTo(seconds(3));
        e.apply(new Command.DestroySegment("pg-0/az-c/2"));
        assertThat(events(e, AuroraEvent.SegmentFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.atMicros()).isEqualTo(seconds(1));
            assertThat(f.segment()).isEqualTo("pg-0/az-b/1");
            assertThat(f.pg()).isEqualTo("pg-0");
        });
        assertThat(events(e, AuroraEvent.SegmentRestored.class)).singleElement().satisfies(r -> {
            assertThat(r.atMicros()).isEqualTo(seconds(2));
            assertThat(r.segment()).isEqualTo("pg-0/az-b/1");
        });
        assertThat(events(e, AuroraEvent.SegmentDestroyed.class)).singleElement().satisfies(d -> {
            assertThat(d.atMicros()).isEqualTo(seconds(3));
            assertThat(d.segment()).isEqualTo("pg-0/az-c/2");
            assertThat(d.pg()).isEqualTo("pg-0");
        });
    }

    @Test
    void aCopyBackWithNothingMissedIsUpAtOnceWithoutGossip() {
        AuroraEngine e = oneGroup(200);
        e.advanceTo(seconds(1));
        // no writes from 1 s: once the last boxcars land, no copy can miss anything
        e.apply(new Command.SetWorkload(0.0, null));
        e.advanceTo(seconds(2));
        e.apply(new Command.FailSegment("pg-0/az-c/1"));
        e.advanceTo(seconds(3));
        e.apply(new Command.RestoreSegment("pg-0/az-c/1"));
        assertThat(segment(e, "pg-0/az-c/1").state()).isEqualTo(SegmentState.UP);
        e.advanceTo(seconds(4));
        assertThat(events(e, AuroraEvent.SegmentCaughtUp.class)).isEmpty();
    }

    @Test
    void anAzOutageCountsOnlyTheCopiesItTakesDownNotADestroyedOne() {
        AuroraEngine e = oneGroup(200);
        e.advanceTo(seconds(1));
        e.apply(new Command.DestroySegment("pg-0/az-c/1"));
        e.advanceTo(seconds(2));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        // az-c holds two copies of pg-0 and no instance; one copy was destroyed already
        assertThat(events(e, AuroraEvent.AvailabilityZoneFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.segmentsDown()).isEqualTo(1);
            assertThat(f.instancesDown()).isZero();
        });
        assertThat(segment(e, "pg-0/az-c/1").state()).isEqualTo(SegmentState.DESTROYED);
    }

    @Test
    void aNodeFailureDropsTheNewCopyItWasFillingAndRepairTriesAgain() {
        AuroraEngine e = oneGroup(200);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));
        AuroraEvent.MembershipChangeStarted m = stepUntil(e, AuroraEvent.MembershipChangeStarted.class, seconds(12));
        assertThat(m.atMicros()).isEqualTo(seconds(11));
        // the first free node of az-b (nodes 1 and 2 hold pg-0's copies there)
        assertThat(segment(e, m.replacement()).nodeId()).isEqualTo("sn-az-b-3");

        e.advanceTo(seconds(12));
        e.apply(new Command.FailStorageNode("sn-az-b-3"));
        assertThat(events(e, AuroraEvent.StorageNodeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.segmentsDown()).isEqualTo(1));
        assertThat(events(e, AuroraEvent.MembershipChangeRolledBack.class)).singleElement().satisfies(r -> {
            assertThat(r.atMicros()).isEqualTo(seconds(12));
            assertThat(r.returned()).isEqualTo("pg-0/az-b/1");
            assertThat(r.dropped()).isEqualTo(m.replacement());
        });
        // the failed copy is still gone: 10 s later a new copy starts on the last free node
        e.advanceTo(seconds(23));
        assertThat(events(e, AuroraEvent.MembershipChangeStarted.class)).hasSize(2).last().satisfies(again -> {
            assertThat(again.atMicros()).isEqualTo(seconds(22));
            assertThat(segment(e, again.replacement()).nodeId()).isEqualTo("sn-az-b-4");
        });
    }

    @Test
    void withNoFreeNodeInItsAzAReplacementWaitsForOne() {
        AuroraEngine e = oneGroup(200);
        e.advanceTo(seconds(1));
        // node 1 takes pg-0/az-b/1 down; node 2 holds the other copy; nodes 3 and 4 fail too
        e.apply(new Command.FailStorageNode("sn-az-b-1"));
        e.apply(new Command.FailStorageNode("sn-az-b-3"));
        e.apply(new Command.FailStorageNode("sn-az-b-4"));
        e.advanceTo(seconds(15));
        assertThat(events(e, AuroraEvent.MembershipChangeStarted.class)).isEmpty();
        e.apply(new Command.RestoreStorageNode("sn-az-b-4"));
        // the check at 11 s found no node and is repeated after the detection time, at 21 s
        AuroraEvent.MembershipChangeStarted m = stepUntil(e, AuroraEvent.MembershipChangeStarted.class, seconds(30));
        assertThat(m.atMicros()).isEqualTo(seconds(21));
        assertThat(m.suspect()).isEqualTo("pg-0/az-b/1");
        assertThat(segment(e, m.replacement()).nodeId()).isEqualTo("sn-az-b-4");
    }

    @Test
    void aNewCopyRefusesTheOldWriterFromItsFirstMoment() {
        AuroraEngine e = oneGroup(200);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(30));
        // reader-1 recovered at 23 s: volume epoch 2
        assertThat(e.snapshot().volume().volumeEpoch()).isEqualTo(2);
        e.apply(new Command.FailSegment("pg-0/az-c/1"));
        stepUntil(e, AuroraEvent.MembershipChangeStarted.class, seconds(41));
        ProtectionGroup pg = e.protectionGroups().get(0);
        Segment g = pg.slot(4).replacement();
        // before any boxcar of reader-1 reaches it, a late one of writer-1 (epoch 1) does
        e.deliver(new Scheduled.BoxcarDelivery(new Scheduled.CopyRef(0, 0, g.letter()), pg.log().size() - 1,
                "writer-1", "az-a", 1, e.nowMicros(), e.nowMicros()));
        assertThat(e.events()).last().isInstanceOfSatisfying(AuroraEvent.StaleWriteRejected.class, r -> {
            assertThat(r.segment()).isEqualTo(g.id());
            assertThat(r.staleEpoch()).isEqualTo(1);
            assertThat(r.currentEpoch()).isEqualTo(2);
        });
    }

    @Test
    void gossipRunsOneRoundEveryFiftyMillisecondsHoweverManyCopiesReturn() {
        // 1000 writes/s: two per 2 ms window, so every window sends pg-0 a boxcar
        AuroraEngine e = oneGroup(1000);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-c/1"));
        e.apply(new Command.FailSegment("pg-0/az-c/2"));
        e.advanceTo(seconds(4));
        e.apply(new Command.RestoreSegment("pg-0/az-c/1"));
        e.apply(new Command.RestoreSegment("pg-0/az-c/2"));
        ProtectionGroup pg = e.protectionGroups().get(0);
        Segment c1 = pg.slot(4).current();
        Segment c2 = pg.slot(5).current();
        assertThat(c1.state()).isEqualTo(SegmentState.CATCHING_UP);
        // both missed the same three seconds of boxcars; a round moves each at most 500 boxcars on
        int missed = c1.catchUpTarget() - c1.prefix();
        assertThat(c2.catchUpTarget() - c2.prefix()).isEqualTo(missed);
        assertThat(missed).isGreaterThan(1000);
        int rounds = (missed + ModelValues.GOSSIP_BATCHES_PER_ROUND - 1) / ModelValues.GOSSIP_BATCHES_PER_ROUND;
        e.advanceTo(seconds(5));
        assertThat(events(e, AuroraEvent.SegmentCaughtUp.class)).hasSize(2).allSatisfy(c -> assertThat(c.atMicros())
                .isEqualTo(seconds(4) + rounds * ModelValues.GOSSIP_INTERVAL_MICROS));
    }

    @Test
    void aGroupWithEveryCopyDestroyedIsRefilledFromTheStagedBackupOnly() {
        AuroraEngine e = oneGroup(200);
        e.advanceTo(seconds(25));
        ProtectionGroup pg = e.protectionGroups().get(0);
        // staging at 10 s and 20 s saved pg-0 up to this boxcar; what came later lives only on the copies
        int staged = pg.stagedBoxcar();
        long stagedScl = pg.log().lastLsn(staged);
        assertThat(stagedScl).isLessThan(e.vdl());
        for (String az : TestClusters.AZS) {
            e.apply(new Command.DestroySegment("pg-0/" + az + "/1"));
            e.apply(new Command.DestroySegment("pg-0/" + az + "/2"));
        }
        assertThat(events(e, AuroraEvent.AcknowledgedWritesLost.class)).singleElement()
                .satisfies(l -> assertThat(l.count()).isPositive());
        // with one group, VDL falls back to the last commit the backup holds
        assertThat(e.vdl()).isEqualTo(stagedScl);
        // and the writer's PGCL of the group falls back with it: nothing above the cut is durable any more
        assertThat(e.snapshot().pg("pg-0").pgcl()).isEqualTo(stagedScl);

        // replacements start at 35 s and are filled at 45 s: from the backup, not from the log the writer kept; the
        // volume's gauges follow each one at once (the fourth brings the write quorum back)
        for (int k = 0; k < 6; k++) {
            stepUntil(e, AuroraEvent.SegmentHydrated.class, seconds(46));
            assertThat(e.snapshot().volume().writable()).as("after hydration " + (k + 1))
                    .isEqualTo(freshLook(e).writable()).isEqualTo(k >= 3);
            assertThat(e.snapshot().volume().reason()).isEqualTo(freshLook(e).reason());
        }
        e.advanceTo(seconds(46));
        assertThat(events(e, AuroraEvent.SegmentHydrated.class)).hasSize(6)
                .allSatisfy(h -> assertThat(h.scl()).isEqualTo(stagedScl));
        assertThat(e.snapshot().volume().writable()).isTrue();
    }

    @Test
    void aGroupRestoredFromTheBackupAcknowledgesNewCommitsAgain() {
        AuroraEngine e = oneGroup(200);
        e.advanceTo(seconds(25));
        for (String az : TestClusters.AZS) {
            e.apply(new Command.DestroySegment("pg-0/" + az + "/1"));
            e.apply(new Command.DestroySegment("pg-0/" + az + "/2"));
        }
        e.advanceTo(seconds(46));
        assertThat(e.snapshot().volume().writable()).isTrue();
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        // 200 writes/s: a writable volume acknowledges some within a few seconds
        e.advanceTo(seconds(50));
        assertThat(e.snapshot().counters().writesAcknowledged()).isGreaterThan(acknowledged);
    }

    @Test
    void aGroupWhoseSixCopiesWereAllDownAtOnceAcknowledgesAgainWhenTheyReturn() {
        AuroraEngine e = oneGroup(200);
        e.advanceTo(seconds(5));
        for (String az : TestClusters.AZS) {
            e.apply(new Command.FailSegment("pg-0/" + az + "/1"));
            e.apply(new Command.FailSegment("pg-0/" + az + "/2"));
        }
        // back within the detection time: no copy is replaced, none was destroyed, no data is lost
        e.advanceTo(seconds(7));
        for (String az : TestClusters.AZS) {
            e.apply(new Command.RestoreSegment("pg-0/" + az + "/1"));
            e.apply(new Command.RestoreSegment("pg-0/" + az + "/2"));
        }
        e.advanceTo(seconds(10));
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        e.advanceTo(seconds(12));
        assertThat(e.snapshot().counters().writesAcknowledged()).isGreaterThan(acknowledged);
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isZero();
    }
}
