package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.Timings.Timing;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Global failover details the behaviour tests leave open: the snapshot's name at a whole ten seconds, the rebuild of
 * the other secondaries at the very instant the promotion completes (and on return when a secondary is out then), and
 * the writes a second failover loses counted apart from the first one's. Times are summed by hand from
 * Timings.DEFAULTS (global failover 60 s, rebuild 600 s) or from the shorter timings given, so each test runs fast.
 */
class GlobalPromotionMutationTest {

    /** Global failover 10 s and rebuild 60 s: the shortest the scenario files allow, so the runs stay short. */
    private static final Timings SHORT = Timings.DEFAULTS.with(Timing.GLOBAL_FAILOVER, seconds(10))
            .with(Timing.SECONDARY_REBUILD, seconds(60));

    @Test
    void aFailoverAtTenSecondsNamesTheOldPrimarysSnapshotWithTwoDigitsAndNoExtraZero() {
        AuroraEngine e = twoSecondaries(500, 31);
        e.advanceTo(seconds(10));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        // 10 s is 0 min 10 s: "0m10s", not "0m010s"
        assertThat(events(e, AuroraEvent.OldPrimarySnapshotTaken.class)).singleElement()
                .satisfies(t -> assertThat(t.snapshotName()).isEqualTo("rds:unplanned-global-failover-us-east-1-0m10s"));
    }

    @Test
    void theOtherSecondaryStartsItsRebuildAtTheInstantThePromotionCompletes() {
        AuroraEngine e = twoSecondaries(500, 32);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        // 1 s + 60 s of promotion; then 600 s of rebuild
        e.advanceTo(seconds(61));
        assertThat(rebuildsOf(e, "eu-west-1")).singleElement().satisfies(r -> {
            assertThat(r.atMicros()).isEqualTo(seconds(61));
            assertThat(r.readyAtMicros()).isEqualTo(seconds(661));
            assertThat(r.fromRegion()).isEqualTo("us-west-2");
            assertThat(r.oldPrimary()).isFalse();
        });
        assertThat(region(e, "eu-west-1").resyncing()).isTrue();
        assertThat(region(e, "eu-west-1").readable()).isFalse();
    }

    @Test
    void aSecondaryThatIsOutWhenThePromotionCompletesIsRebuiltOnlyOnceItIsBack() {
        AuroraEngine e = twoSecondaries(500, 33);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        e.advanceTo(seconds(30));
        e.apply(new Command.FailRegion("eu-west-1"));
        // the promotion completes at 61 s while eu-west-1 is out: no rebuild yet
        e.advanceTo(seconds(100));
        assertThat(rebuildsOf(e, "eu-west-1")).isEmpty();
        e.apply(new Command.RestoreRegion("eu-west-1"));
        // back at 100 s: rebuilt until 100 s + 600 s, and no reads meanwhile
        assertThat(rebuildsOf(e, "eu-west-1")).singleElement().satisfies(r -> {
            assertThat(r.atMicros()).isEqualTo(seconds(100));
            assertThat(r.readyAtMicros()).isEqualTo(seconds(700));
        });
        assertThat(region(e, "eu-west-1").readable()).isFalse();
    }

    @Test
    void aSecondFailoverCountsAndSnapshotsOnlyTheWritesItLosesItself() {
        AuroraEngine e = new AuroraEngine(global(500, 34, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")).withTimings(SHORT));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        long firstLoss = e.snapshot().counters().acknowledgedWritesLost();
        assertThat(firstLoss).isPositive();
        // promotion 1 s + 10 s; eu-west-1 rebuilt from 11 s to 71 s, us-east-1 from 1 s to 61 s
        e.advanceTo(seconds(72));
        assertThat(region(e, "eu-west-1").readable()).isTrue();
        e.apply(new Command.FailoverGlobal("eu-west-1"));
        long secondLoss = e.snapshot().counters().acknowledgedWritesLost() - firstLoss;
        assertThat(secondLoss).isPositive();
        assertThat(events(e, AuroraEvent.GlobalPromotionStarted.class)).last().satisfies(g -> {
            assertThat(g.from()).isEqualTo("us-west-2");
            assertThat(g.acknowledgedWritesLost()).isEqualTo(secondLoss);
        });
        // us-west-2 is up: its snapshot is taken at once and holds the second loss only
        List<AuroraEvent.OldPrimarySnapshotTaken> taken = events(e, AuroraEvent.OldPrimarySnapshotTaken.class);
        assertThat(taken).last().satisfies(t -> {
            assertThat(t.region()).isEqualTo("us-west-2");
            assertThat(t.snapshotName()).isEqualTo("rds:unplanned-global-failover-us-west-2-1m12s");
            assertThat(t.writesOnlyInSnapshot()).isEqualTo(secondLoss);
        });
        e.advanceTo(seconds(82));
        assertThat(e.snapshot().failovers()).extracting(f -> f.acknowledgedWritesLost())
                .containsExactly(firstLoss, secondLoss);
    }

    private static List<AuroraEvent.RegionRebuildStarted> rebuildsOf(AuroraEngine e, String region) {
        return events(e, AuroraEvent.RegionRebuildStarted.class).stream().filter(r -> r.region().equals(region))
                .toList();
    }
}
