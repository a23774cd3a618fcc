package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.RegionRole;
import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Global Database switchover, failover and detach (global/GlobalPromotion) at their edges: what is refused and why,
 * a switchover cancelled by a writer failure, the roles after each operation, the model's fixed times (switchover
 * 20 s once in sync, promotion 60 s, resync 120 s).
 */
class GlobalPromotionTest {

    /** us-east-1 primary; eu-west-1 (75 ms) and us-west-2 (35 ms) with one reader each; 500 writes/s. */
    private static AuroraEngine twoSecondaries(long seed) {
        return new AuroraEngine(global(500, seed, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")));
    }

    private static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String refusal(AuroraEngine e, Command c) {
        var r = e.apply(c);
        assertThat(r.accepted()).as(c.describe()).isFalse();
        return r.message();
    }

    @Test
    void aSwitchoverWaitsUntilTheTargetHoldsEveryAcknowledgedWriteThenSwapsTheRolesInTwentySeconds() {
        AuroraEngine e = twoSecondaries(6);
        e.advanceTo(seconds(1));
        assertThat(e.apply(new Command.Switchover("eu-west-1")).message())
                .isEqualTo("switching over to eu-west-1 once it is in sync");
        assertThat(e.snapshot().volume().writable()).isFalse();
        assertThat(e.snapshot().failoverInProgress().phase().label()).isEqualTo("switchover sync");
        e.advanceTo(seconds(2));
        long acknowledged = e.ledger().acknowledgedLsn();
        AuroraEvent.GlobalSecondaryInSync inSync = events(e, AuroraEvent.GlobalSecondaryInSync.class).get(0);
        // the last acknowledged write needs at least one trip to eu-west-1 before it is there
        assertThat(inSync.atMicros()).isGreaterThan(seconds(1) + 75_000);
        assertThat(inSync.lsn()).isEqualTo(acknowledged);
        assertThat(e.snapshot().failoverInProgress().phase().label()).isEqualTo("switchover reconfiguring");
        assertThat(e.snapshot().volume().reason()).startsWith("switchover to eu-west-1: the regions swap roles");

        e.advanceTo(inSync.atMicros() + seconds(20) - 1);
        assertThat(e.snapshot().writerRegion()).isEqualTo("eu-west-1");
        assertThat(e.snapshot().volume().writable()).isFalse();
        e.advanceTo(inSync.atMicros() + seconds(20));
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("eu-1");
        assertThat(s.regionSnapshot("us-east-1").role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(s.regionSnapshot("eu-west-1").role()).isEqualTo(RegionRole.PRIMARY);
        FailoverRecord f = s.failovers().get(0);
        assertThat(f.kind()).isEqualTo(FailoverKind.GLOBAL_SWITCHOVER);
        assertThat(f.from()).isEqualTo("us-east-1");
        assertThat(f.to()).isEqualTo("eu-west-1");
        assertThat(f.acknowledgedWritesLost()).isZero();
        assertThat(f.rtoMicros()).isEqualTo(inSync.atMicros() + seconds(20) - seconds(1));
        // the old writer is a reader of what is now a secondary, restarted
        assertThat(events(e, AuroraEvent.InstanceRestarting.class)).extracting(AuroraEvent.InstanceRestarting::instanceId)
                .containsExactly("writer-1");
        e.advanceTo(seconds(30));
        assertThat(e.snapshot().forRegion("us-east-1").instance("writer-1").role()).isEqualTo(InstanceRole.READER);
        assertThat(e.snapshot().counters().writesAcknowledged()).isGreaterThan(e.ledger().commitsAtOrBelow(acknowledged));
        assertNoInvariantBroken(e);
    }

    @Test
    void aWriterFailureBeforeTheTargetIsInSyncCancelsTheSwitchoverAndTheRegionFailsOverOnItsOwn() {
        AuroraEngine e = twoSecondaries(6);
        e.advanceTo(seconds(1));
        e.apply(new Command.Switchover("eu-west-1"));
        e.apply(new Command.FailInstance("writer-1"));
        assertThat(events(e, AuroraEvent.GlobalOperationCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(FailoverKind.GLOBAL_SWITCHOVER);
            assertThat(c.region()).isEqualTo("eu-west-1");
            assertThat(c.reason()).isEqualTo("writer writer-1 failed before eu-west-1 was in sync; Aurora recovers the"
                    + " primary instead");
        });
        assertThat(e.snapshot().failoverInProgress().phase().label()).isEqualTo("detecting");
        e.advanceTo(seconds(40));
        EngineSnapshot s = e.snapshot();
        assertThat(s.writerRegion()).isEqualTo("us-east-1");
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("reader-1");
        assertThat(s.failovers()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(FailoverKind.IN_REGION));
        assertThat(eventTypes(e)).doesNotContain("GlobalSecondaryInSync");
        // a new switchover may start now
        assertThat(e.apply(new Command.Switchover("eu-west-1")).accepted()).isTrue();
    }

    @Test
    void promotionsSayWhyTheyAreRefused() {
        AuroraEngine e = twoSecondaries(6);
        e.advanceTo(seconds(1));
        assertThat(refusal(e, new Command.FailoverGlobal("mars-1")))
                .isEqualTo("no region mars-1; regions: us-east-1, eu-west-1, us-west-2");
        e.apply(new Command.FailRegion("us-west-2"));
        assertThat(refusal(e, new Command.Switchover("us-west-2"))).isEqualTo("us-west-2 is out: restore it first");
        assertThat(refusal(e, new Command.DetachAndPromote("us-west-2"))).isEqualTo("us-west-2 is out: restore it first");
        e.apply(new Command.FailInstance("eu-1"));
        assertThat(refusal(e, new Command.FailoverGlobal("eu-west-1")))
                .isEqualTo("no instance is up in eu-west-1 to take the writer role");
        e.apply(new Command.RestoreInstance("eu-1"));
        e.apply(new Command.FailInstance("writer-1"));
        assertThat(refusal(e, new Command.Switchover("eu-west-1")))
                .isEqualTo("no instance is up in eu-west-1 to take the writer role");
        e.advanceTo(seconds(12));
        assertThat(refusal(e, new Command.Switchover("eu-west-1")))
                .isEqualTo("the primary is failing over in its region; wait until it has a writer");
        // a failover with data loss is what a region with a failing writer may do
        assertThat(e.apply(new Command.FailoverGlobal("eu-west-1")).accepted()).isTrue();
        assertThat(refusal(e, new Command.DetachAndPromote("us-east-1")))
                .isEqualTo("us-east-1 is still being rebuilt after the global failover");
        e.apply(new Command.RestoreRegion("us-west-2"));
        assertThat(refusal(e, new Command.Switchover("us-west-2")))
                .isEqualTo("a global failover (data loss) is already in progress");
    }

    @Test
    void afterADetachTheDetachedClusterTakesTheWritesAndNothingCanBePromotedIntoTheGlobalDatabase() {
        AuroraEngine e = twoSecondaries(6);
        e.advanceTo(seconds(1));
        var r = e.apply(new Command.DetachAndPromote("us-west-2"));
        assertThat(r.message()).startsWith("detach-and-promote to us-west-2 started; ");
        assertThat(e.snapshot().volume().reason())
                .startsWith("detach and promote: us-west-2 becomes a standalone cluster (writes resume when it has a"
                        + " writer)");
        e.advanceTo(seconds(62));
        EngineSnapshot s = e.snapshot();
        assertThat(s.writerRegion()).isEqualTo("us-west-2");
        assertThat(s.regionSnapshot("us-west-2").role()).isEqualTo(RegionRole.DETACHED);
        assertThat(s.regionSnapshot("us-east-1").role()).isEqualTo(RegionRole.PRIMARY);
        assertThat(s.failovers()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailoverKind.DETACH_AND_PROMOTE);
            assertThat(f.rtoMicros()).isEqualTo(seconds(60));
        });
        assertThat(refusal(e, new Command.Switchover("eu-west-1")))
                .isEqualTo("the writes go to the detached cluster us-west-2, not to the global database");
        assertThat(refusal(e, new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION)))
                .isEqualTo("us-west-2 is detached: a detached cluster takes its own writes");
        // the managed RPO guards the global database's commits, not the detached cluster's
        e.apply(new Command.FailRegion("eu-west-1"));
        e.apply(new Command.SetManagedRpo(20L));
        e.advanceTo(seconds(100));
        assertThat(e.snapshot().global().commitsBlocked()).isFalse();
        assertThat(e.snapshot().volume().writable()).isTrue();
    }

