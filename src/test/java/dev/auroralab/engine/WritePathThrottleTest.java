package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ForwardingSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import org.junit.jupiter.api.Test;

/**
 * When a boxcar window cannot take its writes (storage/WritePath): the LSN allocation limit (P17 §4.2.1: no LSN above
 * VDL + 10,000,000) throttles the volume, its writes wait for an LSN, and the throttle lifts once they all have one;
 * a write forwarded from a secondary that reaches a window with no writer, or one over the limit, fails instead of
 * waiting forever.
 */
class WritePathThrottleTest {

    /**
     * 3e9 writes/s: one 2 ms window carries 6,000,000 transactions of two records, 12,000,000 LSNs, more than the
     * 10,000,000 the limit allows above VDL however far VDL has come. No window can be allocated.
     */
    private static final double OVER_THE_LIMIT = 3e9;
    private static final long TXNS_PER_WINDOW_OVER_THE_LIMIT = 6_000_000;

    /** Steps until a boxcar window has issued writes (the issued counter moves), and returns the snapshot then. */
    private static EngineSnapshot stepToTheNextWindowWithWrites(AuroraEngine e, long limitMicros) {
        long issued = e.snapshot().counters().writesIssued();
        while (e.nextEventMicros() <= limitMicros) {
            e.step();
            EngineSnapshot s = e.snapshot();
            if (s.counters().writesIssued() > issued) {
                return s;
            }
        }
        throw new AssertionError("no window issued writes by " + limitMicros);
    }

    @Test
    void aWindowOverTheAllocationLimitThrottlesTheVolumeAtOnceAndItsWritesWait() {
        AuroraEngine e = light(4);
        e.advanceTo(seconds(1));
        e.apply(new Command.SetWorkload(OVER_THE_LIMIT, null));
        EngineSnapshot before = e.snapshot();
        assertThat(before.volume().writable()).isTrue();

        AuroraEvent.LsnAllocationLimitReached lal = stepUntil(e, AuroraEvent.LsnAllocationLimitReached.class,
                seconds(1.01));
        // the first window after the command, 2 ms on
        assertThat(lal.atMicros()).isEqualTo(seconds(1.002));
        assertThat(lal.limit()).isEqualTo(lal.vdl() + ModelValues.LSN_ALLOCATION_LIMIT);
        EngineSnapshot s = e.snapshot();
        // P17 §4.2.1 back-pressure: the writes are issued and wait for an LSN; none fails
        assertThat(s.counters().writesIssued() - before.counters().writesIssued())
                .isEqualTo(TXNS_PER_WINDOW_OVER_THE_LIMIT);
        assertThat(s.counters().writesFailed()).isEqualTo(before.counters().writesFailed());
        // all six million are pending: most wait for their commit, the rest for an LSN
        assertThat(s.counters().writesPending()).isGreaterThanOrEqualTo(TXNS_PER_WINDOW_OVER_THE_LIMIT);
        // the LSNs handed out stop at the limit
        assertThat(s.volume().nextLsn()).isLessThanOrEqualTo(lal.limit() + 1);
        // the copies still hold their write quorum: only the limit stops writes, and reads go on
        assertThat(s.volume().writable()).isFalse();
        assertThat(s.volume().status()).isEqualTo(VolumeStatus.READ_ONLY);
        assertThat(s.volume().reason()).isEqualTo(freshLook(e).reason());

        // the limit is reported once while the writer stays throttled
        e.advanceTo(seconds(1.1));
        assertThat(events(e, AuroraEvent.LsnAllocationLimitReached.class)).hasSize(1);
        assertThat(e.snapshot().counters().writesFailed()).isEqualTo(before.counters().writesFailed());
        assertThat(e.snapshot().volume().writable()).isFalse();
    }

    @Test
    void whenTheWaitingWritesHaveAllGotAnLsnTheVolumeIsWritableAtOnce() {
        AuroraEngine e = light(4);
        e.advanceTo(seconds(1));
        // one window over the limit: 6,000,000 writes, of which only 10,000,000 LSNs' worth (5,000,000) get one
        e.apply(new Command.SetWorkload(OVER_THE_LIMIT, null));
        stepUntil(e, AuroraEvent.LsnAllocationLimitReached.class, seconds(1.01));
        e.apply(new Command.SetWorkload(1000.0, null));
        assertThat(e.snapshot().volume().writable()).isFalse();

        // once VDL moves, the rest get LSNs; the step that empties the wait lifts the throttle and says so at once
        while (!e.snapshot().volume().writable()) {
            assertThat(e.nextEventMicros()).isLessThanOrEqualTo(seconds(2));
            e.step();
            assertThat(e.snapshot().volume().writable()).isEqualTo(freshLook(e).writable());
        }
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().status()).isEqualTo(VolumeStatus.WRITABLE);
        e.advanceTo(seconds(3));
        EngineSnapshot later = e.snapshot();
        assertThat(later.counters().writesFailed()).isEqualTo(s.counters().writesFailed());
        // every write issued is acknowledged or still in its commit's few milliseconds
        assertThat(later.counters().writesIssued() - later.counters().writesAcknowledged()
                - later.counters().writesFailed()).isEqualTo(later.counters().writesPending());
        assertThat(later.counters().writesPending()).isLessThan(100);
        assertNoInvariantBroken(e);
    }

    /**
     * us-west-2 forwards one write every 200 ms from 0 s; it reaches the primary 35 ms later and joins the next
     * window (36 ms). Here the writer fails at 35.5 ms, between the two: the window fails the forwarded write, and
     * the probe goes on every 200 ms; each later one fails on arrival (there is no writer until about 28 s).
     */
    @Test
    void aForwardedWriteWaitingForAWindowFailsWhenTheWriterIsGone() {
        AuroraEngine e = new AuroraEngine(global(500, 7, secondary("us-west-2", 35, "usw-1")));
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        e.advanceTo(35_500);
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(36_000);
        assertThat(forwarding(e).forwardedWritesFailed()).isEqualTo(1);
        // probes at 0, 200, 400, 600 and 800 ms, all failed
        e.advanceTo(seconds(1) - 1);
        ForwardingSnapshot f = forwarding(e);
        assertThat(f.forwardedWritesFailed()).isEqualTo(5);
        assertThat(f.forwardedWrites()).isZero();
    }

    /** As above, but the window the forwarded write joins is over the allocation limit: it fails with the others. */
    @Test
    void aForwardedWriteFailsWithTheWindowThatHitsTheAllocationLimit() {
        AuroraEngine e = new AuroraEngine(global(500, 7, secondary("us-west-2", 35, "usw-1")));
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        e.advanceTo(35_500);
        e.apply(new Command.SetWorkload(OVER_THE_LIMIT, null));
        e.advanceTo(36_000);
        assertThat(forwarding(e).forwardedWritesFailed()).isEqualTo(1);
        assertThat(events(e, AuroraEvent.LsnAllocationLimitReached.class)).singleElement()
                .satisfies(l -> assertThat(l.atMicros()).isEqualTo(36_000));
        // the writer is up, so later probes reach the primary and fail in their window: 0, 200, ..., 800 ms
        e.advanceTo(seconds(1) - 1);
        assertThat(forwarding(e).forwardedWritesFailed()).isEqualTo(5);
        assertThat(forwarding(e).forwardedWrites()).isZero();
    }

    private static ForwardingSnapshot forwarding(AuroraEngine e) {
        return e.snapshot().regionSnapshot("us-west-2").forwarding();
    }
}
