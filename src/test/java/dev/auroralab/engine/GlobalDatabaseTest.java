package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.RegionRole;
import static dev.auroralab.engine.TestClusters.reader;
import static dev.auroralab.engine.TestClusters.runChecked;
import static dev.auroralab.engine.TestClusters.seconds;
import static dev.auroralab.engine.TestClusters.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Global Database: replication lag, region outages, switchover, failover with data loss, detach, RPO, forwarding. */
class GlobalDatabaseTest {

    static SecondarySpec secondary(String region, long latencyMs, String... readerIds) {
        List<String> azs = List.of(region + "a", region + "b", region + "c");
        List<InstanceSpec> readers = new ArrayList<>();
        for (int k = 0; k < readerIds.length; k++) {
            readers.add(reader(readerIds[k], azs.get(k % 3), 1, "db.r6g.large"));
        }
        return new SecondarySpec(region, azs, readers, latencyMs);
    }

    /** An Aurora PostgreSQL cluster (managed RPO is a PostgreSQL parameter) with the secondaries given. */
    static ClusterSpec global(double writes, long seed, SecondarySpec... secondaries) {
        return new ClusterSpec("us-east-1", List.of("us-east-1a", "us-east-1b", "us-east-1c"), 20,
                List.of(writer("writer-1", "us-east-1a"), reader("reader-1", "us-east-1b", 0, "db.r6g.large")),
                writes, 2000, seed, List.of(secondaries)).withEngine(EngineFlavour.AURORA_POSTGRESQL);
    }

