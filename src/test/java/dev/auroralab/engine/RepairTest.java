package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.QuorumTerm;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storage faults and repair (storage/Repair): a storage node takes down every copy it hosts, a copy gone past the
 * detection time is replaced on the least loaded node of its AZ that holds no copy of the group, and the commands
 * say what they did.
 *
 * <p>Placement, worked by hand for a 30 GiB volume (pg-0..pg-2) with four nodes per AZ: copy k (1 or 2) of pg-p sits
 * on node ((2p + k - 1) mod 4) + 1, so sn-az-a-1 holds pg-0/az-a/1 and pg-2/az-a/1, sn-az-a-3 and sn-az-a-4 hold one
 * copy each (of pg-1).
 */
class RepairTest {

    private static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aFailedStorageNodeTakesDownExactlyTheCopiesItHosts() {
        AuroraEngine e = light(3);
        runChecked(e, seconds(1));
        CommandResult r = e.apply(new Command.FailStorageNode("sn-az-a-1"));
        assertThat(r.accepted()).isTrue();
        assertThat(r.message()).isEqualTo("sn-az-a-1 failed");
        assertThat(events(e, AuroraEvent.StorageNodeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.segmentsDown()).isEqualTo(2));
        EngineSnapshot s = e.snapshot();
        assertThat(s.segment("pg-0/az-a/1").state().label()).isEqualTo("down");
        assertThat(s.segment("pg-2/az-a/1").state().label()).isEqualTo("down");
        assertThat(s.segment("pg-1/az-a/1").state().label()).isEqualTo("up");
        assertThat(s.segment("pg-0/az-a/2").state().label()).isEqualTo("up");
        assertThat(s.storageNode("sn-az-a-1").up()).isFalse();
        assertThat(s.pg("pg-0").segmentsUp()).isEqualTo(5);
        assertThat(s.volume().writable()).isTrue();
    }

    @Test
    void aStorageNodeCommandOnAnUnknownNodeOrInTheStateItIsInAlreadyIsRefused() {
        AuroraEngine e = light(3);
        assertThat(e.apply(new Command.FailStorageNode("sn-az-z-9")).message()).isEqualTo("no storage node sn-az-z-9");
        assertThat(e.apply(new Command.RestoreStorageNode("sn-az-a-1")).message())
                .isEqualTo("sn-az-a-1 is not failed");
        e.apply(new Command.FailStorageNode("sn-az-a-1"));
        CommandResult again = e.apply(new Command.FailStorageNode("sn-az-a-1"));
        assertThat(again.accepted()).isFalse();
        assertThat(again.message()).isEqualTo("sn-az-a-1 is already failed");
        assertThat(events(e, AuroraEvent.StorageNodeFailed.class)).hasSize(1);
    }

    @Test
    void aNodeBackBeforeTheDetectionTimeBringsItsCopiesBackWithoutAReplacement() {
        AuroraEngine e = light(3);
        runChecked(e, seconds(1));
        e.apply(new Command.FailStorageNode("sn-az-a-1"));
        e.advanceTo(seconds(5));
        CommandResult r = e.apply(new Command.RestoreStorageNode("sn-az-a-1"));
        assertThat(r.message()).isEqualTo("sn-az-a-1 restored");
        assertThat(eventTypes(e)).contains("StorageNodeRestored");
        e.advanceTo(seconds(20));
        EngineSnapshot s = e.snapshot();
        assertThat(s.segment("pg-0/az-a/1").state().label()).isEqualTo("up");
        assertThat(s.segment("pg-2/az-a/1").state().label()).isEqualTo("up");
        // the copies caught up by gossip, and the repair checks scheduled at the failure found them back
        assertThat(eventTypes(e)).contains("SegmentCaughtUp").doesNotContain("MembershipChangeStarted");
        assertThat(s.pg("pg-0").membershipEpoch()).isEqualTo(1);
    }

