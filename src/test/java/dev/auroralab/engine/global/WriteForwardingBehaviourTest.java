package dev.auroralab.engine.global;

import static dev.auroralab.engine.global.GlobalScenarios.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.ForwardingSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Write forwarding (global/WriteForwarding): one session per region forwards a write to the primary every 200 ms
 * (ModelValues.FORWARDING_PROBE_INTERVAL_MICROS) and reads it back with the region's consistency. A probe that cannot
 * be forwarded fails, and the next one leaves 200 ms after the last one started.
 */
class WriteForwardingBehaviourTest {

    private static final long PROBE = ModelValues.FORWARDING_PROBE_INTERVAL_MICROS;

    private static ForwardingSnapshot forwarding(AuroraEngine e, String region) {
        return e.snapshot().regionSnapshot(region).forwarding();
    }

    @Test
    void turningForwardingOnAndOffIsAnnouncedWithTheConsistencyOrNone() {
        AuroraEngine e = twoSecondaries(500, 1);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.GLOBAL));
        e.advanceTo(seconds(1));
        assertThat(e.apply(new Command.SetWriteForwarding("us-west-2", null)).message())
                .isEqualTo("write forwarding off in us-west-2");
        assertThat(events(e, AuroraEvent.WriteForwardingChanged.class)).satisfiesExactly(on -> {
            assertThat(on.region()).isEqualTo("us-west-2");
            assertThat(on.consistency()).isEqualTo("global");
            assertThat(on.atMicros()).isZero();
        }, off -> {
            assertThat(off.consistency()).isNull();
            assertThat(off.atMicros()).isEqualTo(seconds(1));
        });
        // the global read waits for everything committed when it started: at most a batch and a trip late
        ForwardingSnapshot f = forwarding(e, "us-west-2");
        assertThat(f.consistency()).isEqualTo("off");
        assertThat(f.readWaitMaxMicros()).isGreaterThanOrEqualTo(f.readWaitLastMicros());
        assertThat(f.readWaitMaxMicros()).isPositive();
        assertThat(f.staleReads()).isZero();
    }

    @Test
    void aSessionInTheRegionThatBecamePrimaryFailsEveryProbeAtOnceEveryTwoHundredMilliseconds() {
        AuroraEngine e = twoSecondaries(500, 2);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        e.advanceTo(seconds(1));
        e.apply(new Command.Switchover("us-west-2"));
        e.advanceTo(seconds(30));
        assertThat(e.snapshot().writerRegion()).isEqualTo("us-west-2");
        ForwardingSnapshot before = forwarding(e, "us-west-2");
        e.advanceTo(seconds(31));
        ForwardingSnapshot after = forwarding(e, "us-west-2");
        // a primary forwards nothing: five probes in a second, each failed when it starts
        assertThat(after.forwardedWritesFailed() - before.forwardedWritesFailed()).isEqualTo(seconds(1) / PROBE);
        assertThat(after.forwardedWrites()).isEqualTo(before.forwardedWrites());
        assertThat(after.reads()).isEqualTo(before.reads());
    }

    @Test
    void aSessionWhoseWritesGoToADetachedClusterFailsEachProbeWhenItArrives() {
        AuroraEngine e = twoSecondaries(500, 3);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.EVENTUAL));
        e.advanceTo(seconds(1));
        e.apply(new Command.DetachAndPromote("eu-west-1"));
        e.advanceTo(seconds(70));
        assertThat(e.snapshot().volume().writable()).isTrue();
        ForwardingSnapshot before = forwarding(e, "us-west-2");
        e.advanceTo(seconds(72));
        ForwardingSnapshot after = forwarding(e, "us-west-2");
        // the detached cluster takes its own writes, not the global database's
        assertThat(after.forwardedWrites()).isEqualTo(before.forwardedWrites());
        assertThat(after.forwardedWritesFailed() - before.forwardedWritesFailed()).isEqualTo(seconds(2) / PROBE);
    }

    @Test
    void theOldPrimaryForwardsToTheNewOneAfterASwitchoverAcrossTheNewPrimarysLatency() {
        AuroraEngine e = twoSecondaries(500, 4);
        e.advanceTo(seconds(1));
        e.apply(new Command.Switchover("eu-west-1"));
        e.advanceTo(seconds(25));
        e.apply(new Command.SetWriteForwarding("us-east-1", ReadConsistency.SESSION));
        e.advanceTo(seconds(27));
        ForwardingSnapshot f = forwarding(e, "us-east-1");
        // 75 ms there and 75 ms back, and the commit in between (a boxcar window and a quorum, a few ms)
        assertThat(f.forwardedWriteLatencyLastMicros()).isBetween(150_000L, 160_000L);
        assertThat(f.forwardedWrites()).isBetween(9L, 10L);
        assertThat(f.forwardedWritesFailed()).isZero();
        assertThat(f.staleReads()).isZero();
    }

    @Test
    void aForwardedWriteWaitingForItsWindowFailsWithTheWriterAndTheSessionTriesAgainInTwoHundredMilliseconds() {
        AuroraEngine e = twoSecondaries(500, 5);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.EVENTUAL));
        // the first probe leaves at 0 and reaches the primary at 35 ms; it waits for the next boxcar window
        e.advanceTo(ms(35));
        e.apply(new Command.FailInstance("writer-1"));
        // the window at 36 ms has no writer to give it an LSN
        e.advanceTo(ms(36) - 1);
        assertThat(forwarding(e, "us-west-2").forwardedWritesFailed()).isZero();
        e.advanceTo(ms(36));
        assertThat(forwarding(e, "us-west-2").forwardedWritesFailed()).isEqualTo(1);
        // the next probe starts 200 ms after the first one did, and fails as it reaches the writerless primary
        e.advanceTo(PROBE + ms(35) - 1);
        assertThat(forwarding(e, "us-west-2").forwardedWritesFailed()).isEqualTo(1);
        e.advanceTo(PROBE + ms(35));
        assertThat(forwarding(e, "us-west-2").forwardedWritesFailed()).isEqualTo(2);
        assertThat(forwarding(e, "us-west-2").forwardedWrites()).isZero();
    }

    @Test
    void anEventualSessionCountsAStaleReadOnlyWhenItsRegionLacksItsOwnWrite() {
        AuroraEngine e = twoSecondaries(500, 6);
        e.apply(new Command.SetWriteForwarding("eu-west-1", ReadConsistency.EVENTUAL));
        e.advanceTo(seconds(2) - 1);
        ForwardingSnapshot f = forwarding(e, "eu-west-1");
        // the acknowledgement comes back 75 ms after the commit, the batch 75 ms + 5 ms + up to 10 ms after it:
        // every read misses its own write, and none waits
        assertThat(f.forwardedWrites()).isEqualTo(seconds(2) / PROBE);
        assertThat(f.staleReads()).isEqualTo(f.reads());
        assertThat(f.readWaitMaxMicros()).isZero();
        assertThat(f.readWaitLastMicros()).isZero();
    }

    @Test
    void withNoOtherWritesASessionReadFinishesWhenItsRegionHoldsExactlyItsOwnWrite() {
        AuroraEngine e = twoSecondaries(500, 7);
        // the probe's commit is the only write: the primary's VDL, the acknowledgement and what replication ships all
        // stop exactly at its LSN
        e.apply(new Command.SetWorkload(0.0, null));
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        e.advanceTo(seconds(2) - 1);
        ForwardingSnapshot f = forwarding(e, "us-west-2");
        // a probe every 200 ms, each acknowledged and read back well within its interval
        assertThat(f.forwardedWrites()).isEqualTo(seconds(2) / PROBE);
        assertThat(f.reads()).isEqualTo(seconds(2) / PROBE);
        assertThat(f.staleReads()).isZero();
        // the read waits for the batch: shipped within 10 ms of the commit, 5 ms of hand-off, a hop and a persist
        assertThat(f.readWaitLastMicros()).isBetween(5_000L + 400, 5_000L + 400 + 10_000);
        assertThat(e.snapshot().regionSnapshot("us-west-2").durableLsn()).isEqualTo(e.snapshot().volume().vdl());
    }
}
