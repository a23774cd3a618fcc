package dev.auroralab.engine;

import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.Command.ReadConsistency;
import dev.auroralab.engine.snapshot.EngineSnapshot.ForwardingSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Write forwarding from a secondary (global/WriteForwarding): one session writes through the primary every 200 ms and
 * reads its write back with the region's read consistency. us-west-2 is 35 ms from the primary, so a forwarded write
 * costs a 70 ms round trip plus the commit; eu-west-1 is 75 ms away.
 */
class WriteForwardingTest {

    private static AuroraEngine twoSecondaries(long seed) {
        return new AuroraEngine(global(500, seed, secondary("eu-west-1", 75, "eu-1"),
                secondary("us-west-2", 35, "usw-1")));
    }

    private static ForwardingSnapshot forwarding(AuroraEngine e, String region) {
        return e.snapshot().regionSnapshot(region).forwarding();
    }

    @Test
    void anEventualReadNeverWaitsAndMissesItsOwnWriteWhileItIsStillOnItsWayBack() {
        AuroraEngine e = twoSecondaries(7);
        assertThat(e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.EVENTUAL)).message())
                .isEqualTo("write forwarding on in us-west-2 (eventual)");
        e.advanceTo(seconds(10) - 1);
        ForwardingSnapshot f = forwarding(e, "us-west-2");
        assertThat(f.consistency()).isEqualTo("eventual");
        // a probe every 200 ms from 0 s, each done within 200 ms: 50 before 10 s
        assertThat(f.forwardedWrites()).isEqualTo(50);
        assertThat(f.reads()).isEqualTo(50);
        // the write comes back with the commit, 70 ms after it left, before replication brings it (35 ms + batch)
        assertThat(f.staleReads()).isEqualTo(50);
        assertThat(f.readWaitMaxMicros()).isZero();
        assertThat(f.forwardedWriteLatencyLastMicros()).isBetween(70_000L, 80_000L);
        assertThat(f.forwardedWritesFailed()).isZero();
        assertThat(forwarding(e, "eu-west-1")).isNull();
    }

    @Test
    void aSessionReadWaitsForItsOwnWriteAndAGlobalReadForEverythingCommittedWhenItStarted() {
        AuroraEngine e = twoSecondaries(7);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        e.apply(new Command.SetWriteForwarding("eu-west-1", ReadConsistency.GLOBAL));
        e.advanceTo(seconds(10));
        ForwardingSnapshot session = forwarding(e, "us-west-2");
        ForwardingSnapshot global = forwarding(e, "eu-west-1");
        assertThat(session.staleReads()).isZero();
        assertThat(global.staleReads()).isZero();
        // the write is replicated at least 35 ms after it was committed, and the commit came back in 35 ms: the read
        // waits for the rest of the batch's trip, a few ms, never as long as the trip itself
        assertThat(session.readWaitMaxMicros()).isPositive().isLessThan(35_000);
        assertThat(session.forwardedWriteLatencyLastMicros()).isBetween(70_000L, 80_000L);
        assertThat(global.forwardedWriteLatencyLastMicros()).isBetween(150_000L, 160_000L);
        assertThat(global.readWaitMaxMicros()).isPositive();
        assertThat(session.reads()).isBetween(45L, 50L);
        assertThat(global.reads()).isBetween(35L, 50L);
    }

    @Test
    void turningForwardingOffStopsTheSessionAndKeepsItsCounts() {
        AuroraEngine e = twoSecondaries(7);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.EVENTUAL));
        e.advanceTo(seconds(1) - 1);
        assertThat(e.apply(new Command.SetWriteForwarding("us-west-2", null)).message())
                .isEqualTo("write forwarding off in us-west-2");
        long writes = forwarding(e, "us-west-2").forwardedWrites();
        assertThat(writes).isEqualTo(5);
        e.advanceTo(seconds(3));
        ForwardingSnapshot f = forwarding(e, "us-west-2");
        assertThat(f.consistency()).isEqualTo("off");
        assertThat(f.forwardedWrites()).isEqualTo(writes);
        assertThat(f.forwardedWritesFailed()).isZero();
    }

    @Test
    void forwardingCannotBeSetOnARegionThatIsOut() {
        AuroraEngine e = twoSecondaries(7);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailRegion("us-west-2"));
        var r = e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        assertThat(r.accepted()).isFalse();
        assertThat(r.message()).isEqualTo("us-west-2 is out: restore it first");
        assertThat(forwarding(e, "us-west-2")).isNull();
    }

    @Test
    void aSecondaryThatIsOutFailsEveryForwardedWriteAtOnce() {
        AuroraEngine e = twoSecondaries(7);
        e.advanceTo(seconds(1));
        // forwarding is set while the region is up (a region that is out cannot be reconfigured), then it goes out
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        e.apply(new Command.FailRegion("us-west-2"));
        // probes at 1.0, 1.2, ..., 3.0 s
        e.advanceTo(seconds(3));
        ForwardingSnapshot f = forwarding(e, "us-west-2");
        assertThat(f.forwardedWritesFailed()).isEqualTo(11);
        assertThat(f.forwardedWrites()).isZero();
        e.apply(new Command.RestoreRegion("us-west-2"));
        e.advanceTo(seconds(5));
        assertThat(forwarding(e, "us-west-2").forwardedWrites()).isPositive();
    }

    @Test
    void forwardedWritesFailWhileThePrimaryHasNoWriterAndResumeAfterTheFailover() {
        AuroraEngine e = twoSecondaries(7);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.EVENTUAL));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(11));
        ForwardingSnapshot during = forwarding(e, "us-west-2");
        // a probe every 200 ms for 10 s without a writer: every one fails (the one in flight at 1 s too, at most)
        assertThat(during.forwardedWritesFailed()).isBetween(49L, 51L);
        e.advanceTo(seconds(40));
        ForwardingSnapshot after = forwarding(e, "us-west-2");
        assertThat(after.forwardedWrites()).isGreaterThan(during.forwardedWrites());
    }

    @Test
    void aForwardedWriteWhoseWriterDiesBeforeItsCommitFailsAndTheSessionGoesOn() {
        AuroraEngine e = twoSecondaries(7);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.EVENTUAL));
        // the first probe leaves at 0, reaches the primary at 35 ms, joins the 36 ms window; its commit needs a
        // quorum a few ms later: the writer dies in between
        e.advanceTo(36_000);
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(0.5));
        ForwardingSnapshot f = forwarding(e, "us-west-2");
        assertThat(f.forwardedWrites()).isZero();
        assertThat(f.forwardedWritesFailed()).isGreaterThanOrEqualTo(2);
        assertThat(f.reads()).isZero();
    }

    @Test
    void turningForwardingOnAgainStartsANewSessionAndTheOldOnesMessagesAreIgnored() {
        AuroraEngine e = twoSecondaries(7);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.EVENTUAL));
        // the probe is on its way back (sent at 0, committed a few ms after 35 ms, back 35 ms later)
        e.advanceTo(50_000);
        e.apply(new Command.SetWriteForwarding("us-west-2", ReadConsistency.SESSION));
        e.advanceTo(100_000);
        // the old session's acknowledgement arrived and was dropped; the new one's is not back yet
        assertThat(forwarding(e, "us-west-2").forwardedWrites()).isZero();
        assertThat(forwarding(e, "us-west-2").consistency()).isEqualTo("session");
        e.advanceTo(seconds(1));
        assertThat(forwarding(e, "us-west-2").forwardedWrites()).isBetween(4L, 5L);
    }
}
