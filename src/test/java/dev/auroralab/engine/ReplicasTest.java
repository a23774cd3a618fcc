package dev.auroralab.engine;

import static dev.auroralab.engine.GlobalDatabaseTest.global;
import static dev.auroralab.engine.GlobalDatabaseTest.secondary;
import static dev.auroralab.engine.TestClusters.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replicas (cluster/Replicas): adding, removing, restarting, tiers, and the redo they apply. */
class ReplicasTest {

    private static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String refusal(AuroraEngine e, Command c) {
        var r = e.apply(c);
        assertThat(r.accepted()).as(c.describe()).isFalse();
        return r.message();
    }

    @Test
    void addingAReplicaSaysWhyItIsRefused() {
        AuroraEngine e = light(1);
        assertThat(refusal(e, new Command.AddReplica("reader-1", "az-c", 1, "db.r6g.large")))
                .isEqualTo("an instance named reader-1 exists already");
        assertThat(refusal(e, new Command.AddReplica("r", "az-z", 1, "db.r6g.large")))
                .isEqualTo("no AZ az-z in this region");
        assertThat(refusal(e, new Command.AddReplica("r", "az-c", -1, "db.r6g.large"))).isEqualTo("tier must be 0-15");
        assertThat(refusal(e, new Command.AddReplica("r", "az-c", 16, "db.r6g.large"))).isEqualTo("tier must be 0-15");
        assertThat(refusal(e, new Command.AddReplica("r", "az-c", 1, "db.x9.huge"))).contains("db.x9.huge");
        // reader-1 and 14 more make 15 replicas: the cluster's limit
        for (int k = 2; k <= 15; k++) {
            assertThat(e.apply(new Command.AddReplica("reader-" + k, "az-c", 15, "db.r6g.large")).accepted()).isTrue();
        }
        assertThat(refusal(e, new Command.AddReplica("reader-16", "az-c", 1, "db.r6g.large")))
                .isEqualTo("a cluster has at most 15 replicas");
        assertThat(e.apply(new Command.AddReplica("r", "az-c", 0, "db.r6g.large")).accepted()).isFalse();
    }

    @Test
    void aSecondaryRegionHoldsAtMostSixteenInstances() {
        AuroraEngine e = new AuroraEngine(global(100, 1, secondary("eu-west-1", 75, "eu-1")));
        assertThat(refusal(e, new Command.AddReplica("x", "mars-1a", 1, "db.r6g.large")))
                .isEqualTo("no AZ mars-1a in any region (us-east-1, eu-west-1)");
        for (int k = 2; k <= 16; k++) {
            assertThat(e.apply(new Command.AddReplica("eu-" + k, "eu-west-1b", 1, "db.r6g.large")).accepted())
                    .isTrue();
        }
        assertThat(refusal(e, new Command.AddReplica("eu-17", "eu-west-1b", 1, "db.r6g.large")))
                .isEqualTo("a secondary region has at most 16 read-only instances");
    }