    @Test
    void aGlobalFailoverWithThePrimaryUpFencesItAndItRejoinsAfterTheRebuild() {
        AuroraEngine e = twoSecondaries(6);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        EngineSnapshot s = e.snapshot();
        // 1 s + the default rebuild of 600 s
        long ready = seconds(601);
        assertThat(s.regionSnapshot("us-east-1").resyncing()).isTrue();
        assertThat(s.regionSnapshot("us-east-1").role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(s.regionSnapshot("us-east-1").volume().reason()).isEqualTo("us-east-1 (the old primary) is being"
                + " rebuilt from us-west-2 after the global failover until 10:01; no reads until then");
        assertThat(events(e, AuroraEvent.RegionRebuildStarted.class)).singleElement().satisfies(r -> {
            assertThat(r.readyAtMicros()).isEqualTo(ready);
            assertThat(r.oldPrimary()).isTrue();
        });
        assertThat(e.snapshot().forRegion("us-east-1").instance("writer-1").role()).isEqualTo(InstanceRole.READER);
        long cut = events(e, AuroraEvent.GlobalPromotionStarted.class).get(0).keptLsn();
        e.advanceTo(ready - 1);
        assertThat(events(e, AuroraEvent.RegionRejoined.class)).noneMatch(r -> r.region().equals("us-east-1"));
        e.advanceTo(ready);
        // it rejoins holding the new primary's data, not from the cut
        assertThat(events(e, AuroraEvent.RegionRejoined.class)).filteredOn(r -> r.region().equals("us-east-1"))
                .singleElement().satisfies(r -> {
                    assertThat(r.fromLsn()).isGreaterThan(cut);
                    assertThat(r.atMicros()).isEqualTo(ready);
                });
        e.advanceTo(ready + seconds(4));
        s = e.snapshot();
        assertThat(s.regionSnapshot("us-east-1").resyncing()).isFalse();
        assertThat(s.regionSnapshot("us-east-1").rpoLagMicros()).isLessThan(seconds(1));
        assertThat(s.regionSnapshot("us-east-1").readable()).isTrue();
        assertNoInvariantBroken(e);
    }

    @Test
    void aPromotionWaitsForAnInstanceInTheTargetRegionToBeUp() {
        AuroraEngine e = twoSecondaries(6);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailoverGlobal("eu-west-1"));
        e.apply(new Command.FailInstance("eu-1"));
        e.advanceTo(seconds(70));
        assertThat(e.snapshot().failoverInProgress().phase().label()).isEqualTo("global promoting");
        e.apply(new Command.RestoreInstance("eu-1"));
        // eu-1 is up again 10 s later; the promotion, retried every whole second since 60 s, takes it at once
        e.advanceTo(seconds(80) - 1);
        assertThat(e.snapshot().volume().writable()).isFalse();
        e.advanceTo(seconds(80));
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("eu-1");
        assertThat(s.failovers()).singleElement()
                .satisfies(f -> assertThat(f.completedAtMicros()).isEqualTo(seconds(80)));
    }

