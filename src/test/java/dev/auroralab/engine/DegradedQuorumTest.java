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
 * When the 3-of-4 quorum of a long AZ outage (P18 §4.1, decision 0002) is applied: only with exactly one AZ of the
 * region out and enough of the protection group's other copies reachable to write with it.
 */
class DegradedQuorumTest {

    /** Well past the degrade delay after an outage at 5 s. */
    private static final long LONG_AFTER = seconds(5) + ModelValues.AZ_OUTAGE_DEGRADE_AFTER_MICROS + seconds(30);

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
    void oneAzOutForLongerThanTheDelayMovesEveryGroupToThreeOfFour() {
        AuroraEngine e = withAzsOutAt5s(4, "az-c");

        runChecked(e, seconds(5) + ModelValues.AZ_OUTAGE_DEGRADE_AFTER_MICROS - seconds(1));
        assertThat(excludedAzs(e.snapshot())).containsOnlyNulls();

        runChecked(e, LONG_AFTER);
        EngineSnapshot s = e.snapshot();
        assertThat(excludedAzs(s)).hasSize(3).containsOnly("az-c");
        assertThat(s.pg("pg-0").writeQuorumNeeded()).isEqualTo(3);
        assertThat(s.pg("pg-0").copiesInModel()).isEqualTo(4);
        assertThat(s.volume().writable()).isTrue();
        assertThat(eventTypes(e)).containsOnlyOnce("DegradedQuorumEntered");
    }

    @Test
    void withEveryAzOutNoGroupDegradesAndTheVolumeStaysUnavailable() {
        AuroraEngine e = withAzsOutAt5s(4, "az-a", "az-b", "az-c");

        runChecked(e, LONG_AFTER);

        EngineSnapshot s = e.snapshot();
        assertThat(excludedAzs(s)).containsOnlyNulls();
        assertThat(s.volume().status()).isEqualTo(VolumeStatus.UNAVAILABLE);
        assertThat(eventTypes(e)).doesNotContain("DegradedQuorumEntered");
    }

    @Test
    void withTwoAzsOutNoGroupDegradesAndWritesStayStopped() {
        AuroraEngine e = withAzsOutAt5s(4, "az-b", "az-c");

        runChecked(e, LONG_AFTER);

        EngineSnapshot s = e.snapshot();
        assertThat(excludedAzs(s)).containsOnlyNulls();
        assertThat(s.pg("pg-0").writeQuorumNeeded()).isEqualTo(4);
        assertThat(s.pg("pg-0").writeQuorum()).isFalse();
        assertThat(s.pg("pg-0").readQuorum()).isFalse();
        // reads are not quorum reads (docs/model.md): the writer in az-a still reads from a copy there that holds VDL
        assertThat(s.volume().status()).isEqualTo(VolumeStatus.READ_ONLY);
        assertThat(eventTypes(e)).doesNotContain("DegradedQuorumEntered");
    }

    @Test
    void anAzLongOutDegradesOnceTheOtherAzThatWasOutWithItReturns() {
        AuroraEngine e = withAzsOutAt5s(4, "az-b", "az-c");
        runChecked(e, LONG_AFTER);
        assertThat(excludedAzs(e.snapshot())).containsOnlyNulls();

        e.apply(new Command.RestoreAvailabilityZone("az-b"));
        runChecked(e, LONG_AFTER + seconds(2));

        EngineSnapshot s = e.snapshot();
        assertThat(excludedAzs(s)).containsOnly("az-c");
        assertThat(s.volume().writable()).isTrue();
    }

    @Test
    void aSecondAzLostAfterTheDegradeKeepsItBecauseNoQuorumIsLeftToChangeTheMembershipWith() {
        AuroraEngine e = withAzsOutAt5s(4, "az-c");
        runChecked(e, LONG_AFTER);
        assertThat(excludedAzs(e.snapshot())).containsOnly("az-c");

        e.apply(new Command.FailAvailabilityZone("az-b"));
        runChecked(e, LONG_AFTER + ModelValues.AZ_OUTAGE_DEGRADE_AFTER_MICROS + seconds(10));

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
        long degradeAt = seconds(5) + ModelValues.AZ_OUTAGE_DEGRADE_AFTER_MICROS;
        runChecked(e, degradeAt - seconds(1));
        // two more copies of pg-0 gone just before the delay ends: 2 of its 4 copies outside az-c are left
        e.apply(new Command.FailSegment("pg-0/az-a/1"));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));

        runChecked(e, degradeAt + seconds(2));
        assertThat(e.snapshot().pg("pg-0").degradedExcludedAz()).as("2 copies cannot carry a 3-of-4 quorum").isNull();
        assertThat(e.snapshot().pg("pg-1").degradedExcludedAz()).isEqualTo("az-c");

        // repair replaces both copies in their own AZs (detection, then filling), then pg-0 degrades too
        runChecked(e, degradeAt + ModelValues.SEGMENT_FAILURE_DETECTION_MICROS + seconds(15));
        assertThat(e.snapshot().pg("pg-0").degradedExcludedAz()).isEqualTo("az-c");
        assertThat(e.snapshot().volume().writable()).isTrue();
    }
}