    @Test
    void copiesOfAFailedNodeAreReplacedOnTheLeastLoadedNodesOfTheirAzThatHoldNoCopyOfTheGroup() {
        AuroraEngine e = light(3);
        runChecked(e, seconds(1));
        e.apply(new Command.FailStorageNode("sn-az-a-1"));
        // detection after 10 s; sn-az-a-2 holds the other az-a copy of both groups, so 3 and 4 (one copy each) are
        // free: pg-0 takes the first of them, which then holds two, so pg-2 goes to sn-az-a-4
        runChecked(e, seconds(11) + 1);
        EngineSnapshot s = e.snapshot();
        assertThat(s.segment("pg-0/az-a/1#1").nodeId()).isEqualTo("sn-az-a-3");
        assertThat(s.segment("pg-2/az-a/1#2").nodeId()).isEqualTo("sn-az-a-4");
        assertThat(s.segment("pg-0/az-a/1#1").state().label()).isEqualTo("replacing");
        assertThat(s.pg("pg-0").membershipEpoch()).isEqualTo(2);
        assertThat(s.pg("pg-0").writeSet()).containsExactly(new QuorumTerm(4, "ABCDEF"), new QuorumTerm(4, "GBCDEF"));
        assertThat(s.pg("pg-0").readSet()).containsExactly(new QuorumTerm(3, "ABCDEF"), new QuorumTerm(3, "GBCDEF"));
        assertThat(s.pg("pg-1").membershipEpoch()).isEqualTo(1);
        // a 10 GiB group is hydrated at 1 s per GiB: the change commits 10 s after it started
        e.advanceTo(seconds(21) - 1);
        assertThat(e.snapshot().pg("pg-0").membershipEpoch()).isEqualTo(2);
        e.advanceTo(seconds(21));
        assertNoInvariantBroken(e);
        s = e.snapshot();
        assertThat(s.pg("pg-0").membershipEpoch()).isEqualTo(3);
        assertThat(s.pg("pg-0").writeSet()).containsExactly(new QuorumTerm(4, "GBCDEF"));
        assertThat(s.segment("pg-0/az-a/1#1").state().label()).isEqualTo("up");
        assertThat(s.segment("pg-0/az-a/1")).isNull();
        assertThat(s.storageNode("sn-az-a-1").segments()).isEmpty();
        assertThat(s.storageNode("sn-az-a-3").segments()).containsExactly("pg-0/az-a/1#1", "pg-1/az-a/1");
        assertThat(s.counters().acknowledgedWritesLost()).isZero();
    }

    @Test
    void aReplacementWhoseNodeFailsBeforeItIsFilledIsDroppedAndTriedAgainElsewhere() {
        AuroraEngine e = light(3);
        runChecked(e, seconds(1));
        e.apply(new Command.FailSegment("pg-1/az-b/1"));
        e.advanceTo(seconds(11) + 1);
        // pg-1 lives on sn-az-b-3 and -4; sn-az-b-1 and -2 hold two copies each, and the first wins the tie
        String node = e.snapshot().segment("pg-1/az-b/1#1").nodeId();
        assertThat(node).isEqualTo("sn-az-b-1");
        e.apply(new Command.FailStorageNode(node));
        List<AuroraEvent.MembershipChangeRolledBack> rolled = events(e, AuroraEvent.MembershipChangeRolledBack.class);
        assertThat(rolled).singleElement().satisfies(rb -> {
            assertThat(rb.returned()).isEqualTo("pg-1/az-b/1");
            assertThat(rb.dropped()).isEqualTo("pg-1/az-b/1#1");
            assertThat(rb.epoch()).isEqualTo(3);
        });
        assertThat(e.snapshot().segment("pg-1/az-b/1#1")).isNull();
        // the suspect copy is still gone: storage tries again after another detection time, on another node. The
        // node also held pg-0's and pg-2's az-b/1, replaced at the same instant, pg-0 first (#2, on sn-az-b-3, one
        // copy); for pg-1 (#3) sn-az-b-3 and -4 hold its copies and sn-az-b-1 is out, which leaves sn-az-b-2
        e.advanceTo(seconds(22));
        EngineSnapshot s = e.snapshot();
        assertThat(s.segment("pg-0/az-b/1#2").nodeId()).isEqualTo("sn-az-b-3");
        assertThat(s.segment("pg-1/az-b/1#3").nodeId()).isEqualTo("sn-az-b-2");
    }

