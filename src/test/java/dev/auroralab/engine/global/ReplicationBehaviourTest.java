package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storage-level replication (global/Replication) worked to the microsecond from the model's numbers: a batch every
 * 10 ms, 500,000 records/s on the link (2 us a record, one LSN a record), the one-way latency and 5 ms of hand-off;
 * then one same-AZ hop (250 us) and a segment persist (150 us) before the secondary's copies hold it.
 */
class ReplicationBehaviourTest {

    /** Link time of a batch: 1e6 us / 500,000 records/s is 2 us a record, and every LSN of a batch is a record. */
    private static long linkMicros(long records) {
        return 2 * records;
    }

    /** Link, one-way latency and the 5 ms hand-off. */
    private static long tripMicros(long records, long latencyMicros) {
        return linkMicros(records) + latencyMicros + 5_000;
    }

    /** Steps until a batch to {@code region} sent after {@code after} is in flight. */
    private static MessageSnapshot batchSentAfter(AuroraEngine e, String region, long after) {
        long deadline = e.nowMicros() + 1_000_000;
        while (e.nowMicros() <= deadline) {
            for (MessageSnapshot m : batchesTo(e, region)) {
                if (m.sentMicros() > after) {
                    return m;
                }
            }
            e.step();
        }
        throw new AssertionError("no batch to " + region + " after " + after);
    }

    @Test
    void aBatchLeavesEveryTenMillisecondsAndArrivesAfterItsRecordsTheLatencyAndTheHandOff() {
        AuroraEngine e = oneSecondary(500, 1);
        e.advanceTo(seconds(1));
        MessageSnapshot first = nextBatchTo(e, "eu-west-1");
        MessageSnapshot second = batchSentAfter(e, "eu-west-1", first.sentMicros());
        assertThat(second.from()).isEqualTo("us-east-1");
        assertThat(second.sentMicros() - first.sentMicros()).isEqualTo(10_000);
        // 500 writes/s: a commit every 2 ms window, so each batch carries the records made durable since the last
        long records = second.lsn() - first.lsn();
        assertThat(records).isPositive();
        // the link was free long before: the first batch's few records took microseconds
        assertThat(second.arrivesMicros() - second.sentMicros()).isEqualTo(tripMicros(records, 75_000));
    }

    @Test
    void theSecondaryHoldsABatchOneHopAndOnePersistAfterItArrivesAndItsReaderAppliesIt() {
        AuroraEngine e = oneSecondary(500, 1);
        e.advanceTo(seconds(1));
        MessageSnapshot b = nextBatchTo(e, "eu-west-1");
        long persisted = b.arrivesMicros() + 250 + 150;
        e.advanceTo(persisted - 1);
        RegionSnapshot before = region(e, "eu-west-1");
        assertThat(before.durableLsn()).isLessThan(b.lsn());
        // arrived, not yet written: what it was given is ahead of what its copies hold, so its durability lag is less;
        // it is the age of the first write above the batch, made durable on the primary after the batch left
        assertThat(before.durabilityLagMicros()).isLessThan(before.rpoLagMicros())
                .isBetween(persisted - 1 - b.sentMicros() - 10_000, persisted - 1 - b.sentMicros());
        e.advanceTo(persisted);
        RegionSnapshot after = region(e, "eu-west-1");
        assertThat(after.durableLsn()).isEqualTo(b.lsn());
        assertThat(after.volume().vdl()).isEqualTo(b.lsn());
        assertThat(after.instances()).singleElement().satisfies(i -> {
            assertThat(i.appliedLsn()).isEqualTo(b.lsn());
            // its lag is the age of the LSN: made durable on the primary at most one batch interval before it left
            long trip = persisted - b.sentMicros();
            assertThat(i.lagMicros()).isBetween(trip, trip + 10_000);
        });
    }

