package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.auroralab.engine.check.SafetyWatch;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.CountersSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Boxcars the writer sent while no reachable copy of pg-0 could take them (its copies down, not destroyed) are sent
 * again once copies return and no peer holds them: the writer keeps what has not reached a write quorum (P17 §4.2,
 * P18 §2.3). A 10 GiB volume is one protection group; its copies sit on nodes 1 and 2 of each AZ. Nothing is lost, so
 * every write is acknowledged once four copies hold it again, even when no new write arrives to push things along.
 * The expected counts come from the workload (200 writes/s), not from the engine.
 */
class WriterResendTest {

    private static final double WRITES_PER_SECOND = 200;

    private static AuroraEngine oneGroup() {
        return new AuroraEngine(spec(10, WRITES_PER_SECOND, 1000, 4, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
    }

    private static void fail(AuroraEngine e, List<String> copies) {
        copies.forEach(c -> assertThat(e.apply(new Command.FailSegment(c)).accepted()).isTrue());
    }

    private static void restore(AuroraEngine e, List<String> copies) {
        copies.forEach(c -> assertThat(e.apply(new Command.RestoreSegment(c)).accepted()).isTrue());
    }

    private static final List<String> COPY_1_OF_EACH_AZ = List.of("pg-0/az-a/1", "pg-0/az-b/1", "pg-0/az-c/1");
    private static final List<String> COPY_2_OF_EACH_AZ = List.of("pg-0/az-a/2", "pg-0/az-b/2", "pg-0/az-c/2");
    private static final List<String> ALL_SIX = List.of("pg-0/az-a/1", "pg-0/az-b/1", "pg-0/az-c/1", "pg-0/az-a/2",
            "pg-0/az-b/2", "pg-0/az-c/2");

    private static CountersSnapshot counters(AuroraEngine e) {
        return e.snapshot().counters();
    }

    /** Drained: every write issued is acknowledged, none failed (nothing was lost), none waits. */
    private static void assertDrained(CountersSnapshot c, long expectedIssued) {
        assertThat(c.writesIssued()).isCloseTo(expectedIssued, within(1L));
        assertThat(c.writesPending()).isZero();
        assertThat(c.writesFailed()).isZero();
        assertThat(c.writesAcknowledged()).isEqualTo(c.writesIssued());
        assertThat(c.acknowledgedWritesLost()).isZero();
    }

    @Test
    void everyWriteIssuedWhileAllSixCopiesWereDownIsAcknowledgedWhenTheyReturnWithNoNewWrite() {
        AuroraEngine e = oneGroup();
        runChecked(e, seconds(5));
        fail(e, ALL_SIX);
        runChecked(e, seconds(7));
        // no write from now on: only a resend can fill the hole the last 2 s left on every copy
        e.apply(new Command.SetWorkload(0.0, null));
        restore(e, ALL_SIX);
        runChecked(e, seconds(10));
        assertDrained(counters(e), Math.round(WRITES_PER_SECOND * 7));
        assertThat(e.snapshot().volume().writable()).isTrue();
        assertThat(e.snapshot().pg("pg-0").writeQuorum()).isTrue();
        // 200 writes/s never put two writes in one 2 ms window: the 400 writes of 5-7 s were 400 boxcars, each sent
        // again once, in one gossip round (at most 500 a round)
        List<AuroraEvent.BoxcarsResent> resent = events(e, AuroraEvent.BoxcarsResent.class);
        assertThat(resent).singleElement().satisfies(r -> {
            assertThat(r.pg()).isEqualTo("pg-0");
            assertThat(r.writer()).isEqualTo("writer-1");
            assertThat(r.boxcars()).isCloseTo((int) (WRITES_PER_SECOND * 2), within(1));
            assertThat(r.atMicros()).isBetween(seconds(7), seconds(7.05));
        });
    }

    @Test
    void aCopyBackWhileItsPeersHoldEverythingIsFilledByGossipAndNothingIsSentAgain() {
        AuroraEngine e = oneGroup();
        runChecked(e, seconds(5));
        fail(e, COPY_1_OF_EACH_AZ);
        runChecked(e, seconds(7));
        restore(e, COPY_1_OF_EACH_AZ);
        runChecked(e, seconds(9));
        assertThat(events(e, AuroraEvent.SegmentCaughtUp.class)).hasSize(COPY_1_OF_EACH_AZ.size());
        assertThat(events(e, AuroraEvent.BoxcarsResent.class)).isEmpty();
    }

    @Test
    void writesIssuedWhileAllSixCopiesWereDownAreAcknowledgedWhileNewWritesGoOn() {
        AuroraEngine e = oneGroup();
        runChecked(e, seconds(5));
        fail(e, ALL_SIX);
        runChecked(e, seconds(7));
        restore(e, ALL_SIX);
        long issuedBeforeTheReturn = counters(e).writesIssued();
        runChecked(e, seconds(9));
        CountersSnapshot c = counters(e);
        // commits are acknowledged in LSN order: all those issued before the return are, and more since
        assertThat(c.writesAcknowledged()).isGreaterThan(issuedBeforeTheReturn);
        assertThat(c.writesFailed()).isZero();
        // only the last boxcar window or so is still on the wire
        assertThat(c.writesPending()).isLessThanOrEqualTo(2);
        assertThat(c.writesIssued()).isEqualTo(c.writesAcknowledged() + c.writesPending());
    }

    @Test
    void threeCopiesDownThenTheOtherThreeThenAllBackDrainsWithNoNewWrite() {
        AuroraEngine e = oneGroup();
        runChecked(e, seconds(5));
        // from 5 s three copies hold what is sent (no write quorum); from 6 s none does
        fail(e, COPY_1_OF_EACH_AZ);
        runChecked(e, seconds(6));
        fail(e, COPY_2_OF_EACH_AZ);
        runChecked(e, seconds(7));
        e.apply(new Command.SetWorkload(0.0, null));
        restore(e, ALL_SIX);
        runChecked(e, seconds(10));
        assertDrained(counters(e), Math.round(WRITES_PER_SECOND * 7));
    }

    @Test
    void theFirstThreeCopiesBackCompleteWhatTheOtherThreeHeldButWhatOnlyTheyHoldWaitsForAFourth() {
        AuroraEngine e = oneGroup();
        runChecked(e, seconds(5));
        fail(e, COPY_1_OF_EACH_AZ);
        runChecked(e, seconds(6));
        fail(e, COPY_2_OF_EACH_AZ);
        runChecked(e, seconds(7));
        // three copies took 5-6 s, none 6-7 s: only what was issued before 5 s is on a write quorum
        assertThat(counters(e).writesAcknowledged()).isCloseTo(Math.round(WRITES_PER_SECOND * 5), within(2L));
        // the copies that missed 5-7 s return first; the ones holding 5-6 s stay down
        restore(e, COPY_1_OF_EACH_AZ);
        runChecked(e, seconds(8));
        // sent again, 5-6 s is on all six copies (three of them down): acknowledged; what came since 6 s is on three
        // copies only (4 of 6 needed) and waits
        CountersSnapshot threeBack = counters(e);
        assertThat(threeBack.writesAcknowledged()).isCloseTo(Math.round(WRITES_PER_SECOND * 6), within(2L));
        assertThat(threeBack.writesPending()).isCloseTo(Math.round(WRITES_PER_SECOND * 2), within(2L));
        assertThat(e.snapshot().pg("pg-0").writeQuorum()).isFalse();
        e.apply(new Command.SetWorkload(0.0, null));
        restore(e, List.of("pg-0/az-a/2"));
        runChecked(e, seconds(10));
        assertDrained(counters(e), Math.round(WRITES_PER_SECOND * 8));
    }

    @Test
    void anAzOutagePlusANodeAndCopyFailuresThatTakeEveryCopyDownDrainsUnderTheSafetyChecker() {
        AuroraEngine e = oneGroup();
        SafetyWatch watch = new SafetyWatch(e);
        watch.runTo(seconds(5), SafetyWatch.DEFAULT_EVERY_MICROS);
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.apply(new Command.FailStorageNode("sn-az-a-1"));
        watch.runTo(seconds(6), SafetyWatch.DEFAULT_EVERY_MICROS);
        // from 6 s no copy is reachable: az-c is out, node 1 of az-a is down, and the other three copies failed
        fail(e, List.of("pg-0/az-a/2", "pg-0/az-b/1", "pg-0/az-b/2"));
        watch.runTo(seconds(8), SafetyWatch.DEFAULT_EVERY_MICROS);
        e.apply(new Command.SetWorkload(0.0, null));
        e.apply(new Command.RestoreAvailabilityZone("az-c"));
        e.apply(new Command.RestoreStorageNode("sn-az-a-1"));
        restore(e, List.of("pg-0/az-a/2", "pg-0/az-b/1", "pg-0/az-b/2"));
        watch.runTo(seconds(11), SafetyWatch.DEFAULT_EVERY_MICROS);
        assertThat(watch.violations()).isEmpty();
        assertNoInvariantBroken(e);
        assertDrained(counters(e), Math.round(WRITES_PER_SECOND * 8));
    }

    @Test
    void copiesDownLongerThanTheDetectionTimeComeBackOverTheirReplacementsAndDrain() {
        AuroraEngine e = oneGroup();
        SafetyWatch watch = new SafetyWatch(e);
        watch.runTo(seconds(5), SafetyWatch.DEFAULT_EVERY_MICROS);
        fail(e, ALL_SIX);
        // past the 10 s detection time, new copies are started on nodes 3 and 4 and take what the writer sends
        watch.runTo(seconds(18), SafetyWatch.DEFAULT_EVERY_MICROS);
        assertThat(events(e, AuroraEvent.MembershipChangeStarted.class)).isNotEmpty();
        e.apply(new Command.SetWorkload(0.0, null));
        // the old copies return first, so every change rolls back and the new copies' boxcars go with them
        restore(e, ALL_SIX);
        watch.runTo(seconds(22), SafetyWatch.DEFAULT_EVERY_MICROS);
        assertThat(events(e, AuroraEvent.MembershipChangeRolledBack.class)).hasSize(ALL_SIX.size());
        assertThat(watch.violations()).isEmpty();
        assertNoInvariantBroken(e);
        assertDrained(counters(e), Math.round(WRITES_PER_SECOND * 18));
    }

    @Test
    void theResendIsDeterministicAnEngineCopiedDuringTheOutageRunsTheSameAfterIt() {
        AuroraEngine e = oneGroup();
        e.advanceTo(seconds(5));
        fail(e, ALL_SIX);
        e.advanceTo(seconds(6));
        AuroraEngine twin = e.copy();
        for (AuroraEngine x : List.of(e, twin)) {
            x.advanceTo(seconds(7));
            restore(x, ALL_SIX);
            x.advanceTo(seconds(9));
        }
        assertThat(twin.events()).isEqualTo(e.events());
        assertThat(counters(twin)).isEqualTo(counters(e));
        assertThat(counters(e).writesAcknowledged()).isGreaterThan(Math.round(WRITES_PER_SECOND * 7) - 2);
    }
}