    @Test
    void failingACopyWhoseNodeIsOutChangesNothingNowAndKeepsItDownWhenTheNodeReturns() {
        AuroraEngine e = light(3);
        runChecked(e, seconds(1));
        e.apply(new Command.FailStorageNode("sn-az-b-3"));
        CommandResult r = e.apply(new Command.FailSegment("pg-1/az-b/1"));
        assertThat(r.message()).isEqualTo("pg-1/az-b/1 will stay down when its node returns");
        assertThat(eventTypes(e)).doesNotContain("SegmentFailed");
        e.apply(new Command.RestoreStorageNode("sn-az-b-3"));
        assertThat(e.snapshot().segment("pg-1/az-b/1").state().label()).isEqualTo("down");
        assertThat(e.apply(new Command.FailSegment("pg-1/az-b/1")).message())
                .isEqualTo("pg-1/az-b/1 is already failed");
        e.apply(new Command.FailStorageNode("sn-az-b-3"));
        CommandResult back = e.apply(new Command.RestoreSegment("pg-1/az-b/1"));
        assertThat(back.message()).isEqualTo("pg-1/az-b/1 stays down while its node or AZ is out");
        assertThat(eventTypes(e)).doesNotContain("SegmentRestored");
        e.apply(new Command.RestoreStorageNode("sn-az-b-3"));
        assertThat(e.snapshot().segment("pg-1/az-b/1").state().label()).isIn("up", "catching up");
    }

    @Test
    void segmentCommandsSayWhyTheyAreRefused() {
        AuroraEngine e = light(3);
        assertThat(e.apply(new Command.FailSegment("pg-9/az-a/1")).message())
                .isEqualTo("no segment at address pg-9/az-a/1");
        assertThat(e.apply(new Command.RestoreSegment("pg-9/az-a/1")).message())
                .isEqualTo("no segment at address pg-9/az-a/1");
        assertThat(e.apply(new Command.DestroySegment("pg-9/az-a/1")).message())
                .isEqualTo("no segment at address pg-9/az-a/1");
        assertThat(e.apply(new Command.RestoreSegment("pg-0/az-a/1")).message()).isEqualTo("pg-0/az-a/1 is not failed");
        assertThat(e.apply(new Command.DestroySegment("pg-0/az-a/1")).message()).isEqualTo("pg-0/az-a/1 destroyed");
        assertThat(e.apply(new Command.DestroySegment("pg-0/az-a/1")).message())
                .isEqualTo("pg-0/az-a/1 is already destroyed");
        assertThat(e.apply(new Command.FailSegment("pg-0/az-a/1")).message()).isEqualTo("pg-0/az-a/1 is destroyed");
        assertThat(e.apply(new Command.RestoreSegment("pg-0/az-a/1")).message())
                .isEqualTo("pg-0/az-a/1 was destroyed; storage replaces it on its own");
        // the long form names the primary's copies too
        assertThat(e.apply(new Command.FailSegment("us-east-1/pg-1/az-c/2")).message())
                .isEqualTo("us-east-1/pg-1/az-c/2 is down");
        assertThat(e.snapshot().segment("pg-1/az-c/2").state().label()).isEqualTo("down");
    }

