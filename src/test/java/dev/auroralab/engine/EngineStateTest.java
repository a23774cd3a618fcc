package dev.auroralab.engine;

import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The deep copy of the engine's state (EngineState's copy constructor), taken while nearly every part of it is away
 * from its starting value: a Global Database with forwarding and a managed RPO, a failover under way, an AZ out (its
 * quorum reconfigured to 3 of 4 in both afterwards), a membership change in flight. CopyTest plays the built-in scenarios (a minute each); this one
 * is a few seconds.
 */
class EngineStateTest {

    /** Applies {@code c} at {@code atMicros} to both engines and runs both there. */
    private static void both(AuroraEngine a, AuroraEngine b, long atMicros, Consumer<AuroraEngine> c) {
        a.advanceTo(atMicros);
        b.advanceTo(atMicros);
        c.accept(a);
        c.accept(b);
    }

    @Test
    void aCopyTakenInTheMiddleOfEverythingCarriesOnExactlyAsTheOriginal() {
        AuroraEngine original = new AuroraEngine(global(50, 11, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")));
        original.advanceTo(seconds(1));
        original.apply(new Command.FailSegment("pg-0/us-east-1a/1"));
        original.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        original.apply(new Command.SetManagedRpo(20L));
        original.apply(new Command.FailAvailabilityZone("us-east-1c"));
        original.advanceTo(seconds(12));
        original.apply(new Command.FailInstance("writer-1"));
        original.advanceTo(seconds(14.5) + 7);

        AuroraEngine copy = original.copy();
        assertThat(copy.snapshot()).isEqualTo(original.snapshot());
        assertThat(copy.events()).isEqualTo(original.events());
        assertThat(copy.nowMicros()).isEqualTo(original.nowMicros());

        // the quorum reconfigured in both, the retries finding the outage generation they were queued with
        both(original, copy, seconds(61), e -> e.apply(new Command.ReconfigureQuorum("us-east-1c")));
        both(original, copy, seconds(65), e -> e.apply(new Command.RestoreAvailabilityZone("us-east-1c")));
        both(original, copy, seconds(66), e -> e.apply(new Command.FailRegion("eu-west-1")));
        both(original, copy, seconds(70), e -> e.apply(new Command.Switchover("us-west-2")));
        both(original, copy, seconds(92), e -> e.apply(new Command.RestoreRegion("eu-west-1")));
        both(original, copy, seconds(93), e -> e.apply(new Command.FailSegment("us-west-2/pg-1/us-west-2a/2")));
        both(original, copy, seconds(95), e -> { });
        assertThat(copy.events()).isEqualTo(original.events());
        assertThat(copy.snapshot()).isEqualTo(original.snapshot());
        assertThat(copy.causedEvents()).isEqualTo(original.causedEvents());
        assertThat(copy.firedEventCount()).isEqualTo(original.firedEventCount());
        assertThat(eventTypes(original)).contains("DegradedQuorumEntered", "GlobalPromotionCompleted",
                "MembershipChangeCommitted", "FailoverCompleted");
        assertNoInvariantBroken(copy);
    }

    @Test
    void aCopyKeepsTheWritersReadRoutesOnItsOwnCopies() {
        AuroraEngine original = new AuroraEngine(spec(30, 200, 1000, 2, writer("writer-1", "az-b")));
        original.advanceTo(seconds(1));
        AuroraEngine copy = original.copy();
        List<String> routes = original.lastWriterReadRoutes().stream()
                .map(r -> r.segment().id() + "@" + r.readPoint() + "/" + r.neededBoxcar() + "/" + r.atMicros()).toList();
        assertThat(routes).hasSize(3);
        assertThat(copy.lastWriterReadRoutes().stream()
                .map(r -> r.segment().id() + "@" + r.readPoint() + "/" + r.neededBoxcar() + "/" + r.atMicros()).toList())
                .isEqualTo(routes);
        // the copy's routes point at the copy's segments, not at the original's
        assertThat(copy.lastWriterReadRoutes().get(0).segment())
                .isSameAs(copy.protectionGroups().get(0).slot(2).current())
                .isNotSameAs(original.lastWriterReadRoutes().get(0).segment());
        assertNoInvariantBroken(copy);
    }
}
