package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.RegionRole;
import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storage-level replication to secondary regions and region outages (global/Replication, global/RegionOutage): what a
 * secondary holds, how it catches up after an outage, what a batch cut off by an outage does, and the latency between
 * two regions once the roles moved.
 */
class ReplicationTest {

    /** us-east-1 primary; eu-west-1 (75 ms) and us-west-2 (35 ms), one reader each; 500 writes/s; 20 GiB. */
    private static AuroraEngine twoSecondaries(long seed) {
        return new AuroraEngine(global(500, seed, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")));
    }

    private static long rebuildsOf(AuroraEngine e, String region) {
        return e.events().stream().filter(x -> x instanceof AuroraEvent.RegionRebuildStarted r
                && r.region().equals(region)).count();
    }

    private static RegionSnapshot region(AuroraEngine e, String name) {
        return e.snapshot().regionSnapshot(name);
    }

    private static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aSecondaryHoldsThePrimarysWritesAFewBatchesLateAndServesReads() {
        AuroraEngine e = twoSecondaries(9);
        e.advanceTo(seconds(5));
        RegionSnapshot eu = region(e, "eu-west-1");
        RegionSnapshot usw = region(e, "us-west-2");
        // a 10 ms batch, the one-way latency and 5 ms of hand-off: nothing older than a tenth of a second is missing
        assertThat(eu.rpoLagMicros()).isLessThan(100_000);
        assertThat(usw.durableLsn()).isPositive().isLessThanOrEqualTo(e.vdl());
        assertThat(eu.readable()).isTrue();
        assertThat(eu.volume().reason()).isEqualTo("eu-west-1 is a read-only secondary; reads are served locally");
        assertThat(eu.volume().vdl()).isEqualTo(eu.durableLsn());
        assertThat(eu.instances().get(0).appliedLsn()).isEqualTo(eu.durableLsn());
        // the primary's durable history is kept only back to what both secondaries hold
        assertThat(e.snapshot().global().writableRegions()).containsExactly("us-east-1");
        assertNoInvariantBroken(e);
    }

    @Test
    void aSecondaryThatWasOutCatchesUpAtTheLinksRateFromWhatItHeld() {
        AuroraEngine e = twoSecondaries(9);
        e.advanceTo(seconds(1));
        assertThat(e.apply(new Command.FailRegion("eu-west-1")).message()).isEqualTo("region eu-west-1 is out");
        // 20 GiB: two groups of six copies, and its one reader
        assertThat(events(e, AuroraEvent.RegionFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.instancesDown()).isEqualTo(1);
            assertThat(f.segmentsDown()).isEqualTo(12);
        });
        assertThat(e.apply(new Command.FailRegion("eu-west-1")).message())
                .isEqualTo("region eu-west-1 is already out");
        e.advanceTo(seconds(11));
        RegionSnapshot out = region(e, "eu-west-1");
        assertThat(out.role()).isEqualTo(RegionRole.DOWN);
        assertThat(out.readable()).isFalse();
        assertThat(out.volume().reason()).isEqualTo("region eu-west-1 is out");
        assertThat(out.rpoLagMicros()).isGreaterThan(seconds(9.9));
        long heldWhileOut = out.durableLsn();
        // the other secondary and the primary go on as before
        assertThat(region(e, "us-west-2").rpoLagMicros()).isLessThan(100_000);
        assertThat(e.snapshot().volume().writable()).isTrue();

        assertThat(e.apply(new Command.RestoreRegion("eu-west-1")).message()).isEqualTo("region eu-west-1 is back");
        assertThat(e.apply(new Command.RestoreRegion("eu-west-1")).message())
                .isEqualTo("region eu-west-1 is not out");
        // 10 s of 500 writes/s is 10,000 records: 20 ms on a 500,000-record/s link, then the trip
        e.advanceTo(seconds(11.5));
        RegionSnapshot back = region(e, "eu-west-1");
        assertThat(back.durableLsn()).isGreaterThan(heldWhileOut);
        assertThat(back.rpoLagMicros()).isLessThan(200_000);
        assertThat(back.role()).isEqualTo(RegionRole.SECONDARY);
        assertNoInvariantBroken(e);
    }

    @Test
    void unknownRegionsAreNamedWithTheRegionsThereAre() {
        AuroraEngine e = twoSecondaries(9);
        assertThat(e.apply(new Command.FailRegion("mars-1")).message())
                .isEqualTo("no region mars-1; regions: us-east-1, eu-west-1, us-west-2");
        assertThat(e.apply(new Command.RestoreRegion("mars-1")).message())
                .isEqualTo("no region mars-1; regions: us-east-1, eu-west-1, us-west-2");
        assertThat(e.apply(new Command.SetWriteForwarding("mars-1", ReadConsistency.EVENTUAL)).message())
                .isEqualTo("no region mars-1; regions: us-east-1, eu-west-1, us-west-2");
    }

    @Test
    void whenThePrimaryRegionGoesDarkTheBatchesOnTheirWayNeverArriveAndThereIsNoWriter() {
        AuroraEngine e = twoSecondaries(9);
        e.advanceTo(seconds(2));
        long primaryVdl = e.vdl();
        e.apply(new Command.FailRegion("us-east-1"));
        e.advanceTo(seconds(3));
        // what was on its way to eu-west-1 (up to 75 ms and more of batches) is lost with the region
        RegionSnapshot eu = region(e, "eu-west-1");
        assertThat(eu.durableLsn()).isLessThan(primaryVdl);
        e.advanceTo(seconds(15));
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().writable()).isFalse();
        assertThat(s.volume().reason()).startsWith("no writer: the primary region us-east-1 is out; restore it or fail"
                + " over the global database to a secondary");
        assertThat(region(e, "eu-west-1").durableLsn()).isEqualTo(eu.durableLsn());
    }

