package dev.auroralab.engine;

import static dev.auroralab.engine.EngineProbes.*;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.FailoverPhase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each step of an in-region failover (cluster/Failover) and what it leaves behind, read from the engine state right
 * after the scheduled item that made the step. Times follow ModelValues: detection 10 s, restart (promotion) 10 s,
 * crash recovery 2 s, DNS TTL 5 s, recreation of a writer with no replica 300 s.
 */
class FailoverPhasesTest {

    /** writer-1 in az-a; reader-1 (tier 0, larger) in az-b; reader-2 (tier 1) in az-c. */
    private static AuroraEngine threeInstances() {
        return new AuroraEngine(spec(30, 200, 1000, 3, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge"), reader("reader-2", "az-c", 1, "db.r6g.large")));
    }

    /** writer-1 in az-a and no replica. */
    private static AuroraEngine writerAlone() {
        return new AuroraEngine(spec(10, 200, 1000, 1, writer("writer-1", "az-a")));
    }

    private static void assertVolumeIsUpToDate(AuroraEngine e) {
        EngineSnapshot.VolumeSnapshot shown = e.snapshot().volume();
        EngineSnapshot.VolumeSnapshot fresh = freshLook(e);
        assertThat(shown.reason()).isEqualTo(fresh.reason());
        assertThat(shown.writable()).isEqualTo(fresh.writable());
        assertThat(shown.status()).isEqualTo(fresh.status());
    }

    @Test
    void theDetectionIsAnnouncedAndTheFailedWriterIsDemotedWhenTheReplicaIsChosen() {
        AuroraEngine e = threeInstances();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        String whileDetecting = e.snapshot().volume().reason();

        // failed at 1 s, noticed 10 s later
        AuroraEvent.WriterFailureDetected d = stepUntil(e, AuroraEvent.WriterFailureDetected.class, seconds(20));
        assertThat(d.atMicros()).isEqualTo(seconds(11));
        assertThat(d.writer()).isEqualTo("writer-1");

        EngineSnapshot s = e.snapshot();
        // the same item chose reader-1 (tier 0) and took the writer role from writer-1
        assertThat(s.failoverInProgress().phase()).isEqualTo(FailoverPhase.PROMOTING);
        assertThat(s.instance("reader-1").status()).isEqualTo(InstanceStatus.PROMOTING);
        assertThat(s.instance("writer-1").role()).isEqualTo(InstanceRole.READER);
        assertThat(s.instance("writer-1").status()).isEqualTo(InstanceStatus.DOWN);
        assertThat(s.volume().writable()).isFalse();
        // and the volume's account of itself moved on from "detecting" at once, not at the next read tick
        assertThat(s.volume().reason()).isNotEqualTo(whileDetecting);
        assertVolumeIsUpToDate(e);
    }

    @Test
    void theVolumeIsWritableTheMomentTheEndpointReachesTheNewWriter() {
        AuroraEngine e = threeInstances();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        // 1 + 10 detection + 10 promotion + 2 recovery + 5 DNS
        AuroraEvent.ClusterEndpointMoved m = stepUntil(e, AuroraEvent.ClusterEndpointMoved.class, seconds(40));
        assertThat(m.atMicros()).isEqualTo(seconds(28));
        EngineSnapshot s = e.snapshot();
        assertThat(s.failoverInProgress()).isNull();
        assertThat(s.volume().writable()).isTrue();
        assertVolumeIsUpToDate(e);
        assertThat(events(e, AuroraEvent.VolumeStatusChanged.class)).last()
                .satisfies(c -> assertThat(c.atMicros()).isEqualTo(seconds(28)));
    }

    @Test
    void withNoReplicaTheWriterIsRecreatedAndRecoversInPlace() {
        AuroraEngine e = writerAlone();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        AuroraEvent.WriterRecreationStarted r = stepUntil(e, AuroraEvent.WriterRecreationStarted.class, seconds(20));
        assertThat(r.atMicros()).isEqualTo(seconds(11));
        assertThat(r.readyAtMicros()).isEqualTo(seconds(311));
        EngineSnapshot s = e.snapshot();
        assertThat(s.failoverInProgress().phase()).isEqualTo(FailoverPhase.RECREATING);
        assertThat(s.instance("writer-1").status()).isEqualTo(InstanceStatus.CREATING);
        assertVolumeIsUpToDate(e);

        // recreated at 311 s, recovered at 313 s; the endpoint never left writer-1, so no DNS wait
        AuroraEvent.FailoverCompleted done = stepUntil(e, AuroraEvent.FailoverCompleted.class, seconds(400));
        assertThat(done.atMicros()).isEqualTo(seconds(313));
        assertThat(done.durationMicros()).isEqualTo(seconds(312));
        s = e.snapshot();
        assertThat(s.volume().writable()).isTrue();
        assertThat(s.instance("writer-1").status()).isEqualTo(InstanceStatus.UP);
        assertThat(s.instance("writer-1").role()).isEqualTo(InstanceRole.WRITER);
        assertVolumeIsUpToDate(e);
        assertThat(events(e, AuroraEvent.ClusterEndpointMoved.class)).isEmpty();
    }

    @Test
    void aRecreatedWriterIsNoLongerCrashedAndReturnsWithItsAz() {
        AuroraEngine e = writerAlone();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(320));
        assertThat(e.snapshot().volume().writable()).isTrue();

        e.apply(new Command.FailAvailabilityZone("az-a"));
        e.advanceTo(seconds(325));
        e.apply(new Command.RestoreAvailabilityZone("az-a"));
        // an instance failed by the user stays down when its AZ returns; the recreated writer is not such an instance
        assertThat(events(e, AuroraEvent.InstanceRestarting.class)).singleElement().satisfies(r -> {
            assertThat(r.instanceId()).isEqualTo("writer-1");
            assertThat(r.atMicros()).isEqualTo(seconds(325));
            assertThat(r.readyAtMicros()).isEqualTo(seconds(335));
        });
        assertThat(e.snapshot().instance("writer-1").status()).isEqualTo(InstanceStatus.STARTING);
    }

    @Test
    void aWriterAloneInALostAzIsRecreatedInAnotherAzOfTheRegionWithoutWaitingForTheAz() {
        AuroraEngine e = writerAlone();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-a"));
        // detected after 10 s; az-a is out, so Aurora recreates writer-1 in the region's first AZ that is up (FAQ)
        AuroraEvent.WriterRecreationStarted r = stepUntil(e, AuroraEvent.WriterRecreationStarted.class, seconds(20));
        assertThat(r.atMicros()).isEqualTo(seconds(11));
        assertThat(r.fromAz()).isEqualTo("az-a");
        assertThat(r.az()).isEqualTo("az-b");
        assertThat(r.readyAtMicros()).isEqualTo(seconds(11) + Timings.DEFAULTS.recreateMicros());
        assertThat(r.detail()).contains("in az-b (its AZ az-a is out)");
        assertThat(events(e, AuroraEvent.NoWriterAvailable.class)).isEmpty();
        assertThat(e.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.RECREATING);
        assertThat(e.snapshot().instance("writer-1").az()).isEqualTo("az-b");
        assertVolumeIsUpToDate(e);

        // the recreated writer runs crash recovery (2 s) and serves from az-b while az-a is still out
        long ready = seconds(11) + Timings.DEFAULTS.recreateMicros();
        e.advanceTo(ready + seconds(3));
        assertThat(events(e, AuroraEvent.CrashRecoveryCompleted.class)).singleElement()
                .satisfies(c -> assertThat(c.atMicros()).isEqualTo(ready + seconds(2)));
        assertThat(e.snapshot().failovers()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FailoverKind.RECREATE);
            assertThat(f.from()).isEqualTo("writer-1");
            assertThat(f.to()).isEqualTo("writer-1");
            assertThat(f.completedAtMicros()).isEqualTo(ready + seconds(2));
        });
        assertThat(e.snapshot().volume().writable()).isTrue();
        assertThat(e.snapshot().downAzs()).containsExactly("az-a");
    }

    @Test
    void aWriterAloneWithEveryAzOutWaitsForAnAzToReturn() {
        AuroraEngine e = writerAlone();
        e.advanceTo(seconds(1));
        e.apply(new Command.FailAvailabilityZone("az-a"));
        e.apply(new Command.FailAvailabilityZone("az-b"));
        e.apply(new Command.FailAvailabilityZone("az-c"));
        AuroraEvent.NoWriterAvailable n = stepUntil(e, AuroraEvent.NoWriterAvailable.class, seconds(20));
        assertThat(n.atMicros()).isEqualTo(seconds(11));
        assertThat(n.reason()).contains("no AZ of");
        assertThat(events(e, AuroraEvent.WriterRecreationStarted.class)).isEmpty();
        assertThat(e.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.WAITING_FOR_AZ);

        // az-a and az-b back at 20 s (a read quorum again): writer-1 restarts (10 s) and recovers (2 s) as the
        // writer, at its own endpoint
        e.advanceTo(seconds(20));
        e.apply(new Command.RestoreAvailabilityZone("az-a"));
        e.apply(new Command.RestoreAvailabilityZone("az-b"));
        e.advanceTo(seconds(40));
        assertThat(events(e, AuroraEvent.CrashRecoveryCompleted.class)).singleElement().satisfies(c -> {
            assertThat(c.writer()).isEqualTo("writer-1");
            assertThat(c.atMicros()).isEqualTo(seconds(32));
        });
        assertThat(e.snapshot().failovers()).singleElement().satisfies(f -> {
            assertThat(f.from()).isEqualTo("writer-1");
            assertThat(f.to()).isEqualTo("writer-1");
            assertThat(f.completedAtMicros()).isEqualTo(seconds(32));
        });
    }

    @Test
    void aNewWriterLostDuringRecoveryReturnsAsAReaderAndIsPromotedAgain() {
        AuroraEngine e = light(3);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        // reader-1 is promoted at 21 s and recovers until 23 s; it dies at 22 s with no other replica up
        e.advanceTo(seconds(22));
        e.apply(new Command.FailInstance("reader-1"));
        assertThat(events(e, AuroraEvent.NoWriterAvailable.class)).singleElement()
                .satisfies(n -> assertThat(n.atMicros()).isEqualTo(seconds(22)));
        assertThat(e.snapshot().failoverInProgress().phase()).isEqualTo(FailoverPhase.WAITING_FOR_AZ);
        assertThat(e.snapshot().instance("reader-1").role()).isEqualTo(InstanceRole.READER);

        // restored at 25 s it boots at 35 s as a reader (it is no writer any more), then is promoted like any replica:
        // promoted at 45 s, recovered at 47 s, the endpoint moves from writer-1 at 52 s
        e.advanceTo(seconds(25));
        e.apply(new Command.RestoreInstance("reader-1"));
        e.advanceTo(seconds(60));
        List<AuroraEvent.FailoverStarted> started = events(e, AuroraEvent.FailoverStarted.class);
        assertThat(started).extracting(AuroraEvent.FailoverStarted::atMicros).containsExactly(seconds(11), seconds(35));
        assertThat(started).extracting(AuroraEvent.FailoverStarted::to).containsExactly("reader-1", "reader-1");
        assertThat(events(e, AuroraEvent.WriterPromoted.class)).extracting(AuroraEvent.WriterPromoted::atMicros)
                .containsExactly(seconds(21), seconds(45));
        assertThat(events(e, AuroraEvent.CrashRecoveryCompleted.class)).singleElement()
                .satisfies(c -> assertThat(c.atMicros()).isEqualTo(seconds(47)));
        assertThat(e.snapshot().failovers()).singleElement().satisfies(f -> {
            assertThat(f.from()).isEqualTo("writer-1");
            assertThat(f.to()).isEqualTo("reader-1");
            assertThat(f.completedAtMicros()).isEqualTo(seconds(52));
        });
        assertNoInvariantBroken(e);
    }

    @Test
    void aPromotedReplicaAlreadyHoldsTheWriterRoleWhenItsPromotionIsAnnounced() {
        AuroraEngine e = threeInstances();
        List<InstanceRole> rolesSeen = new ArrayList<>();
        e.addListener(ev -> {
            if (ev instanceof AuroraEvent.WriterPromoted p) {
                rolesSeen.add(e.snapshot().instance(p.instanceId()).role());
            }
        });
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(30));
        assertThat(rolesSeen).containsExactly(InstanceRole.WRITER);
    }
}
