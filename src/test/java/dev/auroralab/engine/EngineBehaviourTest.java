package dev.auroralab.engine;

import dev.auroralab.engine.snapshot.QuorumTerm;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import org.junit.jupiter.api.Test;

class EngineBehaviourTest {

    @Test
    void aHealthyClusterAcknowledgesWritesInAFewMilliseconds() {
        AuroraEngine e = standard(1);
        runChecked(e, seconds(5));
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().status()).isEqualTo(VolumeStatus.WRITABLE);
        assertThat(s.counters().writesAcknowledged()).isBetween(4900L, 5000L);
        assertThat(s.counters().commitLatencyP50Micros()).isBetween(1_000L, 5_000L);
        assertThat(s.volume().vdl()).isLessThanOrEqualTo(s.volume().vcl());
        assertThat(s.instance("reader-1").lagMicros()).isBetween(2_000L, 20_000L);
    }

    @Test
    void losingAnAzKeepsWritesGoingButRaisesCommitLatency() {
        AuroraEngine healthy = standard(3);
        healthy.advanceTo(seconds(20));
        AuroraEngine lost = standard(3);
        lost.apply(new Command.FailAvailabilityZone("az-c"));
        runChecked(lost, seconds(20));
        EngineSnapshot s = lost.snapshot();
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.pg("pg-0").segmentsUp()).isEqualTo(4);
        assertThat(s.counters().commitLatencyP99Micros())
                .isGreaterThan(healthy.snapshot().counters().commitLatencyP99Micros());
    }

    @Test
    void anAzPlusOneBlocksWritesButReadsGoOnAndRepairRestoresWrites() {
        AuroraEngine e = standard(7);
        e.advanceTo(seconds(10));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        e.advanceTo(seconds(12));
        e.apply(new Command.FailSegment("pg-0/az-b/1"));
        runChecked(e, seconds(13));
        EngineSnapshot s = e.snapshot();
        assertThat(s.volume().writable()).isFalse();
        assertThat(s.volume().readable()).isTrue();
        assertThat(s.volume().reason()).isEqualTo("pg-0 reaches 3 of 6 copies; writes need 4");
        assertThat(s.pg("pg-0").writeQuorum()).isFalse();
        assertThat(s.pg("pg-0").readQuorum()).isTrue();
        runChecked(e, seconds(40));
        assertThat(eventTypes(e)).contains("MembershipChangeStarted", "SegmentHydrated", "MembershipChangeCommitted");
        assertThat(e.snapshot().volume().writable()).isTrue();
        assertThat(e.snapshot().counters().acknowledgedWritesLost()).isZero();
    }

    @Test
    void aReturningCopyRollsTheMembershipChangeBack() {
        AuroraEngine e = standard(11);
        e.apply(new Command.FailSegment("pg-1/az-c/2"));
        e.advanceTo(seconds(12)); // detection at 10 s, hydration takes 10 s
        assertThat(eventTypes(e)).contains("MembershipChangeStarted");
        assertThat(e.snapshot().pg("pg-1").writeSet()).containsExactly(new QuorumTerm(4, "ABCDEF"), new QuorumTerm(4, "ABCDEG"));
        e.apply(new Command.RestoreSegment("pg-1/az-c/2"));
        runChecked(e, seconds(25));
        assertThat(eventTypes(e)).contains("MembershipChangeRolledBack", "SegmentCaughtUp")
                .doesNotContain("MembershipChangeCommitted");
        assertThat(e.snapshot().pg("pg-1").writeSet()).containsExactly(new QuorumTerm(4, "ABCDEF"));
    }

    @Test
    void aWriterCrashFailsOverToTheTierZeroReplicaWithinAMinuteAndLosesNothing() {
        AuroraEngine e = new AuroraEngine(spec(30, 2000, 4000, 5, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 2, "db.r6g.4xlarge"), reader("reader-2", "az-c", 0, "db.r6g.large")));
        e.advanceTo(seconds(10));
        e.apply(new Command.FailInstance("writer-1"));
        runChecked(e, seconds(60));
        EngineSnapshot s = e.snapshot();
        assertThat(s.writerId()).isEqualTo("reader-2");
        assertThat(s.endpoints().clusterEndpoint()).isEqualTo("reader-2");
        assertThat(s.failovers()).singleElement().satisfies(f -> {
            assertThat(f.from()).isEqualTo("writer-1");
            assertThat(f.to()).isEqualTo("reader-2");
            assertThat(f.completedAtMicros() - f.startedAtMicros()).isLessThan(seconds(60));
            assertThat(f.acknowledgedWritesLost()).isZero();
        });
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.volume().volumeEpoch()).isEqualTo(2);
        e.apply(new Command.RestoreInstance("writer-1"));
        e.advanceTo(seconds(80));
        assertThat(e.snapshot().instance("writer-1").role()).isEqualTo(EngineSnapshot.InstanceRole.READER);
        assertThat(e.snapshot().instance("writer-1").status()).isEqualTo(EngineSnapshot.InstanceStatus.UP);
    }

    @Test
    void withoutAReplicaTheWriterIsRecreatedInItsAzWithinTenMinutes() {
        AuroraEngine e = new AuroraEngine(spec(10, 500, 1000, 2, writer("writer-1", "az-a")));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(60));
        assertThat(e.snapshot().volume().writable()).isFalse();
        assertThat(eventTypes(e)).contains("WriterRecreationStarted");
        runChecked(e, seconds(600));
        EngineSnapshot s = e.snapshot();
        assertThat(s.writerId()).isEqualTo("writer-1");
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.failovers()).singleElement()
                .satisfies(f -> assertThat(f.completedAtMicros()).isLessThan(seconds(600)));
    }

    @Test
    void withoutAReplicaAndTheWritersAzOutTheWriterIsRecreatedInAnotherAz() {
        AuroraEngine e = new AuroraEngine(spec(10, 500, 1000, 2, writer("writer-1", "az-a")));
        e.apply(new Command.FailAvailabilityZone("az-a"));
        e.advanceTo(seconds(120));
        assertThat(e.snapshot().writerId()).isNull();
        assertThat(eventTypes(e)).contains("WriterRecreationStarted").doesNotContain("NoWriterAvailable");
        runChecked(e, seconds(400));
        assertThat(e.snapshot().writerId()).isEqualTo("writer-1");
        assertThat(e.snapshot().instance("writer-1").az()).isEqualTo("az-b");
        assertThat(e.snapshot().volume().writable()).isTrue();
    }

    @Test
    void aReplicaReadyBeforeTheRecreatedWriterIsPromotedAndTheRecreatedHostStartsAsAReader() {
        AuroraEngine e = new AuroraEngine(spec(10, 500, 1000, 2, writer("writer-1", "az-a")));
        e.apply(new Command.FailAvailabilityZone("az-a"));
        e.advanceTo(seconds(1));
        // ready at 301 s, before writer-1's recreation (detected at 10 s, ready at 310 s)
        e.apply(new Command.AddReplica("reader-9", "az-b", 1, "db.r6g.large"));
        runChecked(e, seconds(400));
        assertThat(e.snapshot().writerId()).isEqualTo("reader-9");
        assertThat(e.snapshot().instance("writer-1").role()).isEqualTo(EngineSnapshot.InstanceRole.READER);
        assertThat(e.snapshot().instance("writer-1").status()).isEqualTo(EngineSnapshot.InstanceStatus.UP);
    }

    @Test
    void aManualFailoverToAChosenReplicaTurnsTheOldWriterIntoAReader() {
        AuroraEngine e = new AuroraEngine(spec(20, 1000, 2000, 9, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge"), reader("reader-2", "az-c", 5, "db.r6g.large")));
        e.advanceTo(seconds(5));
        assertThat(e.apply(new Command.Failover("reader-2")).accepted()).isTrue();
        runChecked(e, seconds(40));
        EngineSnapshot s = e.snapshot();
        assertThat(s.writerId()).isEqualTo("reader-2");
        assertThat(s.instance("writer-1").role()).isEqualTo(EngineSnapshot.InstanceRole.READER);
        assertThat(s.counters().acknowledgedWritesLost()).isZero();
    }

    @Test
    void changingATierDoesNotFailOver() {
        AuroraEngine e = standard(1);
        e.apply(new Command.SetPromotionTier("reader-1", 15));
        e.advanceTo(seconds(2));
        assertThat(e.snapshot().writerId()).isEqualTo("writer-1");
        assertThat(e.snapshot().instance("reader-1").tier()).isEqualTo(15);
        assertThat(eventTypes(e)).contains("PromotionTierChanged").doesNotContain("FailoverStarted");
    }

    @Test
    void replicaLagGrowsWithTheWriteRateButStaysWellUnder100Ms() {
        AuroraEngine e = standard(4);
        e.advanceTo(seconds(2));
        long low = e.snapshot().instance("reader-1").lagMicros();
        e.apply(new Command.SetWorkload(100_000.0, null));
        e.advanceTo(seconds(4));
        long high = e.snapshot().instance("reader-1").lagMicros();
        assertThat(low).isBetween(2_000L, 4_000L);
        assertThat(high).isGreaterThan(low * 5).isLessThan(100_000L);
    }

    @Test
    void destroyingTwoCopiesIsRepairedWithoutLoss() {
        AuroraEngine e = standard(8);
        e.advanceTo(seconds(5));
        e.apply(new Command.DestroySegment("pg-2/az-a/1"));
        e.apply(new Command.DestroySegment("pg-2/az-b/2"));
        runChecked(e, seconds(40));
        EngineSnapshot s = e.snapshot();
        assertThat(s.pg("pg-2").segmentsUp()).isEqualTo(6);
        assertThat(s.counters().acknowledgedWritesLost()).isZero();
        assertThat(eventTypes(e).stream().filter("MembershipChangeCommitted"::equals)).hasSize(2);
    }

    @Test
    void aWholeRejectedCommandSaysWhyAndChangesNothing() {
        AuroraEngine e = standard(1);
        var r = e.apply(new Command.RemoveReplica("writer-1"));
        assertThat(r.accepted()).isFalse();
        assertThat(r.message()).contains("writer");
        assertThat(e.events()).last().isInstanceOf(AuroraEvent.CommandRejected.class);
    }
}
