package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.events;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.ClusterSpec.Role;
import dev.auroralab.engine.ClusterSpec.SecondarySpec;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What crash recovery (cluster/CrashRecovery, P17 §4.3) leaves behind for the mechanisms that come after it: a recovery
 * opens a new failover generation, so a writer host still being built from an older one starts as a reader; and a
 * truncation forgets when the LSNs it cut were made durable, so a secondary's lag counts only the new writer's writes.
 */
class CrashRecoveryGenerationsTest {

    /**
     * writer-1 (az-a) and reader-1 (az-b) at 20 writes/s. reader-1 is lost at 0.5 s, writer-1 at 1 s: detection ends
     * at 11 s (Timings default 10 s) with no replica up, so writer-1's host is rebuilt, ready at 11 s + 300 s = 311 s.
     * reader-1 is restored at 12 s, boots at 22 s (restart 10 s) and is promoted at once: promotion done at 32 s,
     * recovery done at 34 s (2 s), endpoint moved at 39 s (DNS TTL 5 s).
     */
    @Test
    void aWriterHostRebuiltWhileAReplicaWasPromotedAndRecoveredStartsAsAReaderWhenItIsReady() {
        AuroraEngine e = new AuroraEngine(spec(10, 20, 50, 3, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.large")));
        e.advanceTo(seconds(0.5));
        e.apply(new Command.FailInstance("reader-1"));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(12));
        assertThat(events(e, AuroraEvent.WriterRecreationStarted.class)).singleElement()
                .satisfies(r -> assertThat(r.atMicros()).isEqualTo(seconds(11)));
        assertThat(e.apply(new Command.RestoreInstance("reader-1")).accepted()).isTrue();
        e.advanceTo(seconds(40));
        assertThat(events(e, AuroraEvent.CrashRecoveryCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.writer()).isEqualTo("reader-1");
            assertThat(c.atMicros()).isEqualTo(seconds(34));
        });
        assertThat(e.snapshot().endpoints().clusterEndpoint()).isEqualTo("reader-1");

        // writer-1's new host is ready at 311 s: the failover it was built for is over, so it is a reader now
        e.advanceTo(seconds(320));
        EngineSnapshot s = e.snapshot();
        assertThat(s.instance("writer-1").role()).isEqualTo(InstanceRole.READER);
        assertThat(s.instance("writer-1").status()).isEqualTo(InstanceStatus.UP);
        assertThat(s.instance("reader-1").role()).isEqualTo(InstanceRole.WRITER);
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("reader-1");
        assertThat(events(e, AuroraEvent.CrashRecoveryCompleted.class)).hasSize(1);
        assertThat(s.failovers()).singleElement().satisfies(f -> assertThat(f.to()).isEqualTo("reader-1"));
        assertNoInvariantBroken(e);
    }

    private static SecondarySpec secondary(String region, long latencyMs, String readerId) {
        List<String> azs = List.of(region + "a", region + "b", region + "c");
        return new SecondarySpec(region, azs,
                List.of(new InstanceSpec(readerId, azs.get(0), Role.READER, 1, "db.r6g.large")), latencyMs);
    }

    /**
     * A global database: us-east-1 (2 protection groups, 500 writes/s) and us-west-2 35 ms away. At 15 s every copy of
     * pg-0 is destroyed: the volume is cut back to the backup staged at 10 s, and us-west-2, which held more, is cut
     * back with it. Once pg-0 is restored from S3 the writer goes on above the truncation range; each of its writes
     * reaches us-west-2 within a batch (10 ms), the hand-off (5 ms), the trip (35 ms) and a persist, so us-west-2 never
     * lags by more than that (checked every 5 ms), never by the seconds since the LSNs that were cut.
     */
    @Test
    void afterTheVolumeIsCutBackASecondaryLagsOnlyBehindWritesMadeAfterTheCut() {
        AuroraEngine e = new AuroraEngine(new ClusterSpec("us-east-1",
                List.of("us-east-1a", "us-east-1b", "us-east-1c"), 20,
                List.of(writer("writer-1", "us-east-1a"), reader("reader-1", "us-east-1b", 0, "db.r6g.large")),
                500, 500, 11, List.of(secondary("us-west-2", 35, "usw-1"))));
        e.advanceTo(seconds(15));
        long heldBefore = e.snapshot().regionSnapshot("us-west-2").durableLsn();
        for (String az : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
            for (int copy = 1; copy <= 2; copy++) {
                e.apply(new Command.DestroySegment("pg-0/" + az + "/" + copy));
            }
        }
        long cut = e.snapshot().volume().vdl();
        // 500 writes/s of 2 records: about 5 s of LSNs (5,000) are gone, from the secondary too
        assertThat(heldBefore - cut).isBetween(4_500L, 5_500L);
        assertThat(e.snapshot().regionSnapshot("us-west-2").durableLsn()).isEqualTo(cut);

        // find the second in which the writer goes on, then watch that second every 5 ms
        AuroraEngine before = e.copy();
        while (e.snapshot().regionSnapshot("us-west-2").durableLsn() <= cut + ModelValues.LSN_ALLOCATION_LIMIT) {
            assertThat(e.nowMicros()).isLessThan(seconds(60));
            before = e.copy();
            e.advanceTo(e.nowMicros() + seconds(1));
        }
        long worst = 0;
        for (long t = before.nowMicros(); t <= e.nowMicros(); t += 5_000) {
            before.advanceTo(t);
            worst = Math.max(worst, before.snapshot().regionSnapshot("us-west-2").rpoLagMicros());
        }
        assertThat(worst).isPositive().isLessThan(10_000 + 5_000 + 35_000 + 10_000);
    }
}
