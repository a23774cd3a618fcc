package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's three verbs (AuroraEngine): time runs to exactly where it is asked, commands are logged when refused. */
class AuroraEngineTest {

    @Test
    void advancingFiresEverythingDueAtOrBeforeTheTimeAndLandsTheClockThere() {
        AuroraEngine e = light(1);
        assertThat(e.nowMicros()).isZero();
        // the first boxcar window and read tick are due at 0
        assertThat(e.nextEventMicros()).isZero();
        long fired = e.firedEventCount();
        assertThat(e.step()).isTrue();
        assertThat(e.firedEventCount()).isEqualTo(fired + 1);
        e.advanceTo(2_000);
        // the window due at exactly 2 ms has fired: the next one is 2 ms later
        assertThat(e.nowMicros()).isEqualTo(2_000);
        assertThat(e.nextEventMicros()).isGreaterThan(2_000);
        e.advanceTo(2_500);
        assertThat(e.nowMicros()).isEqualTo(2_500);
        assertThat(e.spec().seed()).isEqualTo(1);
    }

    @Test
    void aRefusedCommandIsLoggedWithWhatWasAskedAndWhy() {
        AuroraEngine e = light(1);
        e.advanceTo(seconds(1));
        Command c = new Command.FailInstance("nobody");
        e.apply(c);
        assertThat(e.events()).last().isInstanceOfSatisfying(AuroraEvent.CommandRejected.class, r -> {
            assertThat(r.atMicros()).isEqualTo(seconds(1));
            assertThat(r.command()).isEqualTo(c.describe());
            assertThat(r.reason()).isEqualTo("no instance nobody");
        });
        int before = e.events().size();
        e.apply(new Command.SetPromotionTier("reader-1", 3));
        assertThat(e.events().subList(before, e.events().size())).noneMatch(AuroraEvent.CommandRejected.class::isInstance);
    }

    @Test
    void aListenerHearsEveryEventInLogOrder() {
        AuroraEngine e = light(1);
        List<AuroraEvent> heard = new ArrayList<>();
        e.addListener(heard::add);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(40));
        assertThat(heard).isEqualTo(e.events()).isNotEmpty();
    }

    @Test
    void aSingleRegionClusterRunsOnlyTheBoxcarAndReadClocksWhenIdle() {
        // no writes, no reads, no replica: in the first second only the 2 ms window (501 times, 0 to 1,000 ms) and
        // the 10 ms read tick (101 times) fire; backup staging comes at 10 s and a replication clock never
        AuroraEngine e = new AuroraEngine(spec(10, 0, 0, 1, writer("writer-1", "az-a")));
        e.advanceTo(seconds(1));
        assertThat(e.firedEventCount()).isEqualTo(501 + 101);
    }

    @Test
    void aNewEngineKnowsItsStatusBeforeAnythingRuns() {
        AuroraEngine e = light(1);
        assertThat(e.snapshot().volume().reason())
                .isEqualTo("every protection group has its write quorum; writer-1 is writing");
        assertThat(e.snapshot().volume().writable()).isTrue();
    }

    @Test
    void theLastProtectionGroupHoldsWhatIsLeftOfTheVolume() {
        // 25 GiB: 10 + 10 + 5; a 5 GiB group is hydrated in 5 s at 1 s per GiB
        AuroraEngine e = new AuroraEngine(spec(25, 200, 0, 1, writer("writer-1", "az-a")));
        assertThat(e.snapshot().volume().protectionGroups()).extracting(pg -> pg.sizeGiB())
                .containsExactly(10, 10, 5);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-2/az-a/1"));
        e.advanceTo(seconds(16) - 1);
        assertThat(eventTypes(e)).doesNotContain("MembershipChangeCommitted");
        e.advanceTo(seconds(16));
        assertThat(eventTypes(e)).contains("MembershipChangeCommitted");
        assertThat(new AuroraEngine(spec(1, 0, 0, 1, writer("writer-1", "az-a"))).snapshot().volume()
                .protectionGroups()).extracting(pg -> pg.sizeGiB()).containsExactly(1);
    }

    @Test
    void storageNoticesASecondWriterClaimingAnEpochAlreadyTaken() {
        AuroraEngine e = light(1);
        e.advanceTo(seconds(1));
        assertThat(e.epochViolations()).isZero();
        // a boxcar in epoch 1 from an instance that is not the writer of epoch 1 (a split brain)
        e.deliver(new Scheduled.BoxcarDelivery(new Scheduled.CopyRef(0, 0, 'A'), 0, "reader-1", "az-b", 1, 0, 0));
        assertThat(e.epochViolations()).isEqualTo(1);
        assertThat(InvariantChecker.check(e)).contains("storage accepted two writers in one volume epoch");
        // the writer of the epoch sending again is no violation
        e.deliver(new Scheduled.BoxcarDelivery(new Scheduled.CopyRef(0, 0, 'B'), 0, "writer-1", "az-a", 1, 0, 0));
        assertThat(e.epochViolations()).isEqualTo(1);
    }
}
