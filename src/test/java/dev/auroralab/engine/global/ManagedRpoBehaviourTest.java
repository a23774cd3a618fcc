package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The managed RPO (global/ManagedRpo): commits on the primary wait while every secondary's RPO lag is over the limit,
 * checked once per 2 ms boxcar window; the first secondary back within the limit releases them.
 */
class ManagedRpoBehaviourTest {

    /** Steps until commits are blocked (within a simulated second); returns the snapshot of that instant. */
    private static EngineSnapshot stepUntilBlocked(AuroraEngine e) {
        long deadline = e.nowMicros() + 1_000_000;
        while (e.nowMicros() <= deadline) {
            if (e.snapshot().global().commitsBlocked()) {
                return e.snapshot();
            }
            e.step();
        }
        throw new AssertionError("never blocked");
    }

    @Test
    void commitsBlockTheMomentTheLeastLaggingSecondaryPassesTheLimitAndTheEventNamesThatLag() {
        AuroraEngine e = twoSecondaries(500, 1);
        e.apply(new Command.SetManagedRpo(20L));
        e.advanceTo(seconds(5));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.apply(new Command.FailRegion("us-west-2"));
        e.advanceTo(seconds(24.9));
        EngineSnapshot blocked = stepUntilBlocked(e);
        // us-west-2 is 35 ms away, eu-west-1 75 ms: us-west-2 held more when both went out, so it lags less
        long usw = blocked.regionSnapshot("us-west-2").rpoLagMicros();
        long eu = blocked.regionSnapshot("eu-west-1").rpoLagMicros();
        assertThat(usw).isLessThan(eu).isGreaterThan(seconds(20));
        assertThat(events(e, AuroraEvent.CommitsBlocked.class)).singleElement().satisfies(b -> {
            assertThat(b.atMicros()).isEqualTo(blocked.nowMicros());
            assertThat(b.managedRpoSeconds()).isEqualTo(20);
            assertThat(b.smallestLagMicros()).isEqualTo(usw);
        });
        // checked every 2 ms window: it blocks within a window of the lag passing 20 s
        assertThat(usw).isLessThanOrEqualTo(seconds(20) + 2_000);
        // the volume says so at once
        assertThat(blocked.volume().writable()).isFalse();
        assertThat(blocked.volume().reason()).contains("managed RPO");
        assertThat(blocked.global().commitsBlocked()).isTrue();
    }

    @Test
    void whenTwoSecondariesComeBackWithinTheLimitAtOnceTheFirstOneListedIsNamed() {
        // two secondaries at the same distance: restored together, they catch up in the same instant
        AuroraEngine e = new AuroraEngine(global(500, 2, secondary("eu-west-1", 75, "eu-1"),
                secondary("ap-south-1", 75, "ap-1")));
        e.apply(new Command.SetManagedRpo(20L));
        e.advanceTo(seconds(2));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.apply(new Command.FailRegion("ap-south-1"));
        e.advanceTo(seconds(25));
        assertThat(e.snapshot().global().commitsBlocked()).isTrue();
        e.apply(new Command.RestoreRegion("ap-south-1"));
        e.apply(new Command.RestoreRegion("eu-west-1"));
        e.advanceTo(seconds(26));
        assertThat(events(e, AuroraEvent.CommitsUnblocked.class)).singleElement()
                .satisfies(u -> assertThat(u.region()).isEqualTo("eu-west-1"));
        assertThat(e.snapshot().global().commitsBlocked()).isFalse();
        assertThat(e.snapshot().volume().writable()).isTrue();
    }

    @Test
    void aRaisedLimitReleasesTheCommitsThatWaitAndALowerOneBlocksThemAgain() {
        AuroraEngine e = oneSecondary(500, 3);
        e.apply(new Command.SetManagedRpo(20L));
        e.advanceTo(seconds(2));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.advanceTo(seconds(23));
        assertThat(e.snapshot().global().commitsBlocked()).isTrue();
        long pending = e.snapshot().counters().writesPending();
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        // eu-west-1 lags about 21 s: 30 s is enough, and the commits VDL reached are acknowledged in the same instant
        assertThat(e.apply(new Command.SetManagedRpo(30L)).message()).isEqualTo("managed RPO 30 s");
        assertThat(e.snapshot().global().commitsBlocked()).isFalse();
        assertThat(e.snapshot().counters().writesAcknowledged()).isGreaterThan(acknowledged + pending / 2);
        assertThat(events(e, AuroraEvent.CommitsUnblocked.class)).singleElement().satisfies(u -> {
            assertThat(u.region()).isEqualTo("eu-west-1");
            assertThat(u.atMicros()).isEqualTo(seconds(23));
        });
        assertThat(events(e, AuroraEvent.ManagedRpoChanged.class)).extracting(AuroraEvent.ManagedRpoChanged::seconds)
                .containsExactly(20L, 30L);
        // and 30 s after the outage began, it blocks again
        e.advanceTo(seconds(31.9));
        assertThat(e.snapshot().global().commitsBlocked()).isFalse();
        e.advanceTo(seconds(32.1));
        assertThat(e.snapshot().global().commitsBlocked()).isTrue();
        assertThat(events(e, AuroraEvent.CommitsBlocked.class)).hasSize(2).last()
                .satisfies(b -> assertThat(b.managedRpoSeconds()).isEqualTo(30));
    }

    @Test
    void aManagedRpoSetWhileNothingLagsNeverBlocks() {
        AuroraEngine e = twoSecondaries(500, 4);
        e.advanceTo(seconds(1));
        assertThat(e.apply(new Command.SetManagedRpo(20L)).accepted()).isTrue();
        e.advanceTo(seconds(30));
        assertThat(events(e, AuroraEvent.CommitsBlocked.class)).isEmpty();
        assertThat(e.snapshot().counters().writesPending()).isLessThan(50);
        assertThat(e.snapshot().global().managedRpoSeconds()).isEqualTo(20);
    }
}