    @Test
    void aNewReplicaIsCreatedInFiveMinutesAndStartsAtTheVolumesDurablePoint() {
        // a quiet workload: five simulated minutes of it
        AuroraEngine e = new AuroraEngine(spec(30, 20, 100, 1, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.xlarge")));
        e.advanceTo(seconds(1));
        assertThat(e.apply(new Command.AddReplica("reader-2", "az-c", 3, "db.r6g.2xlarge")).message())
                .isEqualTo("creating reader-2");
        assertThat(events(e, AuroraEvent.ReplicaAdded.class)).singleElement().satisfies(a -> {
            assertThat(a.readyAtMicros()).isEqualTo(seconds(301));
            assertThat(a.tier()).isEqualTo(3);
            assertThat(a.instanceClass()).isEqualTo("db.r6g.2xlarge");
        });
        assertThat(e.snapshot().instance("reader-2").status()).isEqualTo(InstanceStatus.CREATING);
        e.advanceTo(seconds(301) - 1);
        assertThat(e.snapshot().instance("reader-2").status()).isEqualTo(InstanceStatus.CREATING);
        e.advanceTo(seconds(301));
        InstanceSnapshot r2 = e.snapshot().instance("reader-2");
        assertThat(r2.status()).isEqualTo(InstanceStatus.UP);
        assertThat(r2.appliedLsn()).isEqualTo(e.vdl());
        assertThat(e.snapshot().endpoints().readerEndpoint()).containsExactly("reader-1", "reader-2");
    }

    @Test
    void removingAnInstanceSaysWhyItIsRefusedAndARemovedReplicaNeverComesBack() {
        AuroraEngine e = new AuroraEngine(spec(30, 200, 1000, 1, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.large"), reader("reader-2", "az-c", 1, "db.r6g.large")));
        assertThat(refusal(e, new Command.RemoveReplica("nobody"))).isEqualTo("no instance nobody");
        assertThat(refusal(e, new Command.RemoveReplica("writer-1"))).isEqualTo("writer-1 is the writer; fail over first");
        e.apply(new Command.FailInstance("writer-1"));
        e.advanceTo(seconds(12));
        assertThat(refusal(e, new Command.RemoveReplica("reader-1"))).isEqualTo("reader-1 is being promoted");
        // reader-2 restarting is removed before it is up: its boot must not bring it back
        e.apply(new Command.FailInstance("reader-2"));
        e.apply(new Command.RestoreInstance("reader-2"));
        assertThat(e.apply(new Command.RemoveReplica("reader-2")).message()).isEqualTo("reader-2 removed");
        assertThat(eventTypes(e)).contains("ReplicaRemoved");
        e.advanceTo(seconds(40));
        assertThat(e.snapshot().instance("reader-2")).isNull();
        assertThat(events(e, AuroraEvent.InstanceStarted.class)).extracting(AuroraEvent.InstanceStarted::instanceId)
                .doesNotContain("reader-2");
    }

    @Test
    void restartingAnInstanceSaysWhyItIsRefusedAndWaitsForItsAz() {
        AuroraEngine e = light(1);
        assertThat(refusal(e, new Command.RestoreInstance("nobody"))).isEqualTo("no instance nobody");
        assertThat(refusal(e, new Command.RestoreInstance("reader-1"))).isEqualTo("reader-1 is not down");
        assertThat(refusal(e, new Command.FailInstance("nobody"))).isEqualTo("no instance nobody");
        e.apply(new Command.FailInstance("reader-1"));
        assertThat(refusal(e, new Command.FailInstance("reader-1"))).isEqualTo("reader-1 is already down");
        e.apply(new Command.FailAvailabilityZone("az-b"));
        assertThat(e.apply(new Command.RestoreInstance("reader-1")).message())
                .isEqualTo("reader-1 will start when AZ az-b returns");
        e.advanceTo(seconds(20));
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.DOWN);
        e.apply(new Command.RestoreAvailabilityZone("az-b"));
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.STARTING);
        e.advanceTo(seconds(30));
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.UP);
    }

    @Test
    void aTierChangeSaysFromWhatToWhatAndStaysWithinZeroToFifteen() {
        AuroraEngine e = light(1);
        assertThat(refusal(e, new Command.SetPromotionTier("nobody", 1))).isEqualTo("no instance nobody");
        assertThat(refusal(e, new Command.SetPromotionTier("reader-1", 16))).isEqualTo("tier must be 0-15");
        assertThat(refusal(e, new Command.SetPromotionTier("reader-1", -1))).isEqualTo("tier must be 0-15");
        assertThat(e.apply(new Command.SetPromotionTier("reader-1", 15)).message()).isEqualTo("reader-1 is now tier 15");
        assertThat(e.apply(new Command.SetPromotionTier("reader-1", 0)).accepted()).isTrue();
        assertThat(events(e, AuroraEvent.PromotionTierChanged.class)).extracting(t -> t.from() + "->" + t.to())
                .containsExactly("0->15", "15->0");
        assertThat(e.snapshot().instance("reader-1").tier()).isZero();
    }

    @Test
    void aReplicaLagsTheWriterByTheModelsFitOfTheWriteRate() {
        // lag = 2,313 us + 0.3067 us per write/s (P17 Table 4 fit): 2,620 us at 1,000 writes/s, 32,983 at 100,000
        AuroraEngine slow = new AuroraEngine(spec(10, 1_000, 0, 1, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.large")));
        slow.advanceTo(seconds(1));
        assertThat(slow.snapshot().instance("reader-1").lagMicros()).isBetween(2_620L, 2_620L + 4_000);
        AuroraEngine fast = new AuroraEngine(spec(10, 100_000, 0, 1, writer("writer-1", "az-a"),
                reader("reader-1", "az-b", 0, "db.r6g.large")));
        fast.advanceTo(seconds(0.5));
        InstanceSnapshot r = fast.snapshot().instance("reader-1");
        assertThat(r.lagMicros()).isBetween(32_983L, 32_983L + 4_000);
        // what it applied was durable when it applied it, and it trails VDL
        assertThat(r.appliedLsn()).isPositive().isLessThan(fast.vdl());
    }

    @Test
    void whenWritesStopAReplicaCatchesUpToVdlExactlyAndItsLagStopsGrowing() {
        AuroraEngine e = light(1);
        e.advanceTo(seconds(1));
        e.apply(new Command.SetWorkload(0.0, null));
        e.advanceTo(seconds(1.1));
        long lag = e.snapshot().instance("reader-1").lagMicros();
        e.advanceTo(seconds(3));
        InstanceSnapshot r = e.snapshot().instance("reader-1");
        assertThat(r.appliedLsn()).isEqualTo(e.vdl());
        // nothing new to apply: the lag of the last redo applied stays what it was
        assertThat(r.lagMicros()).isEqualTo(lag).isLessThan(10_000);
    }

    @Test
    void aReplicaRestartedByTheUserIsNoLongerCountedAsFailedWhenItsAzComesBack() {
        AuroraEngine e = light(1);
        e.advanceTo(seconds(1));
        e.apply(new Command.FailInstance("reader-1"));
        assertThat(e.apply(new Command.RestoreInstance("reader-1")).message()).isEqualTo("reader-1 is restarting");
        e.advanceTo(seconds(12));
        assertThat(events(e, AuroraEvent.InstanceStarted.class)).singleElement().satisfies(s -> {
            assertThat(s.instanceId()).isEqualTo("reader-1");
            assertThat(s.role()).isEqualTo("reader");
            assertThat(s.atMicros()).isEqualTo(seconds(11));
        });
        assertThat(e.snapshot().instance("reader-1").appliedLsn()).isPositive();
        e.apply(new Command.FailAvailabilityZone("az-b"));
        e.apply(new Command.RestoreAvailabilityZone("az-b"));
        // it went down with its AZ, not by a user's hand: it restarts with the AZ
        assertThat(e.snapshot().instance("reader-1").status()).isEqualTo(InstanceStatus.STARTING);
    }
}
