package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.seconds;
import static dev.auroralab.engine.TestClusters.spec;
import static dev.auroralab.engine.TestClusters.writer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.VolumeReason;
import org.junit.jupiter.api.Test;

/**
 * The LSN allocation limit is back-pressure (P17 §4.2.1: the writer "can throttle the incoming writes"): at VDL +
 * 10,000,000 new writes wait for an LSN, their commit latency grows, and they go on when VDL moves. They are counted
 * as pending, never as failed (issue 12, item 2).
 */
class AllocationLimitTest {

    /**
     * 300,000 writes/s, two records each, on a 10 GiB volume (one group): 10,000,000 LSNs are 5,000,000 writes, about
     * 16.7 s of them. pg-0 loses three of its six copies at 1 s, hence its write quorum,
     * so VDL stops near 1 s and the limit is reached at about 17.7 s; the quorum is healed at 21 s.
     */
    private static AuroraEngine stalledFor20s() {
        AuroraEngine e = new AuroraEngine(spec(10, 300_000, 0, 5, writer("writer-1", "az-a")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));
        e.apply(new Command.FailSegment("pg-0/az-b/2"));
        e.apply(new Command.FailSegment("pg-0/az-c/1"));
        e.advanceTo(seconds(20));
        return e;
    }

    @Test
    void atTheLimitNewWritesWaitForAnLsnInsteadOfFailing() {
        AuroraEngine e = stalledFor20s();
        EngineSnapshot s = e.snapshot();
        long limit = s.volume().vdl() + 10_000_000;
        assertThat(s.volume().nextLsn() - 1).isLessThanOrEqualTo(limit);
        assertThat(s.counters().writesFailed()).isZero();
        // every write issued since the stall is pending: 19 s at 300,000 writes/s, give or take a window
        assertThat(s.counters().writesPending()).isBetween(19 * 300_000L - 1_000, 19 * 300_000L + 1_000);
        assertThat(e.events()).filteredOn(AuroraEvent.LsnAllocationLimitReached.class::isInstance).hasSize(1);
        // the missing quorum is what blocks the writes; the throttle is its consequence
        assertThat(s.volume().why()).isInstanceOf(VolumeReason.WriteQuorumMissing.class);
    }

    @Test
    void onceThePgIsHealedTheWaitingWritesGoOnInOrderAndTheVolumeTakesWritesAgain() {
        AuroraEngine e = stalledFor20s();
        e.apply(new Command.RestoreSegment("pg-0/az-b/1"));
        e.apply(new Command.RestoreSegment("pg-0/az-b/2"));
        e.apply(new Command.RestoreSegment("pg-0/az-c/1"));
        e.advanceTo(seconds(60));
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.counters().writesFailed()).isZero();
        // commits flow: what is pending now is at most a few windows of new writes, not a backlog
        assertThat(s.counters().writesPending()).isLessThan(300_000L / 10);
        // the throttled writes waited: some commit took most of the stall (from about 1 s to past 21 s)
        assertThat(s.counters().commitLatencyMaxMicros()).isGreaterThan(seconds(19));
        long issued = s.counters().writesIssued();
        assertThat(s.counters().writesAcknowledged() + s.counters().writesPending()).isEqualTo(issued);
    }

    @Test
    void aWriterLostWhileWritesWaitFailsThemWithTheOnesInFlight() {
        AuroraEngine e = stalledFor20s();
        long pending = e.snapshot().counters().writesPending();
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(20) + 10_000);
        EngineSnapshot s = e.snapshot();
        // no writer: nothing waits any more; the writes issued meanwhile fail too
        assertThat(s.counters().writesPending()).isZero();
        assertThat(s.counters().writesFailed()).isGreaterThanOrEqualTo(pending);
    }
}
