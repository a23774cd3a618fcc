package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 3-of-4 quorum of an AZ outage (P18 §4.1, decision 0002) is an explicit action, never automatic: however long an
 * AZ is out, AZ+1 stops writes (the Aurora FAQ; P17 §2.1) until a teacher reconfigures the quorum. It applies only
 * with exactly one AZ of the region out and enough of a group's other copies reachable to write with it.
 */
class DegradedQuorumTest {

    /** Five simulated minutes after an outage at 5 s: long past any delay the model once had. */
    private static final long LONG_AFTER = seconds(5) + seconds(300);

    private static List<String> excludedAzs(EngineSnapshot s) {
        return s.volume().protectionGroups().stream().map(ProtectionGroupSnapshot::degradedExcludedAz).toList();
    }

    private static AuroraEngine withAzsOutAt5s(long seed, String... azs) {
        AuroraEngine e = standard(seed);
        runChecked(e, seconds(5));
        for (String az : azs) {
            assertThat(e.apply(new Command.FailAvailabilityZone(az)).accepted()).isTrue();
        }
        return e;
    }

    @Test
    void anAzOutForMinutesKeepsFourOfSixAndAzPlusOneStopsWritesButNotReads() {
        AuroraEngine e = withAzsOutAt5s(4, "az-c");
        runChecked(e, LONG_AFTER);
        assertThat(excludedAzs(e.snapshot())).containsOnlyNulls();
        assertThat(e.snapshot().volume().writable()).isTrue();

        e.apply(new Command.FailSegment("pg-0/az-a/1"));
        runChecked(e, LONG_AFTER + seconds(1));
        EngineSnapshot s = e.snapshot();
        assertThat(s.pg("pg-0").writeQuorum()).as("3 of 6 copies: writes need 4").isFalse();
        assertThat(s.pg("pg-0").readQuorum()).as("reads need 3").isTrue();
        assertThat(s.volume().status()).isEqualTo(VolumeStatus.READ_ONLY);
        assertThat(eventTypes(e)).doesNotContain("DegradedQuorumEntered");
    }

    @Test
    void reconfiguringTheQuorumMovesEveryGroupToThreeOfFourAndAzPlusOneWritesAgain() {
        AuroraEngine e = withAzsOutAt5s(4, "az-c");
        runChecked(e, seconds(10));
        e.apply(new Command.FailSegment("pg-0/az-a/1"));
        runChecked(e, seconds(11));
        assertThat(e.snapshot().volume().writable()).isFalse();

        var r = e.apply(new Command.ReconfigureQuorum("az-c"));
        assertThat(r.accepted()).isTrue();
        assertThat(r.message()).isEqualTo("3 of 3 protection group(s) now use 3 of the 4 copies outside AZ az-c");
        runChecked(e, seconds(12));
        EngineSnapshot s = e.snapshot();
        assertThat(excludedAzs(s)).hasSize(3).containsOnly("az-c");
        assertThat(s.pg("pg-0").writeQuorumNeeded()).isEqualTo(3);
        assertThat(s.pg("pg-0").copiesInModel()).isEqualTo(4);
        // pg-0 keeps A2, B1 and B2 outside az-c: 3 of 4
        assertThat(s.pg("pg-0").writableCopies()).isEqualTo(3);
        assertThat(s.volume().writable()).isTrue();
        assertThat(eventTypes(e)).containsOnlyOnce("DegradedQuorumEntered");
    }

    @Test
    void theQuorumCannotBeReconfiguredForAnAzThatIsUpOrTwiceOver() {
        AuroraEngine e = standard(4);
        runChecked(e, seconds(5));
        assertThat(e.apply(new Command.ReconfigureQuorum("az-c")).message())
                .isEqualTo("AZ az-c is not out: the quorum changes only to leave out an AZ that is lost");
        assertThat(e.apply(new Command.ReconfigureQuorum("az-z")).message()).startsWith("no AZ az-z");
        e.apply(new Command.FailAvailabilityZone("az-c"));
        assertThat(e.apply(new Command.ReconfigureQuorum("az-c")).accepted()).isTrue();
        assertThat(e.apply(new Command.ReconfigureQuorum("az-c")).message())
                .isEqualTo("every protection group already leaves AZ az-c out");
    }

