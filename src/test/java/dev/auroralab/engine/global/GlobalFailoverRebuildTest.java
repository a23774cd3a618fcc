package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.Timings.Timing;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.VolumeReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a global failover (UG aurora-global-database-disaster-recovery): every other secondary is rebuilt from the
 * new primary and serves no reads until it is done; the old primary is snapshotted at the point of failure (the lost
 * writes are in that snapshot), then rebuilt the same way. A switchover and a detach rebuild nothing. The times are
 * summed by hand from Timings.DEFAULTS (global failover 60 s, rebuild 600 s) or from the override given.
 */
class GlobalFailoverRebuildTest {

    @Test
    void everyOtherSecondaryServesNoReadsWhileItIsRebuiltAndServesThemAfter() {
        AuroraEngine e = twoSecondaries(500, 21);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        // the failover completes at 1 s + 60 s; eu-west-1 still serves reads until then
        e.advanceTo(seconds(61) - 1);
        assertThat(region(e, "eu-west-1").readable()).isTrue();
        assertThat(rebuildsOf(e, "eu-west-1")).isEmpty();
        e.advanceTo(seconds(61));
        // rebuilt from 61 s for 600 s: until 661 s, 11:01
        assertThat(rebuildsOf(e, "eu-west-1")).singleElement().satisfies(r -> {
            assertThat(r.atMicros()).isEqualTo(seconds(61));
            assertThat(r.readyAtMicros()).isEqualTo(seconds(661));
            assertThat(r.fromRegion()).isEqualTo("us-west-2");
            assertThat(r.oldPrimary()).isFalse();
        });
        assertThat(region(e, "eu-west-1").readable()).isFalse();
        assertThat(region(e, "eu-west-1").resyncing()).isTrue();
        assertThat(region(e, "eu-west-1").volume().why())
                .isEqualTo(new VolumeReason.Rebuilding("eu-west-1", "us-west-2", seconds(661), false));
        assertThat(region(e, "eu-west-1").volume().reason()).isEqualTo("eu-west-1 is being rebuilt from us-west-2"
                + " after the global failover until 11:01; no reads until then");
        e.advanceTo(seconds(661) - 1);
        assertThat(region(e, "eu-west-1").readable()).isFalse();
        e.advanceTo(seconds(661));
        assertThat(region(e, "eu-west-1").readable()).isTrue();
        assertThat(region(e, "eu-west-1").resyncing()).isFalse();
        // it holds the new primary's data at once
        assertThat(region(e, "eu-west-1").rpoLagMicros()).isLessThan(seconds(0.1));
        assertThat(region(e, "eu-west-1").instances()).allSatisfy(i -> assertThat(i.lagMicros()).isZero());
    }

    @Test
    void noReplicationReachesASecondaryWhileItIsRebuiltAndItGoesOnAfter() {
        AuroraEngine e = twoSecondaries(500, 22);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        // what was on its way at the failover's end has landed 200 ms later
        e.advanceTo(seconds(61.2));
        long held = region(e, "eu-west-1").durableLsn();
        for (double t = 62; t < 661; t += 60) {
            e.advanceTo(seconds(t));
            assertThat(batchesTo(e, "eu-west-1")).as("at %s s", t).isEmpty();
            assertThat(region(e, "eu-west-1").durableLsn()).as("at %s s", t).isEqualTo(held);
        }
        // the new primary goes on writing meanwhile
        assertThat(e.snapshot().volume().vdl()).isGreaterThan(held);
        e.advanceTo(seconds(661));
        assertThat(region(e, "eu-west-1").durableLsn()).isGreaterThan(held);
        assertThat(nextBatchTo(e, "eu-west-1").sentMicros()).isLessThanOrEqualTo(seconds(661) + 10_000);
    }

    @Test
    void theOldPrimarysSnapshotHoldsAsManyWritesAsTheLedgerCountsLost() {
        AuroraEngine e = twoSecondaries(2000, 23);
        e.advanceTo(seconds(2));
        e.apply(new Command.FailRegion("us-east-1"));
        e.advanceTo(seconds(3));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        long cut = events(e, AuroraEvent.GlobalPromotionStarted.class).get(0).keptLsn();
        // the region is out: no snapshot yet
        assertThat(events(e, AuroraEvent.OldPrimarySnapshotTaken.class)).isEmpty();
        e.advanceTo(seconds(70));
        FailoverRecord ledger = e.snapshot().failovers().get(0);
        assertThat(ledger.acknowledgedWritesLost()).isPositive();
        assertThat(ledger.recoverySnapshot()).isEqualTo("rds:unplanned-global-failover-us-east-1-0m03s");
        e.apply(new Command.RestoreRegion("us-east-1"));
        assertThat(events(e, AuroraEvent.OldPrimarySnapshotTaken.class)).singleElement().satisfies(t -> {
            assertThat(t.atMicros()).isEqualTo(seconds(70));
            assertThat(t.region()).isEqualTo("us-east-1");
            assertThat(t.snapshotName()).isEqualTo(ledger.recoverySnapshot());
            assertThat(t.writesOnlyInSnapshot()).isEqualTo(ledger.acknowledgedWritesLost());
            assertThat(t.highestLsn()).isGreaterThan(cut);
        });
        assertThat(events(e, AuroraEvent.AcknowledgedWritesLost.class)).singleElement().satisfies(l -> {
            assertThat(l.count()).isEqualTo(ledger.acknowledgedWritesLost());
            assertThat(l.reason()).contains("in the old primary's snapshot " + ledger.recoverySnapshot());
        });
        // the snapshot comes before the rebuild of the volume it was taken from
        List<String> types = e.events().stream().map(AuroraEvent::type)
                .filter(t -> t.equals("OldPrimarySnapshotTaken") || t.equals("RegionRebuildStarted")).toList();
        assertThat(types).endsWith("OldPrimarySnapshotTaken", "RegionRebuildStarted");
    }