    @Test
    void aBatchThatCannotLeaveInTenMillisecondsHoldsTheLinkAndTheNextOneQueuesBehindIt() {
        AuroraEngine e = oneSecondary(5_000, 2);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailRegion("eu-west-1"));
        e.advanceTo(seconds(3));
        long held = region(e, "eu-west-1").durableLsn();
        e.apply(new Command.RestoreRegion("eu-west-1"));
        MessageSnapshot catchUp = nextBatchTo(e, "eu-west-1");
        // two seconds of 5,000 writes/s: about 20,000 records, 40 ms on the link, four batch intervals
        long records = catchUp.lsn() - held;
        assertThat(linkMicros(records)).isGreaterThan(10_000);
        assertThat(catchUp.arrivesMicros() - catchUp.sentMicros()).isEqualTo(tripMicros(records, 75_000));
        long linkFree = catchUp.sentMicros() + linkMicros(records);
        MessageSnapshot next = batchSentAfter(e, "eu-west-1", catchUp.sentMicros());
        assertThat(next.sentMicros()).isLessThan(linkFree);
        // it starts when the link is free, not when it is sent
        assertThat(next.arrivesMicros()).isEqualTo(linkFree + linkMicros(next.lsn() - catchUp.lsn()) + 80_000);
    }

    @Test
    void noBatchLeavesWhileThePrimaryMakesNothingNewDurable() {
        AuroraEngine e = oneSecondary(500, 3);
        e.advanceTo(seconds(1));
        e.apply(new Command.SetWorkload(0.0, null));
        // the last commits resolve within milliseconds; the last batch is delivered 80 ms after it left
        e.advanceTo(seconds(1.5));
        long vdl = e.snapshot().volume().vdl();
        assertThat(region(e, "eu-west-1").durableLsn()).isEqualTo(vdl);
        for (long t = seconds(1.5); t <= seconds(1.6); t += 1_000) {
            e.advanceTo(t);
            assertThat(batchesTo(e, "eu-west-1")).isEmpty();
        }
    }

    @Test
    void afterASwitchoverTheNewPrimaryShipsToTheOldOneAtItsOwnLatencyAndToAnotherSecondaryAtTheLargerOfTheTwo() {
        AuroraEngine e = twoSecondaries(500, 4);
        e.advanceTo(seconds(1));
        e.apply(new Command.Switchover("us-west-2"));
        e.advanceTo(seconds(25));
        assertThat(e.snapshot().writerRegion()).isEqualTo("us-west-2");
        // us-west-2 is 35 ms from us-east-1 (the scenario's home region) and eu-west-1 is 75 ms from it
        MessageSnapshot home = nextBatchTo(e, "us-east-1");
        MessageSnapshot home2 = batchSentAfter(e, "us-east-1", home.sentMicros());
        assertThat(home2.from()).isEqualTo("us-west-2");
        assertThat(home2.arrivesMicros() - home2.sentMicros()).isEqualTo(tripMicros(home2.lsn() - home.lsn(), 35_000));
        MessageSnapshot eu = nextBatchTo(e, "eu-west-1");
        MessageSnapshot eu2 = batchSentAfter(e, "eu-west-1", eu.sentMicros());
        assertThat(eu2.arrivesMicros() - eu2.sentMicros()).isEqualTo(tripMicros(eu2.lsn() - eu.lsn(), 75_000));
    }

    @Test
    void afterASwitchoverToTheFartherRegionTheHomeRegionIsReachedAtThatRegionsLatency() {
        AuroraEngine e = twoSecondaries(500, 4);
        e.advanceTo(seconds(1));
        e.apply(new Command.Switchover("eu-west-1"));
        e.advanceTo(seconds(25));
        assertThat(e.snapshot().writerRegion()).isEqualTo("eu-west-1");
        MessageSnapshot home = nextBatchTo(e, "us-east-1");
        MessageSnapshot home2 = batchSentAfter(e, "us-east-1", home.sentMicros());
        assertThat(home2.arrivesMicros() - home2.sentMicros()).isEqualTo(tripMicros(home2.lsn() - home.lsn(), 75_000));
        MessageSnapshot usw = nextBatchTo(e, "us-west-2");
        MessageSnapshot usw2 = batchSentAfter(e, "us-west-2", usw.sentMicros());
        assertThat(usw2.arrivesMicros() - usw2.sentMicros()).isEqualTo(tripMicros(usw2.lsn() - usw.lsn(), 75_000));
    }

    @Test
    void aFailedCopyOfASecondaryReceivesNothingWhileTheOtherFiveGoOnAndTheRegionStaysDurable() {
        AuroraEngine e = oneSecondary(500, 5);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("eu-west-1/pg-0/eu-west-1a/1"));
        long frozen = copy(e, "eu-west-1/pg-0/eu-west-1a/1").scl();
        e.advanceTo(seconds(2));
        assertThat(copy(e, "eu-west-1/pg-0/eu-west-1a/1").scl()).isEqualTo(frozen);
        ProtectionGroupSnapshot pg = region(e, "eu-west-1").volume().protectionGroups().get(0);
        assertThat(copy(e, "eu-west-1/pg-0/eu-west-1b/1").scl()).isGreaterThan(frozen);
        // the group's PGCL is what its write quorum (here every healthy copy, all at the same SCL) holds
        long healthy = copy(e, "eu-west-1/pg-0/eu-west-1b/1").scl();
        assertThat(pg.segments()).filteredOn(s -> !s.address().equals("eu-west-1/pg-0/eu-west-1a/1"))
                .extracting(SegmentSnapshot::scl).containsOnly(healthy);
        assertThat(pg.pgcl()).isEqualTo(healthy);
        assertThat(region(e, "eu-west-1").rpoLagMicros()).isLessThan(100_000);
    }

    @Test
    void copiesInASecondaryAzThatIsOutReceiveNothingUntilItIsBack() {
        AuroraEngine e = oneSecondary(500, 5);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("eu-west-1c"));
        long frozen = copy(e, "eu-west-1/pg-1/eu-west-1c/2").scl();
        e.advanceTo(seconds(2));
        assertThat(copy(e, "eu-west-1/pg-1/eu-west-1c/2").scl()).isEqualTo(frozen);
        assertThat(copy(e, "eu-west-1/pg-1/eu-west-1a/2").scl()).isGreaterThan(frozen);
        assertThat(region(e, "eu-west-1").durableLsn()).isGreaterThan(frozen);
    }

    @Test
    void aDetachedClustersWritesAreShippedNowhere() {
        AuroraEngine e = twoSecondaries(500, 6);
        e.advanceTo(seconds(1));
        e.apply(new Command.DetachAndPromote("eu-west-1"));
        e.advanceTo(seconds(65));
        assertThat(e.snapshot().volume().writable()).isTrue();
        long usw = region(e, "us-west-2").durableLsn();
        long home = region(e, "us-east-1").durableLsn();
        e.advanceTo(seconds(67));
        assertThat(e.snapshot().volume().vdl()).isGreaterThan(usw);
        assertThat(region(e, "us-west-2").durableLsn()).isEqualTo(usw);
        assertThat(region(e, "us-east-1").durableLsn()).isEqualTo(home);
        assertThat(e.snapshot().messagesInFlight()).noneMatch(m -> m.kind().label().equals("replication"));
    }

    @Test
    void aBatchCaughtByARegionOutageBeforeItsCopiesWroteItIsSentAgainFromWhatTheRegionHeld() {
        AuroraEngine e = oneSecondary(500, 7);
        e.advanceTo(seconds(1));
        MessageSnapshot lost = nextBatchTo(e, "eu-west-1");
        // it arrives (appended) but the region goes dark before the hop and the persist
        e.advanceTo(lost.arrivesMicros() + 100);
        long held = region(e, "eu-west-1").durableLsn();
        assertThat(held).isLessThan(lost.lsn());
        e.apply(new Command.FailRegion("eu-west-1"));
        e.advanceTo(lost.arrivesMicros() + 1_000);
        assertThat(region(e, "eu-west-1").durableLsn()).isEqualTo(held);
        e.advanceTo(seconds(2));
        e.apply(new Command.RestoreRegion("eu-west-1"));
        MessageSnapshot resent = nextBatchTo(e, "eu-west-1");
        // the batch after the outage carries everything above what the copies held, the lost batch included
        assertThat(resent.arrivesMicros() - resent.sentMicros()).isEqualTo(tripMicros(resent.lsn() - held, 75_000));
        e.advanceTo(resent.arrivesMicros() + 400);
        assertThat(region(e, "eu-west-1").durableLsn()).isEqualTo(resent.lsn());
    }

    @Test
    void aSecondaryGroupThatRegainsItsWriteQuorumByGossipMakesTheRegionDurableWithoutANewBatch() {
        AuroraEngine e = oneSecondary(500, 8);
        e.advanceTo(seconds(1));
        // three of pg-0's six copies out: four are a write quorum, so nothing above this is durable in eu-west-1
        e.apply(new Command.FailSegment("eu-west-1/pg-0/eu-west-1a/1"));
        e.apply(new Command.FailSegment("eu-west-1/pg-0/eu-west-1a/2"));
        e.apply(new Command.FailSegment("eu-west-1/pg-0/eu-west-1b/1"));
        long stuck = region(e, "eu-west-1").durableLsn();
        // the primary stops writing: the last batches arrive, and no batch comes after them
        e.apply(new Command.SetWorkload(0.0, null));
        e.advanceTo(seconds(1.5));
        long vdl = e.snapshot().volume().vdl();
        assertThat(region(e, "eu-west-1").durableLsn()).isEqualTo(stuck).isLessThan(vdl);
        assertThat(batchesTo(e, "eu-west-1")).isEmpty();
        // one copy back: it catches up from its peers, and the group holds everything at four copies again
        e.apply(new Command.RestoreSegment("eu-west-1/pg-0/eu-west-1b/1"));
        e.advanceTo(seconds(3));
        RegionSnapshot eu = region(e, "eu-west-1");
        assertThat(eu.durableLsn()).isEqualTo(vdl);
        long healthy = copy(e, "eu-west-1/pg-0/eu-west-1c/1").scl();
        assertThat(copy(e, "eu-west-1/pg-0/eu-west-1b/1").scl()).isEqualTo(healthy);
        assertThat(eu.volume().protectionGroups().get(0).pgcl()).isEqualTo(healthy);
        long lag = eu.instances().get(0).lagMicros();
        // another copy back changes nothing durable: the reader's lag stays what it was when it applied the LSN
        e.apply(new Command.RestoreSegment("eu-west-1/pg-0/eu-west-1a/1"));
        e.advanceTo(seconds(5));
        assertThat(copy(e, "eu-west-1/pg-0/eu-west-1a/1").scl()).isEqualTo(healthy);
        assertThat(region(e, "eu-west-1").durableLsn()).isEqualTo(vdl);
        assertThat(region(e, "eu-west-1").instances().get(0).lagMicros()).isEqualTo(lag);
    }

    private static SegmentSnapshot copy(AuroraEngine e, String address) {
        for (RegionSnapshot r : e.snapshot().regions()) {
            for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                for (SegmentSnapshot s : pg.segments()) {
                    if (s.address().equals(address)) {
                        return s;
                    }
                }
            }
        }
        throw new AssertionError("no copy " + address);
    }
}
