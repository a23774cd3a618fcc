package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The writer's resend of what no reachable copy holds goes in batches of at most 500 boxcars a gossip round (the
 * model's GOSSIP_BATCHES_PER_ROUND, the same as gossip moves): a hole of 1,000 boxcars takes two rounds of exactly
 * 500. At 200 writes/s no two writes share a 2 ms window, so 5 s with every copy down leave 1,000 boxcars on no copy.
 */
class ResendBatchTest {

    private static final List<String> ALL_SIX = List.of("pg-0/az-a/1", "pg-0/az-b/1", "pg-0/az-c/1", "pg-0/az-a/2",
            "pg-0/az-b/2", "pg-0/az-c/2");

    @Test
    void aHoleLargerThanOneRoundIsResentFiveHundredBoxcarsARoundAndNoMore() {
        AuroraEngine e = new AuroraEngine(spec(10, 200, 1000, 4, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
        e.advanceTo(seconds(2));
        ALL_SIX.forEach(c -> e.apply(new Command.FailSegment(c)));
        e.advanceTo(seconds(7));
        e.apply(new Command.SetWorkload(0.0, null));
        ALL_SIX.forEach(c -> e.apply(new Command.RestoreSegment(c)));
        e.advanceTo(seconds(10));

        List<AuroraEvent.BoxcarsResent> resent = events(e, AuroraEvent.BoxcarsResent.class);
        assertThat(resent).hasSize(2);
        assertThat(resent.get(0).boxcars()).isEqualTo(ModelValues.GOSSIP_BATCHES_PER_ROUND);
        assertThat(resent.get(0).boxcars() + resent.get(1).boxcars()).isBetween(999, 1001);
        // the second round takes the next boxcars, with no gap and no overlap
        assertThat(resent.get(1).fromLsn()).isGreaterThan(resent.get(0).toLsn());
        assertThat(e.snapshot().counters().writesPending()).isZero();
        assertThat(e.snapshot().counters().writesAcknowledged()).isEqualTo(e.snapshot().counters().writesIssued());
    }

    @Test
    void aResendFromTheVeryFirstBoxcarNamesTheVolumesFirstLsn() {
        AuroraEngine e = new AuroraEngine(spec(10, 200, 1000, 5, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
        // every copy down before the first write: no copy ever received boxcar 0
        ALL_SIX.forEach(c -> e.apply(new Command.FailSegment(c)));
        e.advanceTo(seconds(1));
        e.apply(new Command.SetWorkload(0.0, null));
        ALL_SIX.forEach(c -> e.apply(new Command.RestoreSegment(c)));
        e.advanceTo(seconds(3));
        // the first write takes LSNs 1 and 2 (ModelValues.RECORDS_PER_WRITE): the resend starts there
        assertThat(events(e, AuroraEvent.BoxcarsResent.class)).first()
                .satisfies(r -> assertThat(r.fromLsn()).isEqualTo(1L));
        assertThat(e.snapshot().counters().writesAcknowledged()).isEqualTo(e.snapshot().counters().writesIssued());
    }

    @Test
    void boxcarsACopyAlreadyHoldsAreNotSentAgainOnlyTheHoleNoCopyHolds() {
        AuroraEngine e = new AuroraEngine(spec(10, 200, 1000, 6, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
        e.advanceTo(seconds(2));
        ALL_SIX.forEach(c -> e.apply(new Command.FailSegment(c)));
        // 3.5 s with every copy down: a hole of 700 boxcars; the writes go on after the copies return
        e.advanceTo(seconds(5.5));
        ALL_SIX.forEach(c -> e.apply(new Command.RestoreSegment(c)));
        e.advanceTo(seconds(8));

        // the first round sends 500 of the hole; by the second, every copy also holds the ~10 boxcars sent after they
        // returned, above the hole: those are not sent again, so the resends add up to the hole and nothing more
        List<AuroraEvent.BoxcarsResent> resent = events(e, AuroraEvent.BoxcarsResent.class);
        assertThat(resent).hasSize(2);
        assertThat(resent.get(0).boxcars()).isEqualTo(ModelValues.GOSSIP_BATCHES_PER_ROUND);
        assertThat(resent.get(0).boxcars() + resent.get(1).boxcars()).isBetween(699, 701);
        assertThat(e.snapshot().counters().writesPending()).isLessThan(10);
        assertThat(e.snapshot().counters().writesFailed()).isZero();
    }
}
