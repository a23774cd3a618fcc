package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.FailoverKind;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In-region failover (cluster/Failover, cluster/CrashRecovery) when things go wrong on the way: the promotion target
 * dies, the new writer dies while it recovers, the read quorum is missing when recovery wants it. Timings are the
 * model's fixed ones (ModelValues): detection 10 s, restart 10 s, crash recovery 2 s, DNS TTL 5 s.
 */
class FailoverTest {

    /** writer-1 in az-a; reader-1 (tier 0, larger) in az-b; reader-2 (tier 1) in az-c. */
    private static AuroraEngine threeInstances(long seed) {
        return new AuroraEngine(spec(30, 200, 1000, seed, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge"), reader("reader-2", "az-c", 1, "db.r6g.large")));
    }

    private static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String reason(AuroraEngine e) {
        return e.snapshot().volume().reason();
    }

    @Test
    void whenThePromotionTargetDiesTheNextReplicaIsChosenAtOnce() {
        AuroraEngine e = threeInstances(3);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(15));
        assertThat(reason(e)).startsWith("no writer: promoting reader-1 (failover from writer-1)");
        e.apply(new Command.FailInstance("reader-1"));

        List<AuroraEvent.FailoverStarted> started = events(e, AuroraEvent.FailoverStarted.class);
        assertThat(started).hasSize(2);
        assertThat(started.get(1).atMicros()).isEqualTo(seconds(15));
        assertThat(started.get(1).to()).isEqualTo("reader-2");
        assertThat(started.get(1).why()).isEqualTo("the promotion target reader-1 failed");
        assertThat(e.snapshot().instance("reader-2").status()).isEqualTo(InstanceStatus.PROMOTING);

        // reader-1's own promotion would have finished at 21 s: it must not make reader-1 the writer
        e.advanceTo(seconds(40));
        assertThat(events(e, AuroraEvent.WriterPromoted.class)).singleElement().satisfies(p -> {
            assertThat(p.instanceId()).isEqualTo("reader-2");
            assertThat(p.atMicros()).isEqualTo(seconds(25));
        });
        assertThat(events(e, AuroraEvent.CrashRecoveryCompleted.class)).singleElement()
                .satisfies(c -> assertThat(c.atMicros()).isEqualTo(seconds(27)));
        assertThat(events(e, AuroraEvent.ClusterEndpointMoved.class)).singleElement().satisfies(m -> {
            assertThat(m.atMicros()).isEqualTo(seconds(32));
            assertThat(m.to()).isEqualTo("reader-2");
        });
        assertThat(events(e, AuroraEvent.FailoverCompleted.class)).singleElement()
                .satisfies(c -> assertThat(c.durationMicros()).isEqualTo(seconds(31)));
        // writes were refused from 1 s to 32 s: one 2 ms window at a time
        assertThat(e.snapshot().counters().writeDowntimeMicros()).isBetween(seconds(31) - 4_000, seconds(31) + 2_000);
        EngineSnapshot s = e.snapshot();
        assertThat(s.failovers()).singleElement().satisfies(f -> {
            assertThat(f.from()).isEqualTo("writer-1");
            assertThat(f.to()).isEqualTo("reader-2");
            assertThat(f.rtoMicros()).isEqualTo(seconds(31));
        });
        assertThat(s.instance("reader-1").role()).isEqualTo(InstanceRole.READER);
        assertThat(s.instance("reader-1").status()).isEqualTo(InstanceStatus.DOWN);
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("reader-2");
        assertThat(s.volume().writable()).isTrue();
        assertNoInvariantBroken(e);
    }

    @Test
    void whenTheNewWriterDiesDuringCrashRecoveryAnotherReplicaIsPromoted() {
        AuroraEngine e = threeInstances(3);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        // reader-1 is promoted at 21 s and recovers until 23 s
        e.advanceTo(seconds(22));
        assertThat(reason(e)).startsWith("no writer: reader-1 is running crash recovery");
        assertThat(e.snapshot().instance("reader-1").role()).isEqualTo(InstanceRole.WRITER);
        e.apply(new Command.FailInstance("reader-1"));

        List<AuroraEvent.FailoverStarted> started = events(e, AuroraEvent.FailoverStarted.class);
        assertThat(started).hasSize(2);
        assertThat(started.get(1).why()).isEqualTo("the new writer failed during recovery");
        assertThat(started.get(1).to()).isEqualTo("reader-2");
        assertThat(e.snapshot().instance("reader-1").role()).isEqualTo(InstanceRole.READER);

        e.advanceTo(seconds(45));
        // reader-1's recovery, due at 23 s, never completes: only reader-2's does, 10 + 2 s after 22 s
        assertThat(events(e, AuroraEvent.CrashRecoveryCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.writer()).isEqualTo("reader-2");
            assertThat(c.atMicros()).isEqualTo(seconds(34));
        });
        assertThat(e.snapshot().failovers()).singleElement()
                .satisfies(f -> assertThat(f.completedAtMicros()).isEqualTo(seconds(39)));
        assertThat(e.snapshot().volume().writable()).isTrue();
    }

