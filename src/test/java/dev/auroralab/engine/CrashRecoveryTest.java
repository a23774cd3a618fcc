package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Crash recovery and truncation (cluster/CrashRecovery, P17 §4.3): the new writer recomputes VDL from what a read
 * quorum holds, cuts everything above it with a truncation range of LAL, bumps the epoch; a group whose every copy is
 * destroyed is cut back to its backup and every acknowledged write above is counted lost.
 */
class CrashRecoveryTest {

    private static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void recoveryKeepsEveryAcknowledgedWriteCutsTheRestAndFencesTheOldWriter() {
        AuroraEngine e = light(5);
        e.advanceTo(seconds(1));
        long acknowledgedLsn = e.ledger().acknowledgedLsn();
        long allocated = e.ledger().maxAllocatedLsn();
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(30));
        AuroraEvent.CrashRecoveryCompleted c = events(e, AuroraEvent.CrashRecoveryCompleted.class).get(0);
        assertThat(c.writer()).isEqualTo("reader-1");
        // everything acknowledged survives; what was allocated but never made durable may be cut
        assertThat(c.vdl()).isGreaterThanOrEqualTo(acknowledgedLsn).isLessThanOrEqualTo(allocated);
        assertThat(c.truncatedThroughLsn()).isEqualTo(c.vdl() + 10_000_000);
        assertThat(c.volumeEpoch()).isEqualTo(2);
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().volumeEpoch()).isEqualTo(2);
        assertThat(s.counters().acknowledgedWritesLost()).isZero();
        // the new writer allocates above the truncation range
        assertThat(s.volume().nextLsn()).isGreaterThan(c.truncatedThroughLsn());
        assertThat(s.volume().vdl()).isGreaterThan(c.truncatedThroughLsn());
        // the commits that were waiting when the writer died failed; none is left pending from before
        assertThat(s.counters().writesIssued()).isEqualTo(s.counters().writesAcknowledged()
                + s.counters().writesFailed() + s.counters().writesPending());
        assertNoInvariantBroken(e);
    }

    @Test
    void destroyingEveryCopyOfAGroupCutsTheVolumeBackToItsBackupAndCountsWhatWasLost() {
        AuroraEngine e = light(5);
        // continuous backup stages every 10 s: at 10 s, then 20 s
        e.advanceTo(seconds(15));
        long acknowledged = e.snapshot().counters().writesAcknowledged();
        for (String az : List.of("az-a", "az-b", "az-c")) {
            for (int copy = 1; copy <= 2; copy++) {
                e.apply(new Command.DestroySegment("pg-0/" + az + "/" + copy));
            }
        }
        List<AuroraEvent.AcknowledgedWritesLost> lost = events(e, AuroraEvent.AcknowledgedWritesLost.class);
        assertThat(lost).singleElement().satisfies(l -> {
            assertThat(l.reason()).isEqualTo("pg-0 has no copy left holding its acknowledged data");
            // about 5 s of 200 writes/s were acknowledged after the backup at 10 s
            assertThat(l.count()).isBetween(950L, 1_050L);
        });
        EngineSnapshot s = e.snapshot();
        assertThat(s.counters().acknowledgedWritesLost()).isEqualTo(lost.get(0).count());
        assertThat(s.counters().writesAcknowledged()).isEqualTo(acknowledged);
        // the volume is cut back: VDL is about where it was at the 10 s backup (200 writes/s, 2 records each)
        assertThat(s.volume().vdl()).isBetween(2L * 200 * 10 - 100, 2L * 200 * 10 + 100);
        // only the first loss counts: destroying nothing more loses nothing more
        assertThat(e.apply(new Command.DestroySegment("pg-0/az-a/1")).accepted()).isFalse();

        // storage restores the group from S3 through six replacements, and writes go on
        e.advanceTo(seconds(40));
        assertThat(e.snapshot().pg("pg-0").writeQuorum()).isTrue();
        assertThat(e.snapshot().volume().writable()).isTrue();
        assertThat(e.snapshot().counters().writesAcknowledged()).isGreaterThan(acknowledged);
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isEqualTo(lost.get(0).count());
        assertNoInvariantBroken(e);

        // a failover after the loss loses nothing of its own: its record does not count the earlier loss
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(80));
        assertThat(e.snapshot().failovers()).singleElement()
                .satisfies(f -> assertThat(f.acknowledgedWritesLost()).isZero());
    }

    @Test
    void destroyingFourCopiesLosesNothingWhileTheOtherTwoHoldEverything() {
        AuroraEngine e = light(5);
        e.advanceTo(seconds(15));
        for (String address : List.of("pg-1/az-a/1", "pg-1/az-a/2", "pg-1/az-b/1", "pg-1/az-b/2")) {
            e.apply(new Command.DestroySegment(address));
        }
        assertThat(eventTypes(e)).doesNotContain("AcknowledgedWritesLost");
        e.advanceTo(seconds(40));
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isZero();
        assertThat(e.snapshot().volume().writable()).isTrue();
        assertNoInvariantBroken(e);
    }
}
