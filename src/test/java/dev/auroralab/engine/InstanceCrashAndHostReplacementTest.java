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
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.FailoverPhase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two writer faults of cluster/Failover seen from what they leave behind: a crashed writer (crash-instance) fails
 * the commits it was waiting on and cancels a switchover that was waiting for it, and a lost instance whose host was
 * replaced (fail-instance, then the recreate time) is an ordinary instance again, which an AZ outage stops and the
 * AZ's return starts.
 */
class InstanceCrashAndHostReplacementTest {

    @Test
    void aCrashedWriterFailsEveryCommitItWasWaitingOnAndNoOther() {
        AuroraEngine e = standard(21);
        // 1000 writes/s: a few boxcar windows' commits are always waiting for their quorum
        e.advanceTo(seconds(1) + 500);
        EngineSnapshot.CountersSnapshot before = e.snapshot().counters();
        assertThat(before.writesPending()).isPositive();
        e.apply(new Command.CrashInstance("writer-1"));
        EngineSnapshot.CountersSnapshot after = e.snapshot().counters();
        assertThat(after.writesFailed()).isEqualTo(before.writesFailed() + before.writesPending());
        assertThat(after.writesPending()).isZero();
        assertThat(after.writesAcknowledged()).isEqualTo(before.writesAcknowledged());
        assertThat(after.writesIssued()).isEqualTo(before.writesIssued());
    }

    private static SecondarySpec secondary(String region, long latencyMs, String readerId) {
        List<String> azs = List.of(region + "a", region + "b", region + "c");
        return new SecondarySpec(region, azs,
                List.of(new InstanceSpec(readerId, azs.get(0), Role.READER, 1, "db.r6g.large")), latencyMs);
    }

    /**
     * A switchover to us-west-2 (35 ms away) waits until us-west-2 holds everything the writer committed; the writer
     * crashes in that wait. Aurora recovers the primary instead: the switchover is cancelled and writer-1 restarts in
     * place (restart 10 s, recovery 2 s), still in us-east-1.
     */
    @Test
    void aWriterThatCrashesWhileASwitchoverWaitsForItCancelsTheSwitchoverAndRestartsInPlace() {
        AuroraEngine e = new AuroraEngine(new ClusterSpec("us-east-1",
                List.of("us-east-1a", "us-east-1b", "us-east-1c"), 20,
                List.of(writer("writer-1", "us-east-1a"), reader("reader-1", "us-east-1b", 0, "db.r6g.large")),
                500, 500, 13, List.of(secondary("us-west-2", 35, "usw-1"))));
        e.advanceTo(seconds(5));
        assertThat(e.apply(new Command.Switchover("us-west-2")).accepted()).isTrue();
        assertThat(e.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.SWITCHOVER_SYNC);
        assertThat(e.apply(new Command.CrashInstance("writer-1")).accepted()).isTrue();

        assertThat(events(e, AuroraEvent.GlobalOperationCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(FailoverKind.GLOBAL_SWITCHOVER);
            assertThat(c.region()).isEqualTo("us-west-2");
            assertThat(c.atMicros()).isEqualTo(seconds(5));
        });
        assertThat(e.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.RESTARTING);

        e.advanceTo(seconds(5 + 10 + 2 + 1));
        EngineSnapshot s = e.snapshot();
        assertThat(s.writerRegion()).isEqualTo("us-east-1");
        assertThat(s.writerId()).isEqualTo("writer-1");
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.failovers()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailoverKind.RESTART_IN_PLACE);
            assertThat(f.from()).isEqualTo("writer-1");
            assertThat(f.to()).isEqualTo("writer-1");
            assertThat(f.startedAtMicros()).isEqualTo(seconds(5));
            assertThat(f.completedAtMicros()).isEqualTo(seconds(5 + 10 + 2));
        });
    }

    /**
     * reader-1 (az-b) is lost at 1 s and gets a new host at 301 s (recreate 300 s). az-b goes out at 310 s, which
     * stops reader-1 like any instance there, and comes back at 320 s: reader-1 restarts with it (restart 10 s).
     */
    @Test
    void anInstanceOnAReplacedHostRestartsWhenItsAzReturnsFromALaterOutage() {
        AuroraEngine e = new AuroraEngine(spec(10, 20, 50, 17, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.large")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("reader-1"));
        e.advanceTo(seconds(305));
        assertThat(events(e, AuroraEvent.InstanceReplaced.class)).singleElement()
                .satisfies(r -> assertThat(r.atMicros()).isEqualTo(seconds(301)));
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.UP);

        e.advanceTo(seconds(310));
        e.apply(new Command.FailAvailabilityZone("az-b"));
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.DOWN);
        e.advanceTo(seconds(320));
        e.apply(new Command.RestoreAvailabilityZone("az-b"));
        e.advanceTo(seconds(331));
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.UP);
        assertThat(events(e, AuroraEvent.InstanceStarted.class)).last()
                .satisfies(st -> {
                    assertThat(st.instanceId()).isEqualTo("reader-1");
                    assertThat(st.atMicros()).isEqualTo(seconds(330));
                });
    }
}