    @Test
    void copiesInAnAzThatIsOutAreNotReplaced() {
        AuroraEngine e = light(3);
        runChecked(e, seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        // well past the detection time, before the degraded model's delay
        e.advanceTo(seconds(40));
        assertThat(eventTypes(e)).doesNotContain("MembershipChangeStarted");
        assertThat(e.snapshot().pg("pg-0").membershipEpoch()).isEqualTo(1);
    }

    @Test
    void aDestroyedCopyInAnAzThatWasOutIsReplacedOnceTheAzReturns() {
        AuroraEngine e = light(3);
        runChecked(e, seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.apply(new Command.DestroySegment("pg-0/az-c/1"));
        e.advanceTo(seconds(30));
        e.apply(new Command.RestoreAvailabilityZone("az-c"));
        e.advanceTo(seconds(39));
        assertThat(eventTypes(e)).doesNotContain("MembershipChangeStarted");
        e.advanceTo(seconds(41));
        assertThat(events(e, AuroraEvent.MembershipChangeStarted.class)).singleElement()
                .satisfies(m -> assertThat(m.suspect()).isEqualTo("pg-0/az-c/1"));
        e.advanceTo(seconds(52));
        EngineSnapshot s = e.snapshot();
        assertThat(s.pg("pg-0").writeSet()).containsExactly(new QuorumTerm(4, "ABCDGF"));
        assertThat(s.counters().acknowledgedWritesLost()).isZero();
    }

    @Test
    void aRepairCheckFromAnEarlierOutageDoesNotReplaceACopyThatFailedAgainLater() {
        AuroraEngine e = light(3);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-1/az-b/1"));
        e.advanceTo(seconds(5));
        e.apply(new Command.RestoreSegment("pg-1/az-b/1"));
        e.advanceTo(seconds(8));
        e.apply(new Command.FailSegment("pg-1/az-b/1"));
        // the check queued at 1 s (due at 11 s) belongs to the first outage: only the one due at 18 s may act
        e.advanceTo(seconds(18) - 1);
        assertThat(eventTypes(e)).doesNotContain("MembershipChangeStarted");
        e.advanceTo(seconds(18));
        assertThat(events(e, AuroraEvent.MembershipChangeStarted.class)).singleElement()
                .satisfies(m -> assertThat(m.atMicros()).isEqualTo(seconds(18)));
    }

    @Test
    void aCopyFarBehindCatchesUpByGossipAtFiveHundredBoxcarsARound() {
        // one group, 1,000 writes/s: a boxcar every 2 ms window, 500 a second
        AuroraEngine e = new AuroraEngine(spec(10, 1_000, 0, 3, writer("writer-1", "az-a")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-c/2"));
        e.advanceTo(seconds(4));
        int behind = e.protectionGroups().get(0).log().size() - 1
                - e.protectionGroups().get(0).slot(5).current().prefix();
        // three seconds missed: about 1,500 boxcars, so at least three rounds of 50 ms
        assertThat(behind).isBetween(1_400, 1_600);
        e.apply(new Command.RestoreSegment("pg-0/az-c/2"));
        assertThat(e.snapshot().segment("pg-0/az-c/2").state().label()).isEqualTo("catching up");
        int rounds = (behind + 499) / 500;
        e.advanceTo(seconds(4) + (rounds - 1) * 50_000L);
        assertThat(e.snapshot().segment("pg-0/az-c/2").state().label()).isEqualTo("catching up");
        e.advanceTo(seconds(4) + rounds * 50_000L);
        assertThat(events(e, AuroraEvent.SegmentCaughtUp.class)).singleElement().satisfies(c -> {
            assertThat(c.segment()).isEqualTo("pg-0/az-c/2");
            assertThat(c.atMicros()).isEqualTo(seconds(4) + rounds * 50_000L);
        });
        assertNoInvariantBroken(e);
    }

    @Test
    void aNewCopyWaitsUntilACopyHoldingEverythingDurableIsBackBeforeItIsFilled() {
        AuroraEngine e = light(3);
        e.advanceTo(seconds(1));
        // E and F (az-c) fall behind; A, B, C, D take the writes
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.advanceTo(seconds(2));
        // then every copy holding the latest writes is gone: A, B, C out, D destroyed; E and F come back
        for (String address : List.of("pg-0/az-a/1", "pg-0/az-a/2", "pg-0/az-b/1")) {
            e.apply(new Command.FailSegment(address));
        }
        e.apply(new Command.DestroySegment("pg-0/az-b/2"));
        e.apply(new Command.RestoreAvailabilityZone("az-c"));
        // D's replacement starts at 12 s and is filled at 22 s, but E and F do not hold what is durable: it waits,
        // looking again every second
        e.advanceTo(seconds(25.5));
        assertThat(events(e, AuroraEvent.MembershipChangeStarted.class)).extracting(m -> m.suspect())
                .contains("pg-0/az-b/2");
        assertThat(eventTypes(e)).doesNotContain("SegmentHydrated", "MembershipChangeCommitted");
        e.apply(new Command.RestoreSegment("pg-0/az-a/1"));
        e.advanceTo(seconds(27));
        AuroraEvent.MembershipChangeCommitted committed = events(e, AuroraEvent.MembershipChangeCommitted.class)
                .stream().filter(c -> c.removed().equals("pg-0/az-b/2")).findFirst().orElseThrow();
        assertThat(committed.atMicros()).isEqualTo(seconds(26));
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isZero();
        assertNoInvariantBroken(e);
    }
}
