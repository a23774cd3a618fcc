package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.seconds;
import static dev.auroralab.engine.TestClusters.spec;
import static dev.auroralab.engine.TestClusters.writer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.MessageKind;
import org.junit.jupiter.api.Test;

/**
 * Commits that waited for a write quorum are acknowledged once the quorum is back, with no new write to carry the
 * news: a copy that returns, catches up by gossip or is hydrated reports its SCL to the writer (P18 §2.3), so PGCL,
 * VCL and VDL move (issue 12, item 1).
 */
class CommitsDrainTest {

    /** pg-0 of a 10 GiB volume (one group) loses three copies, so no write reaches 4 of 6; then the writes stop. */
    private static AuroraEngine stalledWithNoWrites() {
        AuroraEngine e = new AuroraEngine(spec(10, 1_000, 0, 3, writer("writer-1", "az-a")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));
        e.apply(new Command.FailSegment("pg-0/az-b/2"));
        e.apply(new Command.FailSegment("pg-0/az-c/1"));
        e.advanceTo(seconds(2));
        e.apply(new Command.SetWorkload(0.0, null));
        e.advanceTo(seconds(3));
        return e;
    }

    @Test
    void commitsIssuedWhileTheQuorumWasMissingStayPendingUntilItReturns() {
        AuroraEngine e = stalledWithNoWrites();
        EngineSnapshot s = e.snapshot();
        // 1,000 writes/s for the second without a quorum: about 1,000 commits wait (the last windows before the
        // faults may still have been acknowledged, so at least 990)
        assertThat(s.counters().writesPending()).isBetween(990L, 1_010L);
        assertThat(s.volume().writable()).isFalse();
    }

    @Test
    void restoringOneCopyAcknowledgesEveryPendingCommitWithNoNewWrite() {
        AuroraEngine e = stalledWithNoWrites();
        long pending = e.snapshot().counters().writesPending();
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        long issued = e.snapshot().counters().writesIssued();
        long vdlBefore = e.vdl();

        e.apply(new Command.RestoreSegment("pg-0/az-c/1"));
        // the copy missed a second of boxcars: it catches up by gossip in 50 ms rounds (500 boxcars a round, the
        // 500 windows it missed fit in one or two), reports its SCL one hop later, and VDL moves
        e.advanceTo(seconds(3.5));
        EngineSnapshot s = e.snapshot();

        assertThat(s.counters().writesIssued()).as("no new write was issued").isEqualTo(issued);
        assertThat(s.counters().writesPending()).isZero();
        assertThat(s.counters().writesAcknowledged()).isEqualTo(acknowledged + pending);
        assertThat(s.volume().vdl()).isGreaterThan(vdlBefore).isEqualTo(s.volume().nextLsn() - 1);
        assertThat(s.volume().writable()).isTrue();
    }

    @Test
    void theCopyThatCaughtUpSendsItsScLToTheWriterAsAnAcknowledgement() {
        AuroraEngine e = stalledWithNoWrites();
        e.apply(new Command.RestoreSegment("pg-0/az-c/1"));
        // find the first instant an acknowledgement is on the wire: with no writes, it can only be the SCL report
        EngineSnapshot seen = null;
        while (e.nowMicros() < seconds(3.5) && seen == null) {
            e.step();
            EngineSnapshot s = e.snapshot();
            if (s.messagesInFlight().stream().anyMatch(m -> m.kind() == MessageKind.ACK)) {
                seen = s;
            }
        }
        assertThat(seen).as("an SCL report on the wire").isNotNull();
        assertThat(seen.messagesInFlight()).filteredOn(m -> m.kind() == MessageKind.ACK).singleElement()
                .satisfies(m -> {
                    assertThat(m.from()).startsWith("pg-0/az-c/1");
                    assertThat(m.to()).isEqualTo("writer-1");
                    // az-c to az-a is a cross-AZ hop, without jitter for a report
                    assertThat(m.arrivesMicros() - m.sentMicros()).isEqualTo(ModelValues.CROSS_AZ_HOP_MICROS);
                });
    }

    @Test
    void aReplacementCopyReportsItsScLOnceHydratedSoCommitsDrainWithoutTheOldCopy() {
        AuroraEngine e = stalledWithNoWrites();
        // the failed copies stay failed: storage replaces them (detection, then hydration of a 10 GiB copy), and
        // each new copy reports what it holds
        e.advanceTo(seconds(120));
        EngineSnapshot s = e.snapshot();
        assertThat(s.counters().writesPending()).isZero();
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.volume().vdl()).isEqualTo(s.volume().nextLsn() - 1);
    }
}
