package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.RegionRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole region lost and restored (global/RegionOutage): what goes down with it, how a secondary resumes, and how an
 * old primary is rebuilt (600 s by default) and rejoins as a secondary after a global failover.
 */
class RegionOutageBehaviourTest {

    @Test
    void aRegionOutageCountsOnlyWhatItsAzsThatWereStillUpTookDown() {
        AuroraEngine e = twoSecondaries(500, 1);
        e.advanceTo(seconds(1));
        // eu-1 sits in eu-west-1a; each of the two PGs has two copies in every AZ
        e.apply(new Command.FailAvailabilityZone("eu-west-1a"));
        e.apply(new Command.FailRegion("eu-west-1"));
        assertThat(events(e, AuroraEvent.RegionFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.region()).isEqualTo("eu-west-1");
            assertThat(f.instancesDown()).isZero();
            assertThat(f.segmentsDown()).isEqualTo(12 - 4);
            assertThat(f.atMicros()).isEqualTo(seconds(1));
        });
    }

    @Test
    void thePrimaryRegionsOutageTakesItsWriterItsReaderAndItsTwelveCopies() {
        AuroraEngine e = twoSecondaries(500, 1);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailRegion("us-east-1"));
        assertThat(events(e, AuroraEvent.RegionFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.instancesDown()).isEqualTo(2);
            assertThat(f.segmentsDown()).isEqualTo(12);
        });
        RegionSnapshot home = region(e, "us-east-1");
        assertThat(home.role()).isEqualTo(RegionRole.DOWN);
        assertThat(home.instances()).allSatisfy(i -> assertThat(i.status()).isNotEqualTo(InstanceStatus.UP));
        assertThat(e.snapshot().volume().writable()).isFalse();
    }

    @Test
    void aRestoredSecondaryResumesFromWhatItsCopiesHeldNotFromWhatWasOnItsWay() {
        AuroraEngine e = oneSecondary(500, 2);
        e.advanceTo(seconds(1));
        // batches leave every 10 ms and take 80 ms: several are on their way when the region goes out
        assertThat(batchesTo(e, "eu-west-1")).hasSizeGreaterThan(3);
        long held = region(e, "eu-west-1").durableLsn();
        e.apply(new Command.FailRegion("eu-west-1"));
        e.advanceTo(seconds(1.5));
        assertThat(region(e, "eu-west-1").durableLsn()).isEqualTo(held);
        assertThat(e.apply(new Command.RestoreRegion("eu-west-1")).message()).isEqualTo("region eu-west-1 is back");
        assertThat(events(e, AuroraEvent.RegionRestored.class)).singleElement()
                .satisfies(r -> assertThat(r.region()).isEqualTo("eu-west-1"));
        MessageSnapshot first = nextBatchTo(e, "eu-west-1");
        // 2 us a record on the link, 75 ms and 5 ms of hand-off: the batch starts right above what the copies held
        assertThat(first.arrivesMicros() - first.sentMicros()).isEqualTo(2 * (first.lsn() - held) + 80_000);
        // the link is free at once: it does not wait for what it carried before the outage
        assertThat(first.sentMicros()).isLessThanOrEqualTo(seconds(1.5) + 10_000);
        e.advanceTo(first.arrivesMicros() + 400);
        assertThat(region(e, "eu-west-1").durableLsn()).isEqualTo(first.lsn());
    }

    @Test
    void anOldPrimaryThatFailsAndReturnsDuringItsRebuildIsRebuiltInFullAfterItsReturn() {
        AuroraEngine e = new AuroraEngine(global(20, 3, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        // the old primary was up: its rebuild starts at once and would end at 1 s + 600 s
        assertThat(rebuildsOf(e, "us-east-1")).singleElement()
                .satisfies(r -> assertThat(r.readyAtMicros()).isEqualTo(seconds(601)));
        e.advanceTo(seconds(50));
        e.apply(new Command.FailRegion("us-east-1"));
        e.advanceTo(seconds(100));
        e.apply(new Command.RestoreRegion("us-east-1"));
        // 100 s + 600 s
        assertThat(rebuildsOf(e, "us-east-1")).last()
                .satisfies(r -> assertThat(r.readyAtMicros()).isEqualTo(seconds(700)));
        // the first rebuild's end (601 s) passes while the second one runs
        e.advanceTo(seconds(700) - 1);
        assertThat(rejoinsOf(e, "us-east-1")).isEmpty();
        assertThat(region(e, "us-east-1").resyncing()).isTrue();
        assertThat(region(e, "us-east-1").readable()).isFalse();
        e.advanceTo(seconds(700));
        assertThat(rejoinsOf(e, "us-east-1")).singleElement()
                .satisfies(r -> assertThat(r.atMicros()).isEqualTo(seconds(700)));
    }

    @Test
    void anOldPrimaryRejoinsHoldingTheNewPrimarysDataAndItsInstancesStartThereWithNoLag() {
        AuroraEngine e = twoSecondaries(500, 4);
        e.advanceTo(seconds(2));
        e.apply(new Command.FailRegion("us-east-1"));
        e.advanceTo(seconds(3));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        long cut = events(e, AuroraEvent.GlobalPromotionStarted.class).get(0).keptLsn();
        e.advanceTo(seconds(70));
        // it was out at the failover: it is rebuilt only once it is back
        assertThat(rebuildsOf(e, "us-east-1")).isEmpty();
        e.apply(new Command.RestoreRegion("us-east-1"));
        // 70 s + 600 s = 11:10
        long ready = seconds(670);
        e.advanceTo(ready - 1);
        assertThat(region(e, "us-east-1").role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(region(e, "us-east-1").volume().reason()).isEqualTo("us-east-1 (the old primary) is being rebuilt"
                + " from us-west-2 after the global failover until 11:10; no reads until then");
        long primaryVdl = e.snapshot().volume().vdl();
        e.advanceTo(ready);
        assertThat(rejoinsOf(e, "us-east-1")).singleElement().satisfies(r -> {
            assertThat(r.fromLsn()).isGreaterThan(cut).isGreaterThanOrEqualTo(primaryVdl);
        });
        long held = rejoinsOf(e, "us-east-1").get(0).fromLsn();
        RegionSnapshot old = region(e, "us-east-1");
        assertThat(old.resyncing()).isFalse();
        assertThat(old.readable()).isTrue();
        assertThat(old.durableLsn()).isEqualTo(held);
        // its instances (up again since the restore) read from what the rebuild gave it, with no lag
        assertThat(old.instances()).allSatisfy(i -> {
            assertThat(i.appliedLsn()).isEqualTo(held);
            assertThat(i.lagMicros()).isZero();
        });
        // and replication goes on from there at once: 2 us a record, 35 ms and 5 ms of hand-off
        MessageSnapshot first = nextBatchTo(e, "us-east-1");
        assertThat(first.sentMicros()).isLessThanOrEqualTo(ready + 10_000);
        assertThat(first.arrivesMicros() - first.sentMicros()).isEqualTo(2 * (first.lsn() - held) + 35_000 + 5_000);
    }

    @Test
    void aSecondaryThatFailsDuringTheOldPrimarysRebuildDoesNotDisturbIt() {
        AuroraEngine e = twoSecondaries(500, 5);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        e.advanceTo(seconds(2));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.apply(new Command.RestoreRegion("eu-west-1"));
        // 1 s + 600 s
        e.advanceTo(seconds(601));
        assertThat(rejoinsOf(e, "us-east-1")).singleElement()
                .satisfies(r -> assertThat(r.atMicros()).isEqualTo(seconds(601)));
        assertThat(region(e, "eu-west-1").role()).isEqualTo(RegionRole.SECONDARY);
    }

    static List<AuroraEvent.RegionRebuildStarted> rebuildsOf(AuroraEngine e, String region) {
        return events(e, AuroraEvent.RegionRebuildStarted.class).stream().filter(r -> r.region().equals(region))
                .toList();
    }

    static List<AuroraEvent.RegionRejoined> rejoinsOf(AuroraEngine e, String region) {
        return events(e, AuroraEvent.RegionRejoined.class).stream().filter(r -> r.region().equals(region)).toList();
    }
}
