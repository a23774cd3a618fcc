package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import org.junit.jupiter.api.Test;

/**
 * An AZ lost and given back (cluster/AzOutage): what returns with it, what it leaves for repair, and the moment the
 * 3-of-4 quorum model (P18 §4.1, the reconfigure-quorum action) lets stalled commits through. A 10 GiB volume is one
 * protection group, pg-0, with copies on nodes 1 and 2 of each AZ.
 */
class AzOutageStepsTest {

    private static AuroraEngine oneGroup() {
        return new AuroraEngine(spec(10, 200, 1000, 4, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
    }

    @Test
    void aRestoredAzIsAnnounced() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.advanceTo(seconds(5));
        e.apply(new Command.RestoreAvailabilityZone("az-c"));
        assertThat(events(e, AuroraEvent.AvailabilityZoneRestored.class)).singleElement().satisfies(r -> {
            assertThat(r.atMicros()).isEqualTo(seconds(5));
            assertThat(r.az()).isEqualTo("az-c");
        });
    }

    @Test
    void aCopyStillDownWhenItsAzReturnsIsReplacedAfterTheDetectionTime() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-c/1"));
        e.advanceTo(seconds(2));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        // no copy in an AZ that is out is replaced: the check at 11 s does nothing
        e.advanceTo(seconds(20));
        assertThat(events(e, AuroraEvent.MembershipChangeStarted.class)).isEmpty();
        e.apply(new Command.RestoreAvailabilityZone("az-c"));
        // pg-0/az-c/1 stays down (the user failed it): storage looks at it again 10 s after the AZ is back
        AuroraEvent.MembershipChangeStarted m = stepUntil(e, AuroraEvent.MembershipChangeStarted.class, seconds(40));
        assertThat(m.atMicros()).isEqualTo(seconds(30));
        assertThat(m.suspect()).isEqualTo("pg-0/az-c/1");
    }

    @Test
    void reconfiguringTheQuorumLetsStalledCommitsThroughAtOnce() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(1));
        // az-c out, and pg-0/az-b/1 down with its node; nodes 3 and 4 of az-b down too, so it cannot be replaced:
        // three of six copies are left (az-a's two and pg-0/az-b/2), under the write quorum of four (AZ+1)
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.apply(new Command.FailStorageNode("sn-az-b-1"));
        e.apply(new Command.FailStorageNode("sn-az-b-3"));
        e.apply(new Command.FailStorageNode("sn-az-b-4"));
        e.advanceTo(seconds(30));
        EngineSnapshot stalled = e.snapshot();
        assertThat(stalled.volume().writable()).isFalse();
        assertThat(stalled.counters().writesPending()).isPositive();

        // the group now counts 3 of the 4 copies outside az-c: the three it has
        e.apply(new Command.ReconfigureQuorum("az-c"));
        assertThat(events(e, AuroraEvent.DegradedQuorumEntered.class)).singleElement().satisfies(d -> {
            assertThat(d.atMicros()).isEqualTo(seconds(30));
            assertThat(d.protectionGroups()).isEqualTo(1);
        });
        EngineSnapshot now = e.snapshot();
        // their acknowledgements arrived long ago: PGCL, VDL and the waiting commits move with the command
        assertThat(now.volume().vdl()).isGreaterThan(stalled.volume().vdl());
        assertThat(now.counters().writesAcknowledged()).isGreaterThan(stalled.counters().writesAcknowledged());
        assertThat(now.volume().writable()).isTrue();
    }
}
