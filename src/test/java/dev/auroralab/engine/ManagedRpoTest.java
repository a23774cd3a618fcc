package dev.auroralab.engine;

import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The managed RPO (global/ManagedRpo, rds.global_db_rpo): commits on the primary wait while every secondary's RPO lag
 * is over it, and go on as soon as one secondary is within it or the setting is turned off.
 */
class ManagedRpoTest {

    private static AuroraEngine twoSecondaries(long seed) {
        return new AuroraEngine(global(500, seed, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")));
    }

    private static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void theSettingNeedsSecondariesAndAtLeastTwentySeconds() {
        AuroraEngine single = light(1);
        assertThat(single.apply(new Command.SetManagedRpo(60L)).message())
                .isEqualTo("the managed RPO needs secondary regions; this cluster has none");
        AuroraEngine e = twoSecondaries(8);
        assertThat(e.apply(new Command.SetManagedRpo(19L)).message())
                .isEqualTo("the managed RPO is at least 20 s (rds.global_db_rpo), got 19");
        assertThat(e.apply(new Command.SetManagedRpo(20L)).message()).isEqualTo("managed RPO 20 s");
        assertThat(e.snapshot().global().managedRpoSeconds()).isEqualTo(20);
        assertThat(e.apply(new Command.SetManagedRpo(null)).message()).isEqualTo("managed RPO off");
        assertThat(e.snapshot().global().managedRpoSeconds()).isZero();
        assertThat(events(e, AuroraEvent.ManagedRpoChanged.class)).extracting(AuroraEvent.ManagedRpoChanged::seconds)
                .containsExactly(20L, 0L);
        // nothing lagged: nothing was ever blocked
        assertThat(eventTypes(e)).doesNotContain("CommitsBlocked", "CommitsUnblocked");
    }

    @Test
    void oneSecondaryWithinTheRpoIsEnoughForCommitsToGoOn() {
        AuroraEngine e = twoSecondaries(8);
        e.apply(new Command.SetManagedRpo(20L));
        e.advanceTo(seconds(5));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.advanceTo(seconds(40));
        assertThat(e.snapshot().global().commitsBlocked()).isFalse();
        assertThat(eventTypes(e)).doesNotContain("CommitsBlocked");
        assertThat(e.snapshot().volume().writable()).isTrue();
    }

    @Test
    void commitsWaitOnceEverySecondaryLagsPastTheRpoAndGoOnWhenOneReturns() {
        AuroraEngine e = twoSecondaries(8);
        e.apply(new Command.SetManagedRpo(20L));
        e.advanceTo(seconds(5));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.apply(new Command.FailRegion("us-west-2"));
        // the first write they miss was made durable just before 5 s: its age passes 20 s just before 25 s
        e.advanceTo(seconds(24.9));
        assertThat(e.snapshot().global().commitsBlocked()).isFalse();
        e.advanceTo(seconds(25.1));
        assertThat(events(e, AuroraEvent.CommitsBlocked.class)).singleElement().satisfies(b -> {
            assertThat(b.managedRpoSeconds()).isEqualTo(20);
            assertThat(b.smallestLagMicros()).isGreaterThan(seconds(20)).isLessThan(seconds(20.1));
        });
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        e.advanceTo(seconds(30));
        assertThat(e.snapshot().counters().writesAcknowledged()).isEqualTo(acknowledged);
        e.apply(new Command.RestoreRegion("us-west-2"));
        e.advanceTo(seconds(33));
        assertThat(events(e, AuroraEvent.CommitsUnblocked.class)).singleElement()
                .satisfies(u -> assertThat(u.region()).isEqualTo("us-west-2"));
        assertThat(e.snapshot().counters().writesAcknowledged()).isGreaterThan(acknowledged + 500 * 5);
        assertThat(e.snapshot().counters().writesFailed()).isZero();
    }

    @Test
    void turningTheRpoOffReleasesTheCommitsThatWait() {
        AuroraEngine e = twoSecondaries(8);
        e.apply(new Command.SetManagedRpo(20L));
        e.advanceTo(seconds(5));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.apply(new Command.FailRegion("us-west-2"));
        e.advanceTo(seconds(28));
        assertThat(e.snapshot().global().commitsBlocked()).isTrue();
        long pending = e.snapshot().counters().writesPending();
        assertThat(pending).isGreaterThan(500);
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        e.apply(new Command.SetManagedRpo(null));
        // released at once: every commit VDL has reached is acknowledged in the same instant
        assertThat(e.snapshot().global().commitsBlocked()).isFalse();
        assertThat(e.snapshot().counters().writesAcknowledged()).isGreaterThan(acknowledged + pending / 2);
        assertThat(events(e, AuroraEvent.CommitsUnblocked.class)).singleElement()
                .satisfies(u -> assertThat(u.region()).isNull());
        assertThat(e.snapshot().volume().writable()).isTrue();
    }
}
