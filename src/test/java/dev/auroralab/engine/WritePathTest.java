package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.MessageKind;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.storage.ProtectionGroup;
import dev.auroralab.engine.storage.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The write path (storage/WritePath): acknowledgements move PGCL only forward and only for the writer that sent the
 * boxcar in the current epoch; the workload command; the LSN allocation limit (P17 §4.2.1).
 */
class WritePathTest {

    private static Scheduled.AckDelivery ack(Segment s, int prefix, String writerId, long epoch) {
        return new Scheduled.AckDelivery(new Scheduled.CopyRef(0, s.pg().index(), s.letter()), prefix, writerId, epoch,
                0, 0);
    }

    @Test
    void aPgclNeverMovesBackWhenThreeCopiesAreWipedAndLateAcksArrive() {
        AuroraEngine e = light(4);
        e.advanceTo(seconds(2));
        ProtectionGroup pg = e.protectionGroups().get(0);
        int pgclBefore = pg.pgclBoxcar();
        assertThat(pgclBefore).isPositive();
        // A, B and C lose everything they held (and the writer's view of it): four of the six acknowledged
        // prefixes left are D, E, F and -1, so the fourth highest is -1
        for (String address : List.of("pg-0/az-a/1", "pg-0/az-a/2", "pg-0/az-b/1")) {
            e.apply(new Command.DestroySegment(address));
        }
        assertThat(pg.quorumAckedPrefix()).isEqualTo(-1);
        // the acknowledgements still on the wire from D, E and F arrive
        e.advanceTo(seconds(2) + 5_000);
        Segment d = pg.slot(3).current();
        e.deliver(ack(d, d.ackedPrefix() + 1_000, "writer-1", 1));
        assertThat(pg.pgclBoxcar()).isEqualTo(pgclBefore);
        assertThat(e.vcl()).isGreaterThanOrEqualTo(e.vdl());
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isZero();
        assertNoInvariantBroken(e);
    }

    @Test
    void anAcknowledgementOnlyCountsFromTheWriterThatSentTheBoxcarInTheCurrentEpoch() {
        AuroraEngine e = light(4);
        e.advanceTo(seconds(1));
        // stop the traffic so nothing but the crafted acknowledgements moves the writer's view
        e.apply(new Command.SetWorkload(0.0, null));
        e.advanceTo(seconds(2));
        ProtectionGroup pg = e.protectionGroups().get(0);
        Segment a = pg.slot(0).current();
        int known = a.ackedPrefix();
        e.deliver(ack(a, known + 5, "reader-1", 1));
        assertThat(a.ackedPrefix()).as("another instance's acknowledgement").isEqualTo(known);
        e.deliver(ack(a, known + 5, "writer-1", 2));
        assertThat(a.ackedPrefix()).as("an acknowledgement from another epoch").isEqualTo(known);
        e.deliver(ack(a, known - 1, "writer-1", 1));
        assertThat(a.ackedPrefix()).as("an older acknowledgement").isEqualTo(known);
        e.deliver(ack(a, known + 5, "writer-1", 1));
        assertThat(a.ackedPrefix()).isEqualTo(known + 5);

        e.apply(new Command.FailInstance("writer-1"));
        e.deliver(ack(a, known + 9, "writer-1", 1));
        assertThat(a.ackedPrefix()).as("an acknowledgement reaching a writer that is down").isEqualTo(known + 5);
    }

    @Test
    void theWorkloadCommandRefusesNegativeAndUndefinedRatesAndLeavesAnOmittedRateAlone() {
        AuroraEngine e = light(4);
        CommandResult negative = e.apply(new Command.SetWorkload(-1.0, null));
        assertThat(negative.accepted()).isFalse();
        assertThat(negative.message()).isEqualTo("rates cannot be negative");
        assertThat(e.apply(new Command.SetWorkload(null, -0.5)).accepted()).isFalse();
        assertThat(e.apply(new Command.SetWorkload(Double.NaN, null)).accepted()).isFalse();
        assertThat(e.apply(new Command.SetWorkload(null, Double.NaN)).accepted()).isFalse();
        assertThat(e.snapshot().writesPerSecond()).isEqualTo(200.0);
        assertThat(e.snapshot().readsPerSecond()).isEqualTo(1000.0);

        assertThat(e.apply(new Command.SetWorkload(50.0, null)).message()).isEqualTo("workload changed");
        assertThat(e.snapshot().writesPerSecond()).isEqualTo(50.0);
        assertThat(e.snapshot().readsPerSecond()).isEqualTo(1000.0);
        e.apply(new Command.SetWorkload(null, 7.0));
        assertThat(e.snapshot().writesPerSecond()).isEqualTo(50.0);
        assertThat(e.snapshot().readsPerSecond()).isEqualTo(7.0);
        assertThat(e.events().stream().filter(AuroraEvent.WorkloadChanged.class::isInstance)
                .map(AuroraEvent.WorkloadChanged.class::cast).toList())
                .extracting(w -> w.writesPerSecond() + "/" + w.readsPerSecond())
                .containsExactly("50.0/1000.0", "50.0/7.0");
    }

