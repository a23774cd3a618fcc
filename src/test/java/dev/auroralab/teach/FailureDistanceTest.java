package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.teach.SingleFault.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The worked examples a teacher would draw on the board, read off the analysis of a snapshot (the fork test checks
 * every answer against the engine itself; these pin what the answers are).
 */
class FailureDistanceTest {

    private static final long SECOND = 1_000_000;

    static EngineSnapshot at(String scenario, long micros) {
        try {
            Run run = new Run(BuiltInScenarios.load(scenario));
            run.playTo(micros);
            return run.snapshot();
        } catch (ScenarioError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The distance at a moment of a built-in scenario, with the scenario's own timings. */
    static FailureDistance distance(String scenario, long micros) {
        try {
            return FailureDistance.of(at(scenario, micros), BuiltInScenarios.load(scenario).cluster().timings());
        } catch (ScenarioError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static List<SingleFault> copiesOf(FailureDistance d, String pg) {
        return d.faults().stream().filter(f -> f.kind() == Kind.COPY && f.id().startsWith(pg + "/")).toList();
    }

    @Test
    void aHealthyClusterWithReplicasHasOnlyTheWriterAsADangerAndItMeansAFailover() {
        FailureDistance d = distance("healthy-cluster", 20 * SECOND);
        assertThat(d.marked()).extracting(SingleFault::id).containsExactly("us-east-1a", "writer-1");
        SingleFault writer = d.fault(Kind.INSTANCE, "writer-1");
        assertThat(writer.effects()).containsExactly(FaultEffect.FAILOVER);
        assertThat(writer.reason()).contains("reader-1 (tier 0)").endsWith("writes are back in about 27 s (model"
                + " value: 10 s detection + 10 s promotion + 2 s recovery + 5 s DNS TTL)");
        assertThat(writer.label()).isEqualTo("failover ~27 s (model)");
        assertThat(writer.labelInFull()).isEqualTo("failover (writes pause about 27 s, model value)");
        // 18 copies, 12 storage nodes, 3 AZs, 3 instances: no single copy, node or AZ stops anything
        assertThat(d.faults()).hasSize(36);
        assertThat(d.fault(Kind.AZ, "us-east-1a").effects()).containsExactly(FaultEffect.FAILOVER);
    }

    @Test
    void theFailoversPauseIsTheScenariosOwnTimingsAddedUpAsTheEngineDoes() throws Exception {
        // the same cluster with a slow health check and a long DNS TTL (a teacher's timings: block)
        Scenario healthy = BuiltInScenarios.load("healthy-cluster");
        Timings slow = healthy.cluster().timings().with(Timings.Timing.FAILURE_DETECTION, 30 * SECOND)
                .with(Timings.Timing.DNS_TTL, 60 * SECOND);
        Run run = new Run(new Scenario(healthy.name(), healthy.description(), healthy.seed(),
                healthy.durationMicros(), healthy.cluster().withTimings(slow), healthy.timeline(),
                healthy.expectations(), healthy.sourceName()));
        run.playTo(20 * SECOND);
        SingleFault writer = FailureDistance.of(run.snapshot(), slow).fault(Kind.INSTANCE, "writer-1");
        assertThat(writer.writesBackMicros()).isEqualTo(102 * SECOND);
        assertThat(writer.label()).isEqualTo("failover ~102 s (model)");
        assertThat(writer.reason()).endsWith("writes are back in about 102 s (model value: 30 s detection + 10 s"
                + " promotion + 2 s recovery + 60 s DNS TTL)");
        // and the engine takes exactly that long: the failover it completes is the one the label says
        long failedAt = run.nowMicros();
        run.act(writer.fault());
        run.playTo(failedAt + 103 * SECOND);
        var failovers = run.snapshot().failovers();
        assertThat(failovers).hasSize(1);
        assertThat(failovers.get(0).completedAtMicros() - failedAt).isEqualTo(writer.writesBackMicros());
        // an Aurora PostgreSQL cluster with the default timings says the model's default, 27 s
        SingleFault postgres = distance("global-managed-rpo", 8 * SECOND).fault(Kind.INSTANCE, "writer-1");
        assertThat(postgres.label()).startsWith("failover ~27 s (model)");
    }

    @Test
    void duringALostAzEveryCopyLeftOfEveryGroupIsOneMoreAndWritesStop() {
        FailureDistance d = distance("lose-an-az", 30 * SECOND);
        for (String pg : List.of("pg-0", "pg-1", "pg-2")) {
            for (SingleFault f : copiesOf(d, pg)) {
                if (f.id().contains("us-east-1c")) {
                    assertThat(f.safe()).as(f.id() + " is out already: failing it changes nothing now").isTrue();
                } else {
                    assertThat(f.effects()).as(f.id()).containsExactly(FaultEffect.WRITES_STOP);
                    assertThat(f.reason()).isEqualTo(pg + " would reach 3 of 6 copies; writes need 4");
                }
            }
        }
        // a storage node holds copies of two groups: both lose their write quorum
        SingleFault node = d.fault(Kind.STORAGE_NODE, "sn-us-east-1a-1");
        assertThat(node.effects()).containsExactly(FaultEffect.WRITES_STOP);
        assertThat(node.reason()).endsWith("(and 1 more group)");
        // a second AZ: 2 of 6 left, so the read quorum goes too, and the writer's AZ takes the writer with it
        assertThat(d.fault(Kind.AZ, "us-east-1b").effects())
                .containsExactlyInAnyOrder(FaultEffect.WRITES_STOP, FaultEffect.READ_QUORUM_LOST);
        assertThat(d.fault(Kind.AZ, "us-east-1a").effects()).containsExactlyInAnyOrder(FaultEffect.WRITES_STOP,
                FaultEffect.READ_QUORUM_LOST, FaultEffect.FAILOVER, FaultEffect.READS_STOP);
        // reader-2 went with us-east-1c: reader-1 is the one replica left, so while it is promoted no instance
        // serves the reader endpoint
        SingleFault writer = d.fault(Kind.INSTANCE, "writer-1");
        assertThat(writer.effects()).containsExactlyInAnyOrder(FaultEffect.FAILOVER, FaultEffect.READS_STOP);
        assertThat(writer.reason()).contains("reader-1, the one replica left, is promoted");
        assertThat(d.fault(Kind.AZ, "us-east-1c")).as("already out: no fault to offer").isNull();
        assertThat(d.caption(null)).isEqualTo("Distance to failure: 22 single faults stop writes · 2 fail over · 2 stop reads"
                + " · 2 lose a read quorum · 11 safe");
    }

    @Test
    void inAzPlusOneTheThreeCopiesLeftOfTheBrokenGroupAreOneMoreAndTheReadQuorumGoes() {
        FailureDistance d = distance("az-plus-one", 15 * SECOND);
        List<SingleFault> left = copiesOf(d, "pg-0").stream().filter(f -> !f.safe()).toList();
        assertThat(left).extracting(SingleFault::id)
                .containsExactlyInAnyOrder("pg-0/us-east-1a/1", "pg-0/us-east-1a/2", "pg-0/us-east-1b/2");
        assertThat(left).allSatisfy(f -> {
            assertThat(f.effects()).containsExactly(FaultEffect.READ_QUORUM_LOST);
            assertThat(f.reason()).startsWith("pg-0 would reach 2 of 6 copies; a read quorum needs 3");
        });
        // the other groups still have 4 of 6: one more of theirs stops their writes
        assertThat(copiesOf(d, "pg-1").stream().filter(f -> !f.safe()))
                .allSatisfy(f -> assertThat(f.effects()).containsExactly(FaultEffect.WRITES_STOP));
    }

    @Test
    void aWriterWithoutReplicasIsMinutesWithoutAWriterAndItsReadsStopToo() {
        FailureDistance d = distance("writer-crash-no-replica", 10 * SECOND);
        SingleFault writer = d.fault(Kind.INSTANCE, "writer-1");
        assertThat(writer.effects()).containsExactlyInAnyOrder(FaultEffect.NO_WRITER, FaultEffect.READS_STOP);
        assertThat(writer.label()).isEqualTo("no writer (minutes) · reads stop");
        assertThat(writer.worst()).isEqualTo(FaultEffect.NO_WRITER);
        assertThat(writer.reason()).contains("Aurora recreates writer-1 (about 5 min, model value)")
                .contains("no instance would be left behind the reader endpoint");
    }

    @Test
    void whileTheWriterIsBeingRecreatedLosingItStartsTheRecreateOver() {
        FailureDistance d = distance("writer-crash-no-replica", 60 * SECOND);
        SingleFault writer = d.fault(Kind.INSTANCE, "writer-1");
        assertThat(writer.effects()).containsExactly(FaultEffect.NO_WRITER);
        assertThat(writer.reason()).isEqualTo("writer-1, being recreated, would be lost with no replica up to"
                + " promote: the recreate starts over (about 5 min more without a writer, model value)");
        assertThat(d.fault(Kind.COPY, "pg-0/us-east-1a/1").safe()).isTrue();
        assertThat(d.caption(null)).doesNotContain("not judged");
    }

    @Test
    void duringAFailoverLosingTheReplicaBeingPromotedStartsItAgainOrWithNoOtherLeavesNoWriter() throws Exception {
        FailureDistance d = distance("writer-crash-failover-by-tier", 25 * SECOND);
        SingleFault target = d.fault(Kind.INSTANCE, "reader-3");
        assertThat(target.effects()).containsExactly(FaultEffect.FAILOVER);
        assertThat(target.reason()).startsWith("reader-3, being promoted, would be lost: Aurora promotes reader-2"
                + " (tier 0) instead");
        assertThat(d.fault(Kind.INSTANCE, "reader-1").safe()).as("not the one being promoted").isTrue();

        Run run = new Run(BuiltInScenarios.load("writer-restart-vs-failover"));
        run.playTo(50 * SECOND);
        run.act(new Command.FailInstance("reader-2"));
        run.playTo(75 * SECOND);
        SingleFault last = FailureDistance.of(run.snapshot(), run.scenario().cluster().timings()).fault(Kind.INSTANCE, "reader-1");
        assertThat(last.effects()).contains(FaultEffect.NO_WRITER);
        assertThat(last.reason()).contains("reader-1, being promoted, would be lost with no other replica up");
    }

    @Test
    void afterTheQuorumIsReconfiguredToThreeOfFourOneMoreCopyIsSafeAndTwoMoreStopWrites() throws Exception {
        Run run = new Run(BuiltInScenarios.load("lose-an-az"));
        run.playTo(30 * SECOND);
        run.act(new Command.ReconfigureQuorum("us-east-1c"));
        run.playTo(31 * SECOND);
        FailureDistance d = FailureDistance.of(run.snapshot(), run.scenario().cluster().timings());
        assertThat(copiesOf(d, "pg-0")).allSatisfy(f -> assertThat(f.safe()).as(f.id()).isTrue());
        // a node holds two copies of different groups, so it is still one copy per group: safe too
        assertThat(d.fault(Kind.STORAGE_NODE, "sn-us-east-1a-1").safe()).isTrue();
        // an AZ holds two copies of every group: 2 of 4 is not a write quorum, though it is a read quorum
        assertThat(d.fault(Kind.AZ, "us-east-1b").effects()).containsExactly(FaultEffect.WRITES_STOP);
        assertThat(d.fault(Kind.AZ, "us-east-1b").reason()).startsWith("pg-0 would reach 2 of 4 copies; writes need 3");
    }

    @Test
    void inAGlobalDatabaseThePrimaryRegionIsNoWriterAndASecondaryOnlyItsOwnReads() {
        FailureDistance d = distance("global-region-outage-failover", 10 * SECOND);
        assertThat(d.fault(Kind.REGION, "us-east-1").effects()).containsExactlyInAnyOrder(FaultEffect.WRITES_STOP,
                FaultEffect.READ_QUORUM_LOST, FaultEffect.READS_STOP, FaultEffect.NO_WRITER);
        assertThat(d.fault(Kind.REGION, "us-west-2").effects()).containsExactlyInAnyOrder(
                FaultEffect.REPLICATION_STALLS, FaultEffect.READ_QUORUM_LOST, FaultEffect.READS_STOP);
        assertThat(d.fault(Kind.INSTANCE, "oregon-reader-1").safe()).as("oregon-reader-2 still serves").isTrue();
        assertThat(d.caption("us-west-2")).isEqualTo("Distance to failure: 1 single fault stops reads"
                + " · 1 loses a read quorum · 1 stalls replication · 29 safe");
    }

    @Test
    void withAManagedRpoAndOneSecondaryLosingItsReplicationMakesCommitsWait() {
        FailureDistance d = distance("global-managed-rpo", 8 * SECOND);
        SingleFault region = d.fault(Kind.REGION, "eu-west-1");
        assertThat(region.effects()).contains(FaultEffect.COMMITS_WAIT);
        assertThat(region.reason()).contains("managed RPO of 20 s");
        assertThat(d.fault(Kind.INSTANCE, "dublin-reader-1").effects())
                .as("storage-level replication needs no instance: only the region's own reads stop")
                .containsExactly(FaultEffect.READS_STOP);
    }

    @Test
    void aVolumeOf128TiBIsWorkedOutOncePerShapeOfGroupNotCopyByCopy() {
        AuroraEngine e = new AuroraEngine(new ClusterSpec("us-east-1", List.of("us-east-1a", "us-east-1b",
                "us-east-1c"), 131_072, List.of(
                        new InstanceSpec("writer-1", "us-east-1a", ClusterSpec.Role.WRITER, 1, "db.r6g.large"),
                        new InstanceSpec("reader-1", "us-east-1b", ClusterSpec.Role.READER, 0, "db.r6g.large")),
                1000, 1000, 3));
        e.advanceTo(SECOND / 4);
        e.apply(new Command.FailAvailabilityZone("us-east-1c"));
        EngineSnapshot s = e.snapshot();
        long t0 = System.nanoTime();
        FailureDistance d = FailureDistance.of(s, e.spec().timings());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // 13,108 groups: 52,432 copies left up (one more of any stops its group's writes), 26,216 down already
        assertThat(d.count(FaultEffect.WRITES_STOP, null)).isEqualTo(52_432 + 8 + 2);
        assertThat(d.faults().stream().filter(f -> f.kind() == Kind.COPY)).hasSize(78_648);
        System.out.println("distance to failure of a 128 TiB volume: " + d.faults().size() + " faults in " + millis
                + " ms");
        // its groups come in two shapes (the placements), each judged once: a deterministic stand-in for "fast"
        assertThat(new GroupShapes(s.regionsOrPrimary().get(0)).shapes).hasSize(2);
        // a generous bound, for a slow shared machine: counting every group for every fault took minutes, copy by
        // copy about a second and a half, once per shape 9 ms
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void aFaultThatSaysItIsSafeSaysNothingElseAndOneThatIsNotSaysWhy() {
        assertThatThrownBy(() -> new SingleFault(Kind.COPY, "x", "r", new Command.FailSegment("x"),
                Set.of(FaultEffect.WRITES_STOP), List.of())).isInstanceOf(IllegalArgumentException.class);
        SingleFault safe = new SingleFault(Kind.COPY, "x", "r", new Command.FailSegment("x"), Set.of(), List.of());
        assertThat(safe.label()).isEqualTo("safe");
        assertThat(safe.worst()).isNull();
    }

    @Test
    void noSnapshotIsAClearMessageNotANullPointerLater() {
        assertThatThrownBy(() -> FailureDistance.of(null, Timings.DEFAULTS)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("distance to failure needs a snapshot");
    }
}