    @Test
    void withTheLastReplicaLostDuringThePromotionThereIsNoWriterUntilAnInstanceComesBack() {
        AuroraEngine e = light(3);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(15));
        e.apply(new Command.FailInstance("reader-1"));
        assertThat(events(e, AuroraEvent.NoWriterAvailable.class)).singleElement().satisfies(n -> assertThat(n.reason())
                .isEqualTo("no replica is up to promote; add one or restore an instance"));
        assertThat(e.snapshot().failoverInProgress().phase().label()).isEqualTo("waiting for az");

        // the old writer comes back as a reader, and is promoted as soon as it is up
        e.apply(new Command.RestoreInstance("writer-1"));
        e.advanceTo(seconds(25));
        List<AuroraEvent.FailoverStarted> started = events(e, AuroraEvent.FailoverStarted.class);
        assertThat(started).hasSize(2);
        assertThat(started.get(1).to()).isEqualTo("writer-1");
        assertThat(started.get(1).why()).isEqualTo("a replica is available");
        assertThat(started.get(1).atMicros()).isEqualTo(seconds(25));
        e.advanceTo(seconds(40));
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("writer-1");
        // writer-1 was the endpoint all along: no DNS move, the failover ends with recovery at 25 + 10 + 2 s
        assertThat(s.failovers()).singleElement()
                .satisfies(f -> assertThat(f.completedAtMicros()).isEqualTo(seconds(37)));
    }

    @Test
    void recoveryWaitsForAReadQuorumOfEveryGroupAndStartsWithinASecondOfItsReturn() {
        AuroraEngine e = new AuroraEngine(spec(30, 200, 1000, 5, writer("writer-1", "az-a"),
                reader("reader-1", "az-a", 0, "db.r6g.large")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.apply(new Command.FailAvailabilityZone("az-b"));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.advanceTo(seconds(25));
        assertThat(e.snapshot().failoverInProgress().phase().label()).isEqualTo("waiting for quorum");
        assertThat(reason(e)).startsWith("no writer: reader-1 waits for a read quorum of pg-0 to recover");
        e.advanceTo(seconds(30));
        e.apply(new Command.RestoreAvailabilityZone("az-b"));
        e.advanceTo(seconds(31));
        assertThat(e.snapshot().failoverInProgress().phase().label()).isEqualTo("recovering");
        e.advanceTo(seconds(40));
        assertThat(events(e, AuroraEvent.CrashRecoveryCompleted.class)).singleElement()
                .satisfies(c -> assertThat(c.atMicros()).isEqualTo(seconds(33)));
        assertThat(e.snapshot().failovers()).singleElement()
                .satisfies(f -> assertThat(f.completedAtMicros()).isEqualTo(seconds(38)));
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isZero();
    }

    @Test
    void aReadQuorumLostWhileTheWriterRecoversSendsItBackToWaiting() {
        AuroraEngine e = new AuroraEngine(spec(30, 200, 1000, 5, writer("writer-1", "az-a"),
                reader("reader-1", "az-a", 0, "db.r6g.large")));
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(22));
        assertThat(e.snapshot().failoverInProgress().phase().label()).isEqualTo("recovering");
        e.apply(new Command.FailAvailabilityZone("az-b"));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.advanceTo(seconds(23) + 1);
        assertThat(e.snapshot().failoverInProgress().phase().label()).isEqualTo("waiting for quorum");
        assertThat(eventTypes(e)).doesNotContain("CrashRecoveryCompleted");
    }

    @Test
    void aManualFailoverSaysWhyItIsRefused() {
        AuroraEngine e = threeInstances(3);
        assertThat(e.apply(new Command.Failover("nobody")).message()).isEqualTo("no instance nobody");
        assertThat(e.apply(new Command.Failover("writer-1")).message()).isEqualTo("writer-1 is already the writer");
        e.apply(new Command.FailInstance("reader-2"));
        assertThat(e.apply(new Command.Failover("reader-2")).message())
                .isEqualTo("reader-2 is not an available replica");
        CommandResult ok = e.apply(new Command.Failover(null));
        assertThat(ok.message()).isEqualTo("failing over from writer-1 to reader-1");
        assertThat(e.apply(new Command.Failover(null)).message()).isEqualTo("a failover is already in progress");

        AuroraEngine alone = new AuroraEngine(spec(10, 200, 1000, 1, writer("writer-1", "az-a")));
        assertThat(alone.apply(new Command.Failover(null)).message()).isEqualTo("there is no replica to fail over to");
        alone.apply(new Command.FailInstance("writer-1"));
        assertThat(alone.apply(new Command.Failover(null)).message())
                .isEqualTo("a failover is already in progress");

        AuroraEngine down = threeInstances(3);
        down.apply(new Command.FailInstance("writer-1"));
        down.advanceTo(seconds(40));
        // the failover is over (reader-1 writes); writer-1 is a down reader now
        assertThat(down.apply(new Command.Failover("writer-1")).message())
                .isEqualTo("writer-1 is not an available replica");
    }

    @Test
    void aManualFailoverRestartsTheOldWriterAsAReaderAndFailsTheCommitsInFlight() {
        AuroraEngine e = threeInstances(3);
        e.advanceTo(seconds(2));
        long pending = e.snapshot().counters().writesPending();
        long failedBefore = e.snapshot().counters().writesFailed();
        e.apply(new Command.Failover("reader-2"));
        EngineSnapshot s = e.snapshot();
        assertThat(s.counters().writesFailed()).isEqualTo(failedBefore + pending);
        assertThat(s.counters().writesPending()).isZero();
        assertThat(s.instance("writer-1").role()).isEqualTo(InstanceRole.READER);
        assertThat(s.instance("writer-1").status()).isEqualTo(InstanceStatus.STARTING);
        assertThat(s.failoverInProgress().to()).isEqualTo("reader-2");
        assertThat(events(e, AuroraEvent.FailoverStarted.class)).singleElement()
                .satisfies(f -> assertThat(f.why()).isEqualTo("manual failover"));
        e.advanceTo(seconds(30));
        FailoverRecord f = e.snapshot().failovers().get(0);
        assertThat(f.kind()).isEqualTo(FailoverKind.IN_REGION);
        assertThat(f.from()).isEqualTo("writer-1");
        assertThat(f.startedAtMicros()).isEqualTo(seconds(2));
        assertThat(f.to()).isEqualTo("reader-2");
        // 10 s restart + 2 s recovery + 5 s DNS
        assertThat(f.rtoMicros()).isEqualTo(seconds(17));
        assertThat(e.snapshot().instance("writer-1").status()).isEqualTo(InstanceStatus.UP);
    }

    @Test
    void theVolumeReasonNamesEachPhaseOfAFailover() {
        AuroraEngine e = threeInstances(3);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        assertThat(reason(e)).startsWith("writer writer-1 is down; failover starts once it is detected");
        e.advanceTo(seconds(27) + 1);
        assertThat(reason(e)).startsWith("no writer reachable: the cluster endpoint is moving to reader-1 (clients see it after the DNS TTL)");
        e.advanceTo(seconds(33));
        assertThat(reason(e)).isEqualTo("every protection group has its write quorum; reader-1 is writing");

        AuroraEngine alone = new AuroraEngine(spec(10, 200, 1000, 1, writer("writer-1", "az-a")));
        alone.apply(new Command.FailInstance("writer-1"));
        alone.advanceTo(seconds(11));
        assertThat(alone.snapshot().volume().reason())
                .startsWith("no writer: no replica to promote, so writer-1 is being recreated on a new host");
    }
}