    @Test
    void aWriteRateOfZeroAllocatesNoLsnAndARateOfOneAndAHalfCarriesItsRemainder() {
        AuroraEngine e = new AuroraEngine(spec(10, 0, 0, 1, writer("writer-1", "az-a")));
        e.advanceTo(seconds(1));
        assertThat(e.snapshot().counters().writesIssued()).isZero();
        assertThat(e.snapshot().volume().nextLsn()).isEqualTo(1);
        // no write, no boxcar
        assertThat(e.protectionGroups().get(0).log().size()).isZero();
        // 750 writes/s is 1.5 per 2 ms window: 1, 2, 1, 2, ...
        e.apply(new Command.SetWorkload(750.0, null));
        e.advanceTo(seconds(1) + 8_000);
        assertThat(e.snapshot().counters().writesIssued()).isEqualTo(1 + 2 + 1 + 2);
        // two records per write
        assertThat(e.snapshot().volume().nextLsn()).isEqualTo(1 + 2 * 6);
    }

    /** One group, a million writes a second: the 10,000,000-LSN limit is 5,000,000 writes, 5 s of them. */
    private static AuroraEngine throttledAt8s() {
        AuroraEngine e = new AuroraEngine(spec(10, 1_000_000, 0, 1, writer("writer-1", "az-a")));
        e.advanceTo(seconds(0.5));
        // an AZ plus one: three copies accept boxcars, no write reaches a quorum, VDL stops
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));
        e.advanceTo(seconds(8));
        return e;
    }

    @Test
    void noLsnIsAllocatedMoreThanTheLimitAboveVdl() {
        AuroraEngine e = throttledAt8s();
        long stuckVdl = e.vdl();
        List<AuroraEvent.LsnAllocationLimitReached> reached = e.events().stream()
                .filter(AuroraEvent.LsnAllocationLimitReached.class::isInstance)
                .map(AuroraEvent.LsnAllocationLimitReached.class::cast).toList();
        assertThat(reached).singleElement().satisfies(r -> {
            assertThat(r.vdl()).isEqualTo(stuckVdl);
            assertThat(r.limit()).isEqualTo(stuckVdl + 10_000_000);
        });
        EngineSnapshot s = e.snapshot();
        long limit = stuckVdl + 10_000_000;
        // the last window that fitted ended at or below the limit; one more (4,000 LSNs) would not have
        assertThat(s.volume().nextLsn() - 1).isLessThanOrEqualTo(limit).isGreaterThan(limit - 4_000);
        assertThat(s.volume().allocationLimitLsn()).isEqualTo(limit);
        // writes past the limit wait for an LSN (throttled, not failed): everything issued and not acknowledged is
        // pending, and more is pending than holds an LSN
        assertThat(s.counters().writesFailed()).isZero();
        assertThat(s.counters().writesPending())
                .isEqualTo(s.counters().writesIssued() - s.counters().writesAcknowledged())
                .isGreaterThan((s.volume().nextLsn() - 1 - stuckVdl) / 2);
        // the missing quorum, not the throttle, is what the reason names first
        assertThat(s.volume().reason()).isEqualTo("pg-0 reaches 3 of 6 copies; writes need 4");
        assertNoInvariantBroken(e);
    }

    /**
     * Once the allocation limit stops new LSNs no boxcar is sent, so the writer can only learn that copies came back
     * and caught up from the copies themselves: each reports its SCL (P18 §2.3), PGCL, VCL and VDL move on and the
     * throttled writes go on. (Before issue 12 the writer learned SCLs only from boxcar acknowledgements and stayed
     * throttled for good.)
     */
    @Test
    void writesResumeOnceTheQuorumIsBackAfterTheAllocationLimitWasReached() {
        AuroraEngine e = throttledAt8s();
        long stuckVdl = e.vdl();
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        e.apply(new Command.RestoreSegment("pg-0/az-b/1"));
        e.advanceTo(seconds(10));
        EngineSnapshot after = e.snapshot();
        assertThat(after.volume().vdl()).isGreaterThan(stuckVdl);
        assertThat(after.counters().writesAcknowledged()).isGreaterThan(acknowledged);
        assertThat(after.volume().writable()).isTrue();
    }

    @Test
    void aSingleGroupsBoxcarsCarryEveryAllocatedLsnBackToBack() {
        AuroraEngine e = new AuroraEngine(spec(10, 1_000, 0, 1, writer("writer-1", "az-a")));
        e.advanceTo(seconds(0.2));
        var log = e.protectionGroups().get(0).log();
        // 2 writes of 2 records per 2 ms window, windows at 0 ms to 200 ms: 101 boxcars of 4 LSNs
        assertThat(log.size()).isEqualTo(101);
        assertThat(log.firstLsn(0)).isEqualTo(1);
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.lastLsn(i) - log.firstLsn(i)).isEqualTo(3);
            if (i > 0) {
                assertThat(log.firstLsn(i)).isEqualTo(log.lastLsn(i - 1) + 1);
            }
        }
        assertThat(log.lastLsn(log.size() - 1)).isEqualTo(e.ledger().maxAllocatedLsn()).isEqualTo(404);
    }

    @Test
    void everyBoxcarOfAVolumeLiesWithinTheLsnsAllocatedAndEachGroupsBoxcarsFollowOneAnother() {
        AuroraEngine e = light(1);
        e.advanceTo(seconds(0.5));
        long max = e.ledger().maxAllocatedLsn();
        long highest = 0;
        long lowest = Long.MAX_VALUE;
        for (var pg : e.protectionGroups()) {
            var log = pg.log();
            for (int i = 0; i < log.size(); i++) {
                assertThat(log.firstLsn(i)).isLessThanOrEqualTo(log.lastLsn(i));
                if (i > 0) {
                    assertThat(log.firstLsn(i)).isGreaterThan(log.lastLsn(i - 1));
                }
                highest = Math.max(highest, log.lastLsn(i));
                lowest = Math.min(lowest, log.firstLsn(i));
            }
        }
        assertThat(lowest).isEqualTo(1);
        assertThat(highest).isEqualTo(max);
    }

    @Test
    void aBoxcarTakesAtLeastAHopAndAPersistAndACommitWaitsForItsWindowAndAQuorum() {
        AuroraEngine e = new AuroraEngine(spec(10, 1_000, 0, 1, writer("writer-1", "az-a")));
        e.advanceTo(seconds(2) + 1_000);
        int boxcars = 0;
        int acks = 0;
        for (var m : e.snapshot().messagesInFlight()) {
            boolean sameAz = m.kind() == MessageKind.BOXCAR ? m.to().contains("/az-a/") : m.from().contains("/az-a/");
            long hop = sameAz ? 250 : 600;
            if (m.kind() == MessageKind.BOXCAR) {
                // the hop (with its jitter) and 150 us to persist
                assertThat(m.arrivesMicros() - m.sentMicros()).as(m.toString()).isGreaterThanOrEqualTo(hop + 150);
                boxcars++;
            } else if (m.kind() == MessageKind.ACK) {
                assertThat(m.arrivesMicros() - m.sentMicros()).as(m.toString()).isGreaterThanOrEqualTo(hop);
                acks++;
            }
        }
        // 1 ms after a window closed, its boxcars are on the wire and the first acknowledgements on their way back
        assertThat(boxcars).as("boxcars in flight").isPositive();
        assertThat(acks).as("acknowledgements in flight").isPositive();
        var c = e.snapshot().counters();
        // a commit waits about a millisecond for its window to close and about two for its fourth acknowledgement
        assertThat(c.commitLatencyP50Micros()).isBetween(2_000L, 5_000L);
        assertThat(c.commitLatencyMaxMicros()).isLessThan(20_000);
        assertThat(c.commitLatencySumMicros() / c.writesAcknowledged()).isGreaterThan(1_850);
    }
}
