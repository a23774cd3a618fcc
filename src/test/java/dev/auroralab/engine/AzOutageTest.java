package dev.auroralab.engine;

import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AZ outages (cluster/AzOutage): what goes down with an AZ, what comes back, and the 3-of-4 model's way out. */
class AzOutageTest {

    private static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void anAzTakesItsInstancesAndItsTwoCopiesOfEveryGroupDown() {
        AuroraEngine e = new AuroraEngine(spec(30, 200, 1000, 1, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.large"), reader("reader-2", "az-b", 1, "db.r6g.large")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("reader-2"));
        assertThat(e.apply(new Command.FailAvailabilityZone("az-b")).message()).isEqualTo("AZ az-b is out");
        // reader-2 was down already: only reader-1 goes down with the AZ; 3 groups x 2 copies
        assertThat(events(e, AuroraEvent.AvailabilityZoneFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.instancesDown()).isEqualTo(1);
            assertThat(f.segmentsDown()).isEqualTo(6);
        });
        // an instance going down with its AZ is not logged one by one (only a writer is)
        assertThat(events(e, AuroraEvent.InstanceFailed.class)).extracting(AuroraEvent.InstanceFailed::instanceId)
                .containsExactly("reader-2");
        assertThat(e.snapshot().downAzs()).containsExactly("az-b");
        assertThat(e.snapshot().volume().writable()).isTrue();

        assertThat(e.apply(new Command.RestoreAvailabilityZone("az-b")).message()).isEqualTo("AZ az-b is back");
        // reader-1 restarts; reader-2 was failed by the user and stays down
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.STARTING);
        assertThat(e.snapshot().instance("reader-2").status()).isEqualTo(InstanceStatus.DOWN);
        assertThat(e.snapshot().downAzs()).isEmpty();
        e.advanceTo(seconds(12));
        assertThat(e.snapshot().pg("pg-0").segmentsUp()).isEqualTo(6);
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.UP);
    }

    @Test
    void azCommandsSayWhyTheyAreRefused() {
        AuroraEngine e = light(1);
        assertThat(e.apply(new Command.FailAvailabilityZone("az-z")).message()).isEqualTo("no AZ az-z in this region");
        assertThat(e.apply(new Command.RestoreAvailabilityZone("az-z")).message())
                .isEqualTo("no AZ az-z in this region");
        assertThat(e.apply(new Command.RestoreAvailabilityZone("az-c")).message()).isEqualTo("AZ az-c is not out");
        e.apply(new Command.FailAvailabilityZone("az-c"));
        assertThat(e.apply(new Command.FailAvailabilityZone("az-c")).message()).isEqualTo("AZ az-c is already out");

        AuroraEngine g = new AuroraEngine(global(100, 1, secondary("eu-west-1", 75, "eu-1")));
        g.apply(new Command.FailRegion("eu-west-1"));
        assertThat(g.apply(new Command.RestoreAvailabilityZone("eu-west-1a")).message())
                .isEqualTo("region eu-west-1 is out: restore the region");
    }

    @Test
    void theWritersAzTakesTheWriterDownAndTheReplicaTakesOver() {
        AuroraEngine e = light(1);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-a"));
        assertThat(events(e, AuroraEvent.InstanceFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.instanceId()).isEqualTo("writer-1");
            assertThat(f.role()).isEqualTo("writer");
        });
        e.advanceTo(seconds(40));
        assertThat(e.snapshot().endpoints().clusterEndpoint()).isEqualTo("reader-1");
        // the old writer comes back as a reader when its AZ returns
        e.apply(new Command.RestoreAvailabilityZone("az-a"));
        e.advanceTo(seconds(51));
        assertThat(e.snapshot().instance("writer-1").status()).isEqualTo(InstanceStatus.UP);
        assertThat(e.snapshot().instance("writer-1").role().name()).isEqualTo("READER");
    }

    @Test
    void theDegradedModelIsLeftOnceTheAzIsBackAndEveryCopyThereHasCaughtUp() {
        AuroraEngine e = light(1);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.advanceTo(seconds(61));
        e.apply(new Command.ReconfigureQuorum("az-c"));
        e.advanceTo(seconds(62));
        assertThat(events(e, AuroraEvent.DegradedQuorumEntered.class)).singleElement().satisfies(d -> {
            assertThat(d.atMicros()).isEqualTo(seconds(61));
            assertThat(d.protectionGroups()).isEqualTo(3);
        });
        e.apply(new Command.RestoreAvailabilityZone("az-c"));
        // still degraded until its copies have caught up by gossip (a few rounds of 50 ms)
        assertThat(e.snapshot().pg("pg-0").degradedExcludedAz()).isEqualTo("az-c");
        e.advanceTo(seconds(64));
        assertThat(e.snapshot().pg("pg-0").degradedExcludedAz()).isNull();
        assertThat(e.snapshot().pg("pg-0").writeQuorumNeeded()).isEqualTo(4);
        // one event for the AZ, once the last group has left the model
        assertThat(events(e, AuroraEvent.DegradedQuorumLeft.class)).singleElement()
                .satisfies(l -> assertThat(l.az()).isEqualTo("az-c"));
        assertNoInvariantBroken(e);
    }

    @Test
    void aGroupWaitingToFollowAReconfigurationIsForgottenWhenTheAzReturnsAndNeverDegradesOnItsOwnLater() {
        AuroraEngine e = light(1);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        // pg-0 keeps only two copies outside az-c: it cannot follow the reconfiguration and is looked at each second
        e.apply(new Command.FailSegment("pg-0/az-a/1"));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));
        e.apply(new Command.ReconfigureQuorum("az-c"));
        e.advanceTo(seconds(3));
        assertThat(e.snapshot().pg("pg-0").degradedExcludedAz()).isNull();
        e.apply(new Command.RestoreAvailabilityZone("az-c"));
        e.advanceTo(seconds(5));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        // a new outage: the old outage's retries are stale, and nothing degrades without a new action, ever
        e.advanceTo(seconds(200));
        assertThat(e.snapshot().volume().protectionGroups())
                .allSatisfy(pg -> assertThat(pg.degradedExcludedAz()).isNull());
        assertThat(events(e, AuroraEvent.DegradedQuorumEntered.class)).hasSize(1);
    }
}