    @Test
    void anOldPrimaryThatIsUpAtTheFailoverIsSnapshottedAtOnce() {
        AuroraEngine e = twoSecondaries(500, 24);
        e.advanceTo(seconds(4.5));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        assertThat(events(e, AuroraEvent.OldPrimarySnapshotTaken.class)).singleElement().satisfies(t -> {
            assertThat(t.atMicros()).isEqualTo(seconds(4.5));
            assertThat(t.snapshotName()).isEqualTo("rds:unplanned-global-failover-us-east-1-0m04.500s");
            assertThat(t.writesOnlyInSnapshot())
                    .isEqualTo(events(e, AuroraEvent.GlobalPromotionStarted.class).get(0).acknowledgedWritesLost());
        });
        assertThat(rebuildsOf(e, "us-east-1")).singleElement()
                .satisfies(r -> assertThat(r.readyAtMicros()).isEqualTo(seconds(4.5 + 600)));
    }

    @Test
    void theRebuildTimeFollowsTheScenariosTimings() {
        Timings t = Timings.DEFAULTS.with(Timing.SECONDARY_REBUILD, seconds(120)).with(Timing.GLOBAL_FAILOVER,
                seconds(30));
        AuroraEngine e = new AuroraEngine(global(500, 25, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")).withTimings(t));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        // the old primary: 1 s + 120 s; eu-west-1: 1 s + 30 s of failover + 120 s
        assertThat(rebuildsOf(e, "us-east-1")).singleElement()
                .satisfies(r -> assertThat(r.readyAtMicros()).isEqualTo(seconds(121)));
        e.advanceTo(seconds(151) - 1);
        assertThat(rebuildsOf(e, "eu-west-1")).singleElement()
                .satisfies(r -> assertThat(r.readyAtMicros()).isEqualTo(seconds(151)));
        assertThat(rejoinsOf(e, "us-east-1")).singleElement()
                .satisfies(r -> assertThat(r.atMicros()).isEqualTo(seconds(121)));
        assertThat(region(e, "eu-west-1").readable()).isFalse();
        e.advanceTo(seconds(151));
        assertThat(region(e, "eu-west-1").readable()).isTrue();
        assertThat(rejoinsOf(e, "eu-west-1")).singleElement()
                .satisfies(r -> assertThat(r.atMicros()).isEqualTo(seconds(151)));
    }

    @Test
    void aSwitchoverRebuildsNoSecondaryAndTakesNoSnapshot() {
        AuroraEngine e = twoSecondaries(500, 26);
        e.advanceTo(seconds(1));
        e.apply(new Command.Switchover("us-west-2"));
        for (double t = 2; t <= 200; t += 2) {
            e.advanceTo(seconds(t));
            assertThat(region(e, "eu-west-1").readable()).as("eu-west-1 at %s s", t).isTrue();
        }
        assertThat(e.snapshot().writerRegion()).isEqualTo("us-west-2");
        assertThat(e.snapshot().failovers()).singleElement()
                .satisfies(f -> assertThat(f.recoverySnapshot()).isNull());
        assertThat(events(e, AuroraEvent.RegionRebuildStarted.class)).isEmpty();
        assertThat(events(e, AuroraEvent.OldPrimarySnapshotTaken.class)).isEmpty();
        assertThat(region(e, "us-east-1").readable()).isTrue();
    }

    @Test
    void aDetachRebuildsNoSecondaryAndTakesNoSnapshot() {
        AuroraEngine e = twoSecondaries(500, 27);
        e.advanceTo(seconds(1));
        e.apply(new Command.DetachAndPromote("us-west-2"));
        for (double t = 2; t <= 200; t += 2) {
            e.advanceTo(seconds(t));
            assertThat(region(e, "eu-west-1").readable()).as("eu-west-1 at %s s", t).isTrue();
        }
        assertThat(e.snapshot().failovers()).singleElement()
                .satisfies(f -> assertThat(f.recoverySnapshot()).isNull());
        assertThat(events(e, AuroraEvent.RegionRebuildStarted.class)).isEmpty();
        assertThat(events(e, AuroraEvent.OldPrimarySnapshotTaken.class)).isEmpty();
    }

    private static List<AuroraEvent.RegionRebuildStarted> rebuildsOf(AuroraEngine e, String region) {
        return events(e, AuroraEvent.RegionRebuildStarted.class).stream().filter(r -> r.region().equals(region))
                .toList();
    }

    private static List<AuroraEvent.RegionRejoined> rejoinsOf(AuroraEngine e, String region) {
        return events(e, AuroraEvent.RegionRejoined.class).stream().filter(r -> r.region().equals(region)).toList();
    }
}
