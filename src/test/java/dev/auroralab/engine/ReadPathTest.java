package dev.auroralab.engine;

import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.CountersSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The read path (storage/ReadPath): reads are issued per 10 ms tick at the workload's rate, served from one copy per
 * group that holds the target's read point, and failed for the share of groups none can serve. Counts below are
 * worked by hand from the tick: a tick at 0 and every 10 ms, so {@code advanceTo(1 s)} fires 101 ticks.
 */
class ReadPathTest {

    private static final long TICKS_IN_FIRST_SECOND = 101;

    @Test
    void withAReadRateOfZeroNoReadIsIssuedServedOrFailedAndTheVolumeStaysReadable() {
        AuroraEngine e = new AuroraEngine(spec(30, 200, 0, 2, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.large")));
        e.advanceTo(seconds(5));
        CountersSnapshot c = e.snapshot().counters();
        assertThat(c.readsIssued()).isZero();
        assertThat(c.readsServed()).isZero();
        assertThat(c.readsFailed()).isZero();
        assertThat(c.readDowntimeMicros()).isZero();
        assertThat(e.snapshot().volume().status()).isEqualTo(VolumeStatus.WRITABLE);
        assertThat(e.snapshot().volume().readable()).isTrue();
        assertThat(c.writesAcknowledged()).isPositive();
    }

    @Test
    void everyReadIssuedIsServedWhileEveryGroupHasACopyHoldingTheReadPoint() {
        AuroraEngine e = light(2); // 1000 reads/s: 10 per tick
        e.advanceTo(seconds(1));
        CountersSnapshot c = e.snapshot().counters();
        assertThat(c.readsIssued()).isEqualTo(10 * TICKS_IN_FIRST_SECOND);
        assertThat(c.readsServed()).isEqualTo(10 * TICKS_IN_FIRST_SECOND);
        assertThat(c.readsFailed()).isZero();
    }

    @Test
    void aFractionalRateCarriesItsRemainderFromTickToTick() {
        // 150 reads/s is 1.5 per tick: 1, 2, 1, 2, ... so 51 ones and 50 twos in the first 101 ticks
        AuroraEngine e = new AuroraEngine(spec(30, 200, 150, 2, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.large")));
        e.advanceTo(seconds(1));
        assertThat(e.snapshot().counters().readsIssued()).isEqualTo(51 + 2 * 50);
        e.apply(new Command.SetWorkload(null, 0.0));
        e.advanceTo(seconds(2));
        // the last tick left half a read over; at rate 0 it never adds up to one
        assertThat(e.snapshot().counters().readsIssued()).isEqualTo(151);
    }

    @Test
    void aGroupWithNoCopyLeftFailsItsShareOfEveryReadAndTheRestIsServed() {
        AuroraEngine e = light(2);
        e.advanceTo(seconds(1));
        for (String az : List.of("az-a", "az-b", "az-c")) {
            for (int copy = 1; copy <= 2; copy++) {
                e.apply(new Command.FailSegment("pg-0/" + az + "/" + copy));
            }
        }
        CountersSnapshot before = e.snapshot().counters();
        e.advanceTo(seconds(2));
        CountersSnapshot after = e.snapshot().counters();
        // 100 ticks of 10 reads, each over 3 groups of which 2 serve: 10 * 2 / 3 = 6 served (rounded down), 4 failed
        assertThat(after.readsServed() - before.readsServed()).isEqualTo(600);
        assertThat(after.readsFailed() - before.readsFailed()).isEqualTo(400);
        assertThat(after.readDowntimeMicros() - before.readDowntimeMicros()).isEqualTo(seconds(1));
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().status()).isEqualTo(VolumeStatus.UNAVAILABLE);
        assertThat(s.volume().reason()).endsWith("; reads fail: no reachable copy of pg-0 holds the read point");
    }

    @Test
    void withNoInstanceUpEveryReadFailsAndTheReasonSaysSo() {
        AuroraEngine e = new AuroraEngine(spec(10, 200, 1000, 2, writer("writer-1", "az-a")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        CountersSnapshot before = e.snapshot().counters();
        e.advanceTo(seconds(2));
        CountersSnapshot after = e.snapshot().counters();
        assertThat(after.readsFailed() - before.readsFailed()).isEqualTo(1000);
        assertThat(after.readsServed()).isEqualTo(before.readsServed());
        assertThat(after.readDowntimeMicros()).isEqualTo(seconds(1));
        assertThat(e.snapshot().volume().reason()).endsWith("; reads fail: no instance is up behind the reader endpoint");
        assertThat(e.snapshot().endpoints().readerEndpoint()).isEmpty();
    }

    @Test
    void withoutAReplicaTheWriterServesReadsFromACopyInItsOwnAz() {
        // the writer in az-b: the first copy in slot order (az-a's) is not the one it reads from
        AuroraEngine e = new AuroraEngine(spec(30, 200, 1000, 2, writer("writer-1", "az-b")));
        e.advanceTo(seconds(1));
        assertThat(e.snapshot().endpoints().readerEndpoint()).containsExactly("writer-1");
        assertThat(e.lastWriterReadRoutes()).extracting(r -> r.segment().id())
                .containsExactly("pg-0/az-b/1", "pg-1/az-b/1", "pg-2/az-b/1");
        e.apply(new Command.FailSegment("pg-1/az-b/1"));
        e.advanceTo(seconds(1) + 10_000);
        assertThat(e.lastWriterReadRoutes()).extracting(r -> r.segment().id())
                .containsExactly("pg-0/az-b/1", "pg-1/az-b/2", "pg-2/az-b/1");
        e.apply(new Command.FailSegment("pg-1/az-b/2"));
        e.advanceTo(seconds(1) + 20_000);
        // no copy in its AZ: the first that holds the read point
        assertThat(e.lastWriterReadRoutes()).extracting(r -> r.segment().id())
                .containsExactly("pg-0/az-b/1", "pg-1/az-a/1", "pg-2/az-b/1");
        assertNoInvariantBroken(e);
    }

    @Test
    void aReplicaIsTheReaderEndpointOnlyWhileItIsUp() {
        AuroraEngine e = light(2);
        assertThat(e.snapshot().endpoints().readerEndpoint()).containsExactly("reader-1");
        e.apply(new Command.FailInstance("reader-1"));
        assertThat(e.snapshot().endpoints().readerEndpoint()).containsExactly("writer-1");
        e.advanceTo(seconds(1));
        assertThat(e.snapshot().counters().readsFailed()).isZero();
    }
}