    /** us-east-1 primary; eu-west-1 (75 ms) and us-west-2 (35 ms) secondaries with one reader each. */
    static AuroraEngine twoSecondaries(double writes, long seed) {
        return new AuroraEngine(global(writes, seed, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")));
    }

    static RegionSnapshot region(AuroraEngine e, String name) {
        return e.snapshot().regionSnapshot(name);
    }

    /** The highest RPO lag a region shows, sampled every 5 ms over {@code span}. */
    static long maxLagMicros(AuroraEngine e, String name, long from, long span) {
        long max = 0;
        for (long t = from; t <= from + span; t += 5_000) {
            e.advanceTo(t);
            max = Math.max(max, region(e, name).rpoLagMicros());
        }
        return max;
    }

    @Test
    void aPlainClusterIsOneRegionThatIsThePrimary() {
        EngineSnapshot s = TestClusters.standard(1).snapshot();
        assertThat(s.regions()).singleElement().satisfies(r -> {
            assertThat(r.region()).isEqualTo("us-east-1");
            assertThat(r.role()).isEqualTo(RegionRole.PRIMARY);
        });
        assertThat(s.isGlobal()).isFalse();
        assertThat(s.writerRegion()).isEqualTo("us-east-1");
    }

    @Test
    void secondariesHaveTheirOwnSixCopyVolumeWithRegionQualifiedAddresses() {
        EngineSnapshot s = twoSecondaries(1000, 1).snapshot();
        RegionSnapshot eu = s.regionSnapshot("eu-west-1");
        assertThat(eu.role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(eu.volume().protectionGroups()).hasSize(2);
        assertThat(eu.volume().protectionGroups().get(0).segments()).hasSize(6)
                .extracting(seg -> seg.address()).contains("eu-west-1/pg-0/eu-west-1a/1");
        assertThat(eu.instances()).extracting(i -> i.id()).containsExactly("eu-1");
        // the top-level fields stay the primary's, so single-region readers of the snapshot see what they saw before
        assertThat(s.instances()).extracting(i -> i.id()).containsExactly("writer-1", "reader-1");
        assertThat(s.forRegion("eu-west-1").instances()).extracting(i -> i.id()).containsExactly("eu-1");
    }

    @Test
    void replicationLagIsUnderOneSecondAndGrowsWithDistanceAndWriteRate() {
        AuroraEngine calm = twoSecondaries(1000, 2);
        calm.advanceTo(seconds(5));
        long farCalm = maxLagMicros(calm, "eu-west-1", seconds(5), seconds(2));
        AuroraEngine calm2 = twoSecondaries(1000, 2);
        calm2.advanceTo(seconds(5));
        long nearCalm = maxLagMicros(calm2, "us-west-2", seconds(5), seconds(2));
        AuroraEngine busy = twoSecondaries(120_000, 2);
        busy.advanceTo(seconds(5));
        long farBusy = maxLagMicros(busy, "eu-west-1", seconds(5), seconds(2));

        assertThat(farCalm).isBetween(75_000L, 1_000_000L);
        assertThat(nearCalm).isLessThan(farCalm);
        assertThat(farBusy).isGreaterThan(farCalm).isLessThan(1_000_000L);
        assertThat(region(calm, "eu-west-1").durableLsn()).isPositive();
    }

    @Test
    void aSecondaryRegionOutageNeverChangesWhatThePrimaryDoes() {
        AuroraEngine quiet = twoSecondaries(3000, 4);
        AuroraEngine broken = twoSecondaries(3000, 4);
        broken.advanceTo(seconds(3));
        assertThat(broken.apply(new Command.FailRegion("eu-west-1")).accepted()).isTrue();
        broken.advanceTo(seconds(20));
        assertThat(broken.apply(new Command.RestoreRegion("eu-west-1")).accepted()).isTrue();
        broken.advanceTo(seconds(40));
        quiet.advanceTo(seconds(40));

        assertThat(broken.snapshot().counters()).isEqualTo(quiet.snapshot().counters());
        assertThat(broken.snapshot().volume().vdl()).isEqualTo(quiet.snapshot().volume().vdl());
        // and the secondary caught up once it was back
        assertThat(region(broken, "eu-west-1").rpoLagMicros()).isLessThan(1_000_000);
        assertThat(region(broken, "eu-west-1").readable()).isTrue();
    }

    @Test
    void switchoverNeverLosesAnAcknowledgedWriteOverASeededSweep() {
        for (long seed = 1; seed <= 24; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            double writes = 500 + r.nextInt(20_000);
            String target = r.nextBoolean() ? "eu-west-1" : "us-west-2";
            long at = seconds(2) + r.nextLong(seconds(6));
            AuroraEngine e = twoSecondaries(writes, seed);
            runChecked(e, at);
            long ackedBefore = e.snapshot().counters().writesAcknowledged();
            assertThat(e.apply(new Command.Switchover(target)).accepted()).as("seed %d", seed).isTrue();
            runChecked(e, at + seconds(30));
            EngineSnapshot s = e.snapshot();

            assertThat(s.counters().acknowledgedWritesLost()).as("seed %d", seed).isZero();
            assertThat(s.counters().writesAcknowledged()).as("seed %d", seed).isGreaterThan(ackedBefore);
            assertThat(s.writerRegion()).as("seed %d", seed).isEqualTo(target);
            assertThat(s.regionSnapshot("us-east-1").role()).isEqualTo(RegionRole.SECONDARY);
            assertThat(s.regionSnapshot(target).role()).isEqualTo(RegionRole.PRIMARY);
            assertThat(s.volume().writable()).as("seed %d", seed).isTrue();
            FailoverRecord f = s.failovers().get(0);
            assertThat(f.kind()).isEqualTo(FailoverKind.GLOBAL_SWITCHOVER);
            assertThat(f.acknowledgedWritesLost()).isZero();
            assertThat(f.rpoMicros()).isZero();
            // the outage is the wait for sync plus the reconfiguration
            assertThat(f.writeDowntimeMicros()).as("seed %d", seed)
                    .isBetween(ModelValues.GLOBAL_SWITCHOVER_MICROS, ModelValues.GLOBAL_SWITCHOVER_MICROS + 1_000_000);
            // the old primary now replicates from the new one
            assertThat(s.regionSnapshot("us-east-1").rpoLagMicros()).as("seed %d", seed).isLessThan(1_000_000);
        }
    }

    @Test
    void failoverLosesExactlyTheAcknowledgedWritesInsideTheLagWindowOverASeededSweep() {
        int withLoss = 0;
        for (long seed = 1; seed <= 24; seed++) {
            SplittableRandom r = new SplittableRandom(seed * 31);
            double writes = 1000 + r.nextInt(20_000);
            String target = r.nextBoolean() ? "eu-west-1" : "us-west-2";
            long outageAt = seconds(2) + r.nextLong(seconds(5));
            AuroraEngine e = twoSecondaries(writes, seed);
            e.advanceTo(outageAt);
            e.apply(new Command.FailRegion("us-east-1"));
            e.advanceTo(outageAt + seconds(1) + r.nextLong(seconds(20)));
            long targetHolds = region(e, target).durableLsn();
            // every write the clients saw acknowledged, and those whose commit the target holds
            long acknowledged = e.snapshot().counters().writesAcknowledged();
            long kept = e.ledger().commitsAtOrBelow(targetHolds);
            long primaryHolds = e.vdl();

            assertThat(e.apply(new Command.FailoverGlobal(target)).accepted()).as("seed %d", seed).isTrue();
            e.advanceTo(e.nowMicros() + seconds(70));
            EngineSnapshot s = e.snapshot();
            FailoverRecord f = s.failovers().get(s.failovers().size() - 1);

            long expectedLost = acknowledged - kept;
            assertThat(f.kind()).isEqualTo(FailoverKind.GLOBAL_FAILOVER);
            assertThat(f.acknowledgedWritesLost()).as("seed %d", seed).isEqualTo(expectedLost);
            assertThat(s.counters().acknowledgedWritesLost()).isEqualTo(expectedLost);
            assertThat(primaryHolds).isGreaterThanOrEqualTo(targetHolds);
            // the loss is the lag window: writes/s x RPO, within one boxcar window's worth of writes
            double expectedFromRpo = writes * f.rpoMicros() / 1e6;
            assertThat((double) expectedLost).as("seed %d", seed)
                    .isCloseTo(expectedFromRpo, org.assertj.core.data.Offset.offset(writes * 0.012 + 2));
            assertThat(f.rpoMicros()).as("seed %d", seed).isLessThan(1_000_000);
            assertThat(s.writerRegion()).isEqualTo(target);
            assertThat(s.volume().writable()).isTrue();
            assertThat(f.rtoMicros()).isEqualTo(ModelValues.GLOBAL_PROMOTION_MICROS);
            assertThat(f.writeOutageStartedMicros()).isEqualTo(outageAt);
            if (expectedLost > 0) {
                withLoss++;
            }
        }
        assertThat(withLoss).as("a failover in the middle of a write stream loses the writes in flight").isPositive();
    }

    @Test
    void theOldPrimaryRejoinsAsASecondaryAfterItsRegionReturnsAndIsRebuilt() {
        AuroraEngine e = twoSecondaries(2000, 5);
        e.advanceTo(seconds(3));
        e.apply(new Command.FailRegion("us-east-1"));
        e.advanceTo(seconds(5));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        e.advanceTo(seconds(70));
        assertThat(region(e, "us-east-1").role()).isEqualTo(RegionRole.DOWN);
        e.apply(new Command.RestoreRegion("us-east-1"));
        e.advanceTo(seconds(75));
        assertThat(region(e, "us-east-1").resyncing()).isTrue();
        assertThat(region(e, "us-east-1").readable()).isFalse();
        // rebuilt from the restore at 70 s for the default rebuild time
        e.advanceTo(seconds(70) + Timings.DEFAULTS.secondaryRebuildMicros() + seconds(5));
        RegionSnapshot old = region(e, "us-east-1");
        assertThat(old.role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(old.resyncing()).isFalse();
        assertThat(old.rpoLagMicros()).isLessThan(1_000_000);
        assertThat(old.instances()).allSatisfy(i -> assertThat(i.role().name()).isEqualTo("READER"));
        assertThat(TestClusters.eventTypes(e)).contains("OldPrimarySnapshotTaken", "RegionRebuildStarted",
                "RegionRejoined");
    }

    @Test
    void detachAndPromoteWhileTheOldPrimaryStillWritesIsFlaggedAsSplitBrain() {
        AuroraEngine e = twoSecondaries(2000, 6);
        e.advanceTo(seconds(3));
        assertThat(e.apply(new Command.DetachAndPromote("eu-west-1")).accepted()).isTrue();
        e.advanceTo(seconds(70));
        EngineSnapshot s = e.snapshot();
        assertThat(s.writerRegion()).isEqualTo("eu-west-1");
        assertThat(s.regionSnapshot("eu-west-1").role()).isEqualTo(RegionRole.DETACHED);
        assertThat(s.regionSnapshot("us-east-1").role()).isEqualTo(RegionRole.PRIMARY);
        assertThat(s.global().splitBrain()).isTrue();
        assertThat(s.global().writableRegions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(s.failovers()).last().extracting(FailoverRecord::kind).isEqualTo(FailoverKind.DETACH_AND_PROMOTE);
        assertThat(TestClusters.eventTypes(e)).contains("SplitBrainDetected");
    }

    @Test
    void detachAndPromoteDuringAPrimaryOutageIsNoSplitBrainUntilTheOldPrimaryReturns() {
        AuroraEngine e = twoSecondaries(2000, 7);
        e.advanceTo(seconds(3));
        e.apply(new Command.FailRegion("us-east-1"));
        e.advanceTo(seconds(4));
        e.apply(new Command.DetachAndPromote("us-west-2"));
        e.advanceTo(seconds(70));
        assertThat(e.snapshot().global().splitBrain()).isFalse();
        assertThat(e.snapshot().volume().writable()).isTrue();
        e.apply(new Command.RestoreRegion("us-east-1"));
        e.advanceTo(seconds(90));
        assertThat(e.snapshot().global().splitBrain()).isTrue();
    }

    @Test
    void managedRpoBlocksCommitsWhileEverySecondaryLagsAndReleasesThemWhenOneCatchesUp() {
        AuroraEngine e = new AuroraEngine(global(2000, 8, secondary("eu-west-1", 75, "eu-1")));
        assertThat(e.apply(new Command.SetManagedRpo(19L)).accepted()).isFalse();
        assertThat(e.apply(new Command.SetManagedRpo(20L)).accepted()).isTrue();
        e.advanceTo(seconds(5));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.advanceTo(seconds(24));
        assertThat(e.snapshot().global().commitsBlocked()).isFalse();
        e.advanceTo(seconds(26));
        EngineSnapshot blocked = e.snapshot();
        assertThat(blocked.global().commitsBlocked()).isTrue();
        assertThat(blocked.volume().writable()).isFalse();
        assertThat(blocked.volume().reason()).contains("managed RPO");
        long ackedWhileBlocked = blocked.counters().writesAcknowledged();
        e.advanceTo(seconds(30));
        assertThat(e.snapshot().counters().writesAcknowledged()).isEqualTo(ackedWhileBlocked);
        assertThat(e.snapshot().counters().writesPending()).isPositive();
        e.apply(new Command.RestoreRegion("eu-west-1"));
        e.advanceTo(seconds(35));
        EngineSnapshot after = e.snapshot();
        assertThat(after.global().commitsBlocked()).isFalse();
        // the commits that waited are acknowledged, not failed
        assertThat(after.counters().writesAcknowledged()).isGreaterThan(ackedWhileBlocked + 2000L * 4);
        assertThat(after.counters().writesFailed()).isZero();
        assertThat(after.counters().commitLatencyMaxMicros()).isGreaterThan(seconds(5));
    }

    @Test
    void writeForwardingShowsWhatEachReadConsistencyCosts() {
        AuroraEngine e = new AuroraEngine(global(3000, 9, secondary("eu-west-1", 75, "eu-1"),
                secondary("ap-south-1", 75, "ap-1"), secondary("sa-east-1", 75, "sa-1")));
        e.apply(new Command.SetWriteForwarding("eu-west-1", ReadConsistency.EVENTUAL));
        e.apply(new Command.SetWriteForwarding("ap-south-1", ReadConsistency.SESSION));
        e.apply(new Command.SetWriteForwarding("sa-east-1", ReadConsistency.GLOBAL));
        assertThat(e.apply(new Command.SetWriteForwarding("us-east-1", ReadConsistency.SESSION)).accepted())
                .isFalse();
        e.advanceTo(seconds(10));
        var eventual = region(e, "eu-west-1").forwarding();
        var session = region(e, "ap-south-1").forwarding();
        var global = region(e, "sa-east-1").forwarding();

        assertThat(eventual.forwardedWrites()).isGreaterThan(20);
        // a forwarded write costs a round trip to the primary
        assertThat(eventual.forwardedWriteLatencyLastMicros()).isGreaterThan(2 * 75_000);
        assertThat(eventual.staleReads()).isPositive();
        assertThat(eventual.readWaitMaxMicros()).isZero();
        assertThat(session.staleReads()).isZero();
        assertThat(session.reads()).isGreaterThan(20);
        assertThat(session.readWaitMaxMicros()).isPositive();
        assertThat(global.staleReads()).isZero();
        assertThat(global.readWaitMaxMicros()).isGreaterThanOrEqualTo(session.readWaitLastMicros());
    }

    @Test
    void onlyASecondaryCanBeSwitchedOverToAndTheReasonSaysWhich() {
        AuroraEngine e = twoSecondaries(1000, 10);
        var r = e.apply(new Command.Switchover("us-east-1"));
        assertThat(r.accepted()).isFalse();
        assertThat(r.message()).isEqualTo("us-east-1 is already the primary (secondaries: eu-west-1, us-west-2)");
        assertThat(e.apply(new Command.FailoverGlobal("mars-1")).message()).contains("no region mars-1");
        e.apply(new Command.FailRegion("eu-west-1"));
        assertThat(e.apply(new Command.Switchover("eu-west-1")).message()).contains("is out");
    }

    @Test
    void anInRegionFailoverCannotTargetAReaderOfAnotherRegion() {
        AuroraEngine e = twoSecondaries(1000, 12);
        var r = e.apply(new Command.Failover("eu-1"));
        assertThat(r.accepted()).isFalse();
        assertThat(r.message()).contains("eu-west-1").contains("switchover");
        assertThat(e.apply(new Command.Failover("reader-1")).accepted()).isTrue();
    }

    @Test
    void theSpecRefusesAnEleventhSecondaryASeventeenthInstanceAndARegionTwice() {
        List<SecondarySpec> eleven = new ArrayList<>();
        for (int k = 0; k < 11; k++) {
            eleven.add(secondary("r" + k + "-", 50));
        }
        assertThatThrownBy(() -> global(100, 1, eleven.toArray(SecondarySpec[]::new)).validate())
                .hasMessageContaining("at most 10 secondary regions");
        String[] seventeen = new String[17];
        for (int k = 0; k < 17; k++) {
            seventeen[k] = "x-" + k;
        }
        assertThatThrownBy(() -> global(100, 1, secondary("eu-west-1", 50, seventeen)).validate())
                .hasMessageContaining("at most 16");
        assertThatThrownBy(() -> global(100, 1, secondary("eu-west-1", 50), secondary("eu-west-1", 60)).validate())
                .hasMessageContaining("listed twice");
    }

    @Test
    void theSameGlobalRunTwiceIsTheSameRunEventForEvent() {
        List<String> first = scriptedRun();
        List<String> second = scriptedRun();
        assertThat(second).isEqualTo(first);
    }

    private static List<String> scriptedRun() {
        AuroraEngine e = twoSecondaries(4000, 11);
        e.apply(new Command.SetWriteForwarding("eu-west-1", ReadConsistency.SESSION));
        e.advanceTo(seconds(4));
        e.apply(new Command.Switchover("us-west-2"));
        e.advanceTo(seconds(30));
        e.apply(new Command.FailRegion("us-west-2"));
        e.advanceTo(seconds(31));
        e.apply(new Command.FailoverGlobal("eu-west-1"));
        e.advanceTo(seconds(100));
        List<String> out = new ArrayList<>();
        e.events().forEach(ev -> out.add(ev.atMicros() + " " + ev.detail()));
        out.add(e.snapshot().toString());
        return out;
    }
}
