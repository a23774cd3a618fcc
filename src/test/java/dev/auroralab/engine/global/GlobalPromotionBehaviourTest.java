package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.engine.snapshot.RegionRole;
import org.junit.jupiter.api.Test;

/**
 * Switchover, global failover and detach-and-promote (global/GlobalPromotion) checked against the model's fixed
 * times: a promotion takes 60 s (ModelValues.GLOBAL_PROMOTION_MICROS) and is retried every whole second while the
 * target has nobody to promote or no read quorum; a switchover swaps the roles 20 s after the target is in sync.
 */
class GlobalPromotionBehaviourTest {

    private static final long PROMOTION = ModelValues.GLOBAL_PROMOTION_MICROS;

    @Test
    void aFailoverWhileThePrimaryRegionIsOutCountsTheWriteOutageFromTheRegionsFailure() {
        AuroraEngine e = twoSecondaries(500, 1);
        e.advanceTo(seconds(2));
        e.apply(new Command.FailRegion("us-east-1"));
        e.advanceTo(seconds(5));
        var result = e.apply(new Command.FailoverGlobal("us-west-2"));
        AuroraEvent.GlobalPromotionStarted started = events(e, AuroraEvent.GlobalPromotionStarted.class).get(0);
        assertThat(result.message()).isEqualTo("global-failover to us-west-2 started; "
                + started.acknowledgedWritesLost() + " acknowledged write(s) lost");
        assertThat(started.kind()).isEqualTo(FailoverKind.GLOBAL_FAILOVER);
        assertThat(started.from()).isEqualTo("us-east-1");
        assertThat(started.to()).isEqualTo("us-west-2");
        // the writes of the last 35 ms and more were on their way when the region went dark
        assertThat(started.acknowledgedWritesLost()).isPositive();
        assertThat(events(e, AuroraEvent.AcknowledgedWritesLost.class)).singleElement().satisfies(l -> {
            assertThat(l.count()).isEqualTo(started.acknowledgedWritesLost());
            assertThat(l.reason()).isEqualTo("they were not yet replicated to us-west-2 when it was promoted; they"
                    + " are in the old primary's snapshot rds:unplanned-global-failover-us-east-1-0m05s (taken when"
                    + " us-east-1 is up), to recover by hand");
        });
        EngineSnapshot during = e.snapshot();
        assertThat(during.failoverInProgress().phase()).isEqualTo(FailoverPhase.GLOBAL_PROMOTING);
        assertThat(during.failoverInProgress().from()).isEqualTo("us-east-1");
        assertThat(during.failoverInProgress().to()).isEqualTo("us-west-2");
        assertThat(during.failoverInProgress().startedAtMicros()).isEqualTo(seconds(5));
        assertThat(during.failoverInProgress().globalOperation()).isEqualTo(FailoverKind.GLOBAL_FAILOVER);
        // the old primary is out: it is snapshotted and rebuilt only once it is back
        assertThat(events(e, AuroraEvent.RegionRebuildStarted.class)).isEmpty();
        assertThat(events(e, AuroraEvent.OldPrimarySnapshotTaken.class)).isEmpty();

        e.advanceTo(seconds(5) + PROMOTION - 1);
        assertThat(e.snapshot().volume().writable()).isFalse();
        e.advanceTo(seconds(5) + PROMOTION);
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.failoverInProgress()).isNull();
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("usw-1");
        assertThat(s.regionSnapshot("us-west-2").role()).isEqualTo(RegionRole.PRIMARY);
        FailoverRecord f = s.failovers().get(0);
        assertThat(f.kind()).isEqualTo(FailoverKind.GLOBAL_FAILOVER);
        assertThat(f.from()).isEqualTo("us-east-1");
        assertThat(f.to()).isEqualTo("us-west-2");
        assertThat(f.startedAtMicros()).isEqualTo(seconds(5));
        assertThat(f.completedAtMicros()).isEqualTo(seconds(5) + PROMOTION);
        assertThat(f.writeOutageStartedMicros()).isEqualTo(seconds(2));
        assertThat(f.acknowledgedWritesLost()).isEqualTo(started.acknowledgedWritesLost());
        assertThat(f.rpoMicros()).isEqualTo(started.rpoMicros()).isPositive();
        assertThat(events(e, AuroraEvent.GlobalPromotionCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(FailoverKind.GLOBAL_FAILOVER);
            assertThat(c.from()).isEqualTo("us-east-1");
            assertThat(c.to()).isEqualTo("us-west-2");
            assertThat(c.writerId()).isEqualTo("usw-1");
            assertThat(c.rtoMicros()).isEqualTo(PROMOTION);
        });
    }

    @Test
    void aFailoverFromAPrimaryThatStillWritesStartsItsWriteOutageWhenItIsAskedFor() {
        AuroraEngine e = twoSecondaries(500, 2);
        e.advanceTo(seconds(2));
        e.apply(new Command.FailoverGlobal("eu-west-1"));
        e.advanceTo(seconds(2) + PROMOTION);
        FailoverRecord f = e.snapshot().failovers().get(0);
        assertThat(f.writeOutageStartedMicros()).isEqualTo(seconds(2));
        assertThat(f.writeDowntimeMicros()).isEqualTo(PROMOTION);
        // the old writer is fenced: a reader of what is now a secondary, restarted at once
        assertThat(events(e, AuroraEvent.InstanceRestarting.class)).extracting(AuroraEvent.InstanceRestarting::instanceId)
                .containsExactly("writer-1");
        assertThat(e.snapshot().forRegion("us-east-1").instance("writer-1").role()).isEqualTo(InstanceRole.READER);
    }

    @Test
    void aDetachSaysTheLostWritesWereNotReplicatedWhenItWasDetachedAndTheOldWriterKeepsItsRole() {
        AuroraEngine e = twoSecondaries(500, 3);
        e.advanceTo(seconds(2));
        e.apply(new Command.DetachAndPromote("eu-west-1"));
        assertThat(events(e, AuroraEvent.AcknowledgedWritesLost.class)).singleElement().satisfies(l ->
                assertThat(l.reason()).isEqualTo("they were not yet replicated to eu-west-1 when it was detached"));
        assertThat(events(e, AuroraEvent.InstanceRestarting.class)).isEmpty();
        assertThat(events(e, AuroraEvent.RegionRebuildStarted.class)).isEmpty();
        assertThat(e.snapshot().forRegion("us-east-1").instance("writer-1").role()).isEqualTo(InstanceRole.WRITER);
        assertThat(region(e, "us-east-1").role()).isEqualTo(RegionRole.PRIMARY);
        assertThat(region(e, "eu-west-1").role()).isEqualTo(RegionRole.DETACHED);
        e.advanceTo(seconds(2) + PROMOTION);
        assertThat(e.snapshot().endpoints().clusterEndpoint()).isEqualTo("eu-1");
        assertThat(e.snapshot().failovers()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailoverKind.DETACH_AND_PROMOTE);
            assertThat(f.writeOutageStartedMicros()).isEqualTo(seconds(2));
        });
    }

    @Test
    void aPromotionWaitsForAReadQuorumOfEveryGroupInTheTargetRegion() {
        AuroraEngine e = twoSecondaries(500, 4);
        e.advanceTo(seconds(2));
        e.apply(new Command.FailoverGlobal("eu-west-1"));
        // two of eu-west-1's three AZs out: two copies of each PG are left, and three are a read quorum; eu-1 (in
        // eu-west-1a) stays up to be promoted
        e.apply(new Command.FailAvailabilityZone("eu-west-1b"));
        e.apply(new Command.FailAvailabilityZone("eu-west-1c"));
        e.advanceTo(seconds(2) + PROMOTION + seconds(3.5));
        assertThat(e.snapshot().volume().writable()).isFalse();
        assertThat(e.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.GLOBAL_PROMOTING);
        e.apply(new Command.RestoreAvailabilityZone("eu-west-1c"));
        // the retries come every whole second after 62 s: the first one after the AZ is back promotes
        e.advanceTo(seconds(66) - 1);
        assertThat(e.snapshot().volume().writable()).isFalse();
        e.advanceTo(seconds(66));
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.failovers()).singleElement()
                .satisfies(f -> assertThat(f.completedAtMicros()).isEqualTo(seconds(66)));
    }

    @Test
    void theOtherReadersOfTheNewPrimaryRegionStartFromItsRecoveredVolumeWithNoLag() {
        AuroraEngine e = new AuroraEngine(global(500, 5, secondary("eu-west-1", 75, "eu-1", "eu-2"),
                secondary("us-west-2", 35, "usw-1")));
        e.advanceTo(seconds(2));
        e.apply(new Command.FailoverGlobal("eu-west-1"));
        e.advanceTo(seconds(2) + PROMOTION);
        EngineSnapshot s = e.snapshot();
        String writer = s.endpoints().clusterEndpoint();
        String other = writer.equals("eu-1") ? "eu-2" : "eu-1";
        assertThat(s.instances()).extracting(i -> i.id()).contains(writer, other);
        assertThat(s.forRegion("eu-west-1").instance(other).appliedLsn()).isEqualTo(s.volume().vdl());
        assertThat(s.forRegion("eu-west-1").instance(other).lagMicros()).isZero();
    }

    @Test
    void aSwitchoverMakesTheOldPrimaryASecondaryThatHoldsEverythingItMadeDurable() {
        AuroraEngine e = twoSecondaries(500, 6);
        e.advanceTo(seconds(1));
        e.apply(new Command.Switchover("us-west-2"));
        e.advanceTo(seconds(1.5));
        AuroraEvent.GlobalSecondaryInSync inSync = events(e, AuroraEvent.GlobalSecondaryInSync.class).get(0);
        assertThat(inSync.region()).isEqualTo("us-west-2");
        EngineSnapshot s = e.snapshot();
        // the old primary's volume stopped at what it had made durable: it is behind nothing
        assertThat(s.regionSnapshot("us-east-1").role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(s.regionSnapshot("us-east-1").durableLsn()).isEqualTo(inSync.lsn());
        assertThat(s.regionSnapshot("us-east-1").rpoLagMicros()).isZero();
        assertThat(s.failoverInProgress().phase()).isEqualTo(FailoverPhase.SWITCHOVER_RECONFIGURING);
        assertThat(s.failoverInProgress().from()).isEqualTo("us-east-1");
        assertThat(s.failoverInProgress().to()).isEqualTo("us-west-2");
        assertThat(s.failoverInProgress().startedAtMicros()).isEqualTo(seconds(1));
        e.advanceTo(inSync.atMicros() + ModelValues.GLOBAL_SWITCHOVER_MICROS);
        assertThat(events(e, AuroraEvent.GlobalPromotionCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(FailoverKind.GLOBAL_SWITCHOVER);
            assertThat(c.writerId()).isEqualTo("usw-1");
        });
        assertThat(e.snapshot().failovers().get(0).writeOutageStartedMicros()).isEqualTo(seconds(1));
    }

    @Test
    void aSwitchoverIsAnnouncedAndAtTheInstantTheTargetIsInSyncTheOldWriterIsAReaderAndTheVolumeSaysWhy() {
        AuroraEngine e = twoSecondaries(500, 7);
        e.advanceTo(seconds(1));
        e.apply(new Command.Switchover("eu-west-1"));
        assertThat(events(e, AuroraEvent.GlobalSwitchoverStarted.class)).singleElement().satisfies(g -> {
            assertThat(g.atMicros()).isEqualTo(seconds(1));
            assertThat(g.from()).isEqualTo("us-east-1");
            assertThat(g.to()).isEqualTo("eu-west-1");
        });
        // step to the very instant eu-west-1 holds every acknowledged write
        long deadline = seconds(2);
        while (events(e, AuroraEvent.GlobalSecondaryInSync.class).isEmpty() && e.nowMicros() < deadline) {
            e.step();
        }
        EngineSnapshot s = e.snapshot();
        assertThat(s.writerRegion()).isEqualTo("eu-west-1");
        assertThat(s.volume().reason()).startsWith("switchover to eu-west-1: the regions swap roles");
        assertThat(s.forRegion("us-east-1").instance("writer-1").role()).isEqualTo(InstanceRole.READER);
        assertThat(s.regionSnapshot("us-east-1").endpoints().clusterEndpoint()).isNull();
    }

    @Test
    void aSecondFailoverCountsOnlyTheWritesItLosesItself() {
        AuroraEngine e = twoSecondaries(500, 8);
        e.advanceTo(seconds(2));
        e.apply(new Command.FailoverGlobal("us-west-2"));
        long firstLoss = e.snapshot().counters().acknowledgedWritesLost();
        assertThat(firstLoss).isPositive();
        // eu-west-1 is rebuilt after the first failover: 2 s + 60 s + 600 s
        e.advanceTo(seconds(670));
        assertThat(e.snapshot().volume().writable()).isTrue();
        assertThat(region(e, "eu-west-1").readable()).isTrue();
        // eu-west-1 is 75 ms from us-east-1 and from us-west-2 alike: the new primary's last writes are not there yet
        var result = e.apply(new Command.FailoverGlobal("eu-west-1"));
        long secondLoss = e.snapshot().counters().acknowledgedWritesLost() - firstLoss;
        assertThat(secondLoss).isPositive();
        assertThat(result.message()).isEqualTo("global-failover to eu-west-1 started; " + secondLoss
                + " acknowledged write(s) lost");
        assertThat(events(e, AuroraEvent.GlobalPromotionStarted.class)).last().satisfies(g -> {
            assertThat(g.from()).isEqualTo("us-west-2");
            assertThat(g.acknowledgedWritesLost()).isEqualTo(secondLoss);
        });
        assertThat(events(e, AuroraEvent.AcknowledgedWritesLost.class)).last()
                .satisfies(l -> assertThat(l.count()).isEqualTo(secondLoss));
        e.advanceTo(seconds(670) + PROMOTION);
        assertThat(e.snapshot().failovers()).extracting(FailoverRecord::acknowledgedWritesLost)
                .containsExactly(firstLoss, secondLoss);
    }

    @Test
    void aFailoverAfterTheWritesStoppedAndReplicatedLosesNothingAndSaysNothingWasLost() {
        AuroraEngine e = twoSecondaries(500, 9);
        e.advanceTo(seconds(1));
        e.apply(new Command.SetWorkload(0.0, null));
        // the last batch reaches eu-west-1 within a tenth of a second
        e.advanceTo(seconds(2));
        var result = e.apply(new Command.FailoverGlobal("eu-west-1"));
        assertThat(result.message()).isEqualTo("global-failover to eu-west-1 started; 0 acknowledged write(s) lost");
        assertThat(events(e, AuroraEvent.AcknowledgedWritesLost.class)).isEmpty();
        assertThat(events(e, AuroraEvent.GlobalPromotionStarted.class)).singleElement().satisfies(g -> {
            assertThat(g.acknowledgedWritesLost()).isZero();
            assertThat(g.rpoMicros()).isZero();
        });
        e.advanceTo(seconds(2) + PROMOTION);
        assertThat(e.snapshot().failovers()).singleElement().satisfies(f -> {
            assertThat(f.acknowledgedWritesLost()).isZero();
            assertThat(f.rpoMicros()).isZero();
        });
    }
}
