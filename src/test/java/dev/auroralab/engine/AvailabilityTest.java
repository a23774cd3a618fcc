package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.Cause;
import dev.auroralab.engine.event.CausedEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The volume's availability (Availability): quorum events with their counts, the status and its reason, and the cause
 * each of those events names (a routine message passes its sender's cause on; a timer is a cause of its own).
 */
class AvailabilityTest {

    private static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void quorumEventsSayHowManyCopiesAreLeftAndHowManyAreNeeded() {
        AuroraEngine e = light(2);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-2/az-a/1"));
        e.apply(new Command.FailSegment("pg-2/az-a/2"));
        assertThat(eventTypes(e)).doesNotContain("WriteQuorumLost");
        e.apply(new Command.FailSegment("pg-2/az-b/1"));
        assertThat(events(e, AuroraEvent.WriteQuorumLost.class)).singleElement().satisfies(l -> {
            assertThat(l.pg()).isEqualTo("pg-2");
            assertThat(l.reachable()).isEqualTo(3);
            assertThat(l.needed()).isEqualTo(4);
        });
        assertThat(e.snapshot().volume().status()).isEqualTo(VolumeStatus.READ_ONLY);
        assertThat(e.snapshot().volume().reason()).isEqualTo("pg-2 reaches 3 of 6 copies; writes need 4");
        // a lower group losing its quorum too: the reason names the first
        e.apply(new Command.FailSegment("pg-0/az-c/1"));
        e.apply(new Command.FailSegment("pg-0/az-c/2"));
        e.apply(new Command.FailSegment("pg-0/az-b/2"));
        assertThat(e.snapshot().volume().reason()).isEqualTo("pg-0 reaches 3 of 6 copies; writes need 4");
        e.apply(new Command.FailSegment("pg-2/az-b/2"));
        assertThat(events(e, AuroraEvent.ReadQuorumLost.class)).singleElement().satisfies(l -> {
            assertThat(l.pg()).isEqualTo("pg-2");
            assertThat(l.reachable()).isEqualTo(2);
            assertThat(l.needed()).isEqualTo(3);
        });
        e.apply(new Command.RestoreSegment("pg-2/az-b/2"));
        assertThat(events(e, AuroraEvent.ReadQuorumRegained.class)).singleElement()
                .satisfies(r -> assertThat(r.pg()).isEqualTo("pg-2"));
        e.apply(new Command.RestoreSegment("pg-2/az-b/1"));
        assertThat(events(e, AuroraEvent.WriteQuorumRegained.class)).singleElement()
                .satisfies(r -> assertThat(r.pg()).isEqualTo("pg-2"));
        e.apply(new Command.RestoreSegment("pg-0/az-b/2"));
        assertThat(e.snapshot().volume().status()).isEqualTo(VolumeStatus.WRITABLE);
        assertThat(e.snapshot().volume().reason())
                .isEqualTo("every protection group has its write quorum; writer-1 is writing");
        assertThat(events(e, AuroraEvent.VolumeStatusChanged.class)).extracting(c -> c.from() + ">" + c.to())
                .containsExactly("Writable>Read-only", "Read-only>Writable");
    }

    @Test
    void inTheDegradedModelTheReasonCountsTheFourCopiesLeft() {
        AuroraEngine e = light(2);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.advanceTo(seconds(2));
        e.apply(new Command.ReconfigureQuorum("az-c"));
        e.advanceTo(seconds(3));
        e.apply(new Command.FailSegment("pg-1/az-a/1"));
        assertThat(e.snapshot().volume().writable()).isTrue();
        e.apply(new Command.FailSegment("pg-1/az-b/2"));
        assertThat(e.snapshot().volume().reason()).isEqualTo("pg-1 reaches 2 of 4 copies; writes need 3");
        assertThat(events(e, AuroraEvent.WriteQuorumLost.class)).last()
                .satisfies(l -> assertThat(l.needed()).isEqualTo(3));
    }

    @Test
    void aVolumeWithNoWriterAndNoReaderIsUnavailableAndSaysBoth() {
        AuroraEngine e = new AuroraEngine(spec(10, 200, 1000, 2, writer("writer-1", "az-a")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        assertThat(e.snapshot().volume().status()).isEqualTo(VolumeStatus.UNAVAILABLE);
        assertThat(e.snapshot().volume().reason()).isEqualTo("writer writer-1 is down; failover starts once it is"
                + " detected; reads fail: no instance is up behind the reader endpoint");
        assertThat(events(e, AuroraEvent.VolumeStatusChanged.class)).singleElement()
                .satisfies(c -> assertThat(c.to()).isEqualTo("Unavailable"));
    }

    @Test
    void aCopyCaughtUpByGossipNamesTheCommandThatBroughtItBackAndATimerNamesItself() {
        AuroraEngine e = light(2);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-c/2"));
        e.advanceTo(seconds(3));
        e.apply(new Command.RestoreSegment("pg-0/az-c/2"));
        e.advanceTo(seconds(4));
        CausedEvent caught = e.causedEvents().stream()
                .filter(c -> c.event() instanceof AuroraEvent.SegmentCaughtUp).findFirst().orElseThrow();
        // gossip is routine traffic: it passes the restore command on as the cause
        Cause why = e.cause(caught.causeId());
        assertThat(why.what()).isEqualTo("command: " + new Command.RestoreSegment("pg-0/az-c/2").describe());
        assertThat(why.parentId()).isEqualTo(-1);

        // a timer is a cause of its own: a membership change names its repair check, which names the failure
        AuroraEngine r = light(2);
        r.advanceTo(seconds(1));
        r.apply(new Command.FailSegment("pg-0/az-c/2"));
        r.advanceTo(seconds(12));
        CausedEvent started = r.causedEvents().stream()
                .filter(c -> c.event() instanceof AuroraEvent.MembershipChangeStarted).findFirst().orElseThrow();
        Cause check = r.cause(started.causeId());
        assertThat(check.what()).isEqualTo("RepairCheck");
        assertThat(r.cause(check.parentId()).what())
                .isEqualTo("command: " + new Command.FailSegment("pg-0/az-c/2").describe());
    }
}