    @Test
    void aRegionThatFailsAgainDuringItsRebuildStartsTheRebuildOverWhenItReturns() {
        // four simulated minutes: a quiet workload
        AuroraEngine e = new AuroraEngine(global(20, 9, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailRegion("us-east-1"));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        e.apply(new Command.RestoreRegion("us-east-1"));
        assertThat(rebuildsOf(e, "us-east-1")).isEqualTo(1);
        e.advanceTo(seconds(61));
        e.apply(new Command.FailRegion("us-east-1"));
        e.advanceTo(seconds(610));
        // the first rebuild would have ended at 601 s: it was cut short
        assertThat(events(e, AuroraEvent.RegionRejoined.class)).noneMatch(r -> r.region().equals("us-east-1"));
        e.apply(new Command.RestoreRegion("us-east-1"));
        assertThat(rebuildsOf(e, "us-east-1")).isEqualTo(2);
        // 610 s + the default rebuild of 600 s
        e.advanceTo(seconds(1210));
        assertThat(events(e, AuroraEvent.RegionRejoined.class)).filteredOn(r -> r.region().equals("us-east-1"))
                .singleElement().satisfies(r -> assertThat(r.atMicros()).isEqualTo(seconds(1210)));
        assertThat(region(e, "us-east-1").role()).isEqualTo(RegionRole.SECONDARY);
    }

    @Test
    void afterASwitchoverTheLatencyBetweenTwoSecondariesIsTheLargerOfTheirTwo() {
        AuroraEngine e = twoSecondaries(9);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.EVENTUAL));
        e.advanceTo(seconds(1));
        // us-west-2 to us-east-1: 35 ms each way
        assertThat(region(e, "us-west-2").forwarding().forwardedWriteLatencyLastMicros()).isBetween(70_000L, 80_000L);
        e.apply(new Command.Switchover("eu-west-1"));
        e.advanceTo(seconds(30));
        // us-west-2 to eu-west-1: neither is the scenario's first region, so max(35, 75) = 75 ms each way
        assertThat(region(e, "us-west-2").forwarding().forwardedWriteLatencyLastMicros())
                .isBetween(150_000L, 160_000L);
        // and us-east-1, the first region, is 75 ms from eu-west-1: its lag is at least that
        assertThat(region(e, "us-east-1").role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(region(e, "us-east-1").durableLsn()).isPositive();
    }

    @Test
    void aGlobalFailoverCutsTheOtherSecondaryBackToWhatTheNewPrimaryHeldAndItCarriesOnAfterItsRebuild() {
        AuroraEngine e = twoSecondaries(9);
        e.advanceTo(seconds(2));
        // eu-west-1 is 75 ms away, us-west-2 35 ms: promoting us-west-2 keeps what it held
        e.apply(new Command.FailoverGlobal("us-west-2"));
        long cut = e.vdl();
        Region eu = e.regions().get(1);
        assertThat(eu.durableLsn).isLessThanOrEqualTo(cut);
        assertThat(eu.receivedLsn).isLessThanOrEqualTo(cut);
        // the batches on their way to eu-west-1 were cut by the truncation: none of them may land above the cut
        e.advanceTo(seconds(3));
        assertThat(eu.receivedLsn).isLessThanOrEqualTo(cut);
        // rebuilt from 2 s + 60 s until 662 s: nothing arrives meanwhile
        e.advanceTo(seconds(662) - 1);
        assertThat(region(e, "eu-west-1").durableLsn()).isLessThanOrEqualTo(cut);
        e.advanceTo(seconds(663));
        RegionSnapshot s = region(e, "eu-west-1");
        assertThat(s.durableLsn()).isGreaterThan(cut);
        assertThat(s.rpoLagMicros()).isLessThan(200_000);
        assertThat(e.snapshot().writerRegion()).isEqualTo("us-west-2");
        assertNoInvariantBroken(e);
    }
}