    @Test
    void aGlobalFailoverDuringAnInRegionFailoverCountsTheWriteOutageFromTheWritersFailure() {
        AuroraEngine e = twoSecondaries(6);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(5));
        assertThat(e.apply(new Command.FailoverGlobal("us-west-2")).accepted()).isTrue();
        e.advanceTo(seconds(70));
        EngineSnapshot s = e.snapshot();
        // the in-region failover it replaced never finishes: reader-1 is not promoted
        assertThat(eventTypes(e)).doesNotContain("WriterPromoted", "FailoverCompleted");
        assertThat(s.failovers()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailoverKind.GLOBAL_FAILOVER);
            assertThat(f.startedAtMicros()).isEqualTo(seconds(5));
            assertThat(f.writeOutageStartedMicros()).isEqualTo(seconds(1));
            assertThat(f.completedAtMicros()).isEqualTo(seconds(65));
            assertThat(f.writeDowntimeMicros()).isEqualTo(seconds(64));
            // the commits pending at 1 s failed with the writer: none was acknowledged and then lost
            assertThat(f.acknowledgedWritesLost()).isZero();
            assertThat(f.rpoMicros()).isZero();
        });
        assertThat(s.writerRegion()).isEqualTo("us-west-2");
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("usw-1");
    }

    @Test
    void aGlobalFailoverLosesWhatWasAcknowledgedButNotYetHeldByTheTargetAndSaysHowOldItIs() {
        AuroraEngine e = twoSecondaries(6);
        e.advanceTo(seconds(2));
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        long targetHeld = e.regions().get(2).durableLsn;
        e.apply(new Command.FailoverGlobal("us-west-2"));
        AuroraEvent.GlobalPromotionStarted started = events(e, AuroraEvent.GlobalPromotionStarted.class).get(0);
        assertThat(started.keptLsn()).isEqualTo(targetHeld);
        // every acknowledged commit above what us-west-2 held is lost: 500 writes/s, 35 ms + a batch behind
        assertThat(started.acknowledgedWritesLost()).isEqualTo(acknowledged - e.ledger().commitsAtOrBelow(targetHeld))
                .isBetween(10L, 40L);
        assertThat(started.rpoMicros()).isBetween(20_000L, 80_000L);
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isEqualTo(started.acknowledgedWritesLost());
        assertThat(e.vdl()).isEqualTo(targetHeld);
        e.advanceTo(seconds(63));
        assertThat(e.snapshot().failovers().get(0).rpoMicros()).isEqualTo(started.rpoMicros());
        assertThat(e.snapshot().failovers().get(0).acknowledgedWritesLost())
                .isEqualTo(started.acknowledgedWritesLost());
        assertNoInvariantBroken(e);
    }

    @Test
    void anOldPrimaryBackAfterADetachTakesWritesOfItsOwnAndThatIsASplitBrain() {
        AuroraEngine e = twoSecondaries(6);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailRegion("us-east-1"));
        e.apply(new Command.DetachAndPromote("eu-west-1"));
        e.advanceTo(seconds(70));
        assertThat(e.snapshot().global().splitBrain()).isFalse();
        e.apply(new Command.RestoreRegion("us-east-1"));
        e.advanceTo(seconds(81));
        assertThat(events(e, AuroraEvent.InstanceStarted.class)).extracting(s -> s.instanceId() + ": " + s.role())
                .contains("writer-1: writer of the old global database", "reader-1: reader");
        EngineSnapshot s = e.snapshot();
        assertThat(s.global().splitBrain()).isTrue();
        assertThat(s.global().writableRegions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(s.regionSnapshot("us-east-1").writable()).isTrue();
    }
}