    @Test
    void withTwoAzsOutTheQuorumCannotBeReconfiguredAndWritesStayStopped() {
        AuroraEngine e = withAzsOutAt5s(4, "az-b", "az-c");
        runChecked(e, seconds(10));
        var r = e.apply(new Command.ReconfigureQuorum("az-c"));
        assertThat(r.accepted()).isFalse();
        assertThat(r.message()).isEqualTo("AZ az-b is out too: with two AZs out no quorum is left to change the"
                + " membership with (decision 0002)");

        runChecked(e, LONG_AFTER);
        EngineSnapshot s = e.snapshot();
        assertThat(excludedAzs(s)).containsOnlyNulls();
        assertThat(s.pg("pg-0").writeQuorumNeeded()).isEqualTo(4);
        assertThat(s.pg("pg-0").writeQuorum()).isFalse();
        assertThat(s.pg("pg-0").readQuorum()).isFalse();
        // reads are not quorum reads (docs/model.md): the writer in az-a still reads from a copy there that holds VDL
        assertThat(s.volume().status()).isEqualTo(VolumeStatus.READ_ONLY);
        // and the banner says so, since the FAQ promises reads only with 3 of 6
        assertThat(s.volume().reason()).endsWith("; reads go on from one complete copy of pg-0 (single-segment read,"
                + " P17), though a read quorum needs 3 of 6");
        assertThat(eventTypes(e)).doesNotContain("DegradedQuorumEntered");
    }

    @Test
    void onceTheOtherAzReturnsTheQuorumCanBeReconfiguredForTheOneStillOut() {
        AuroraEngine e = withAzsOutAt5s(4, "az-b", "az-c");
        runChecked(e, seconds(20));
        e.apply(new Command.RestoreAvailabilityZone("az-b"));
        runChecked(e, seconds(22));
        assertThat(e.apply(new Command.ReconfigureQuorum("az-c")).accepted()).isTrue();
        runChecked(e, seconds(23));

        EngineSnapshot s = e.snapshot();
        assertThat(excludedAzs(s)).containsOnly("az-c");
        assertThat(s.volume().writable()).isTrue();
    }

    @Test
    void aSecondAzLostAfterTheReconfigurationKeepsItBecauseNoQuorumIsLeftToChangeTheMembershipWith() {
        AuroraEngine e = withAzsOutAt5s(4, "az-c");
        runChecked(e, seconds(10));
        e.apply(new Command.ReconfigureQuorum("az-c"));
        runChecked(e, seconds(11));
        assertThat(excludedAzs(e.snapshot())).containsOnly("az-c");

        e.apply(new Command.FailAvailabilityZone("az-b"));
        runChecked(e, LONG_AFTER);

        EngineSnapshot s = e.snapshot();
        assertThat(excludedAzs(s)).as("the 3/4 model over A and B stays; leaving it would readmit C's stale copies")
                .containsOnly("az-c");
        assertThat(s.pg("pg-0").writableCopies()).isEqualTo(2);
        assertThat(s.volume().writable()).isFalse();
        assertThat(eventTypes(e)).containsOnlyOnce("DegradedQuorumEntered").doesNotContain("DegradedQuorumLeft");
    }

    @Test
    void aGroupWithTooFewCopiesLeftOutsideTheLostAzWaitsUntilRepairGivesItThreeAgain() {
        AuroraEngine e = withAzsOutAt5s(4, "az-c");
        runChecked(e, seconds(10));
        // two more copies of pg-0 gone: 2 of its 4 copies outside az-c are left
        e.apply(new Command.FailSegment("pg-0/az-a/1"));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));
        var r = e.apply(new Command.ReconfigureQuorum("az-c"));
        assertThat(r.message()).isEqualTo("2 of 3 protection group(s) now use 3 of the 4 copies outside AZ az-c;"
                + " the others follow once they can");

        runChecked(e, seconds(12));
        assertThat(e.snapshot().pg("pg-0").degradedExcludedAz()).as("2 copies cannot carry a 3-of-4 quorum").isNull();
        assertThat(e.snapshot().pg("pg-1").degradedExcludedAz()).isEqualTo("az-c");

        // repair replaces both copies in their own AZs (detection, then filling), then pg-0 follows, looked at again
        // every second while az-c stays out
        runChecked(e, seconds(10) + ModelValues.SEGMENT_FAILURE_DETECTION_MICROS + seconds(15));
        assertThat(e.snapshot().pg("pg-0").degradedExcludedAz()).isEqualTo("az-c");
        assertThat(e.snapshot().volume().writable()).isTrue();
    }
}
