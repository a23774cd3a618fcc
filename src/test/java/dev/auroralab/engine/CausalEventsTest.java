package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.Cause;
import dev.auroralab.engine.event.CausedEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event names its cause, and the chain of causes walks back to a user's command or a periodic clock. */
class CausalEventsTest {

    private static List<String> chain(AuroraEngine e, long causeId) {
        List<String> out = new ArrayList<>();
        for (long id = causeId; id >= 0; ) {
            Cause c = e.cause(id);
            assertThat(c).as("cause %d is known", id).isNotNull();
            out.add(c.what());
            id = c.parentId();
        }
        return out;
    }

    @Test
    void aFailoverWalksBackThroughDetectionPromotionAndRecoveryToTheCommandThatFailedTheWriter() {
        AuroraEngine e = standard(21);
        e.advanceTo(seconds(5));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(60));
        CausedEvent completed = e.causedEvents().stream()
                .filter(c -> c.event() instanceof AuroraEvent.FailoverCompleted).findFirst().orElseThrow();
        List<String> why = chain(e, completed.causeId());
        assertThat(why).startsWith("EndpointMoved").endsWith("command: fail instance writer-1")
                .contains("RecoveryDone", "PromotionDone", "WriterFailureDetection");
        CausedEvent failed = e.causedEvents().stream()
                .filter(c -> c.event() instanceof AuroraEvent.InstanceFailed).findFirst().orElseThrow();
        assertThat(chain(e, failed.causeId())).containsExactly("command: fail instance writer-1");
    }

    @Test
    void everyEventOfEveryKindOfFaultHasAChainThatEndsAtACommandOrAPeriodicClock() {
        AuroraEngine e = standard(5);
        e.advanceTo(seconds(2));
        e.apply(new Command.FailAvailabilityZone(AZS.get(2)));
        e.advanceTo(seconds(30));
        e.apply(new Command.DestroySegment("pg-0/" + AZS.get(0) + "/1"));
        e.advanceTo(seconds(90));
        e.apply(new Command.RestoreAvailabilityZone(AZS.get(2)));
        e.advanceTo(seconds(150));
        List<CausedEvent> log = e.causedEvents();
        assertThat(log).hasSize(e.events().size());
        for (CausedEvent c : log) {
            assertThat(c.event()).isSameAs(e.events().get(c.id()));
            List<String> why = chain(e, c.causeId());
            String root = why.get(why.size() - 1);
            assertThat(root.startsWith("command: ") || root.equals("BOXCAR_WINDOW") || root.equals("READ_TICK")
                    || root.equals("BACKUP_STAGING") || root.equals("REPLICATION_BATCH") || root.equals("routine traffic"))
                    .as("%s is caused by %s", c.event(), why).isTrue();
        }
        // the quorum lost when the AZ went out is a derived event: it names the command, not a clock
        CausedEvent lost = log.stream().filter(c -> c.event() instanceof AuroraEvent.VolumeStatusChanged
                || c.event() instanceof AuroraEvent.AvailabilityZoneFailed).findFirst().orElseThrow();
        assertThat(chain(e, lost.causeId())).last().asString().startsWith("command: fail");
    }

    @Test
    void aCopyKeepsTheCausesItsOriginalHad() {
        AuroraEngine e = standard(7);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(12));
        AuroraEngine copy = e.copy();
        e.advanceTo(seconds(60));
        copy.advanceTo(seconds(60));
        assertThat(copy.causedEvents()).isEqualTo(e.causedEvents());
        for (CausedEvent c : e.causedEvents()) {
            assertThat(copy.cause(c.causeId())).isEqualTo(e.cause(c.causeId()));
        }
    }
}
