package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.ClusterSpec.InstanceSpec;
import dev.auroralab.engine.Timings;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fast analysis (groups judged once per shape, copies' faults made when asked) says exactly what the
 * straightforward one says (every fault judged on its own, every group it reaches counted again:
 * {@link StraightforwardAnalysis}): the same faults in the same order, each with the same effects, reasons, command
 * and failover time; the same fault for every element looked up; the same captions and counts.
 */
class FaultAnalysisByShapeTest {

    private static final long SECOND = 1_000_000;

    /**
     * Every built-in scenario at four moments spread over its first three minutes (its timeline has acted by then),
     * and at a moment inside each writer change the fork test looks at.
     */
    @TestFactory
    Stream<DynamicTest> onEveryBuiltInScenarioTheFastAnswerIsTheStraightforwardOne() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : BuiltInScenarios.NAMES) {
            Scenario sc = BuiltInScenarios.load(name);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Run run = new Run(sc);
                long span = Math.min(sc.durationMicros(), 180 * SECOND);
                for (int m = 0; m < 4; m++) {
                    long at = span * (3 + 25 * m) / 100 + span / 20;
                    run.playTo(at);
                    same(run.snapshot(), sc.cluster().timings(), name + " at " + at + " µs", 1);
                }
            }));
        }
        for (FailureDistanceForkTest.Situation sit : FailureDistanceForkTest.writerChanges()) {
            tests.add(DynamicTest.dynamicTest(sit.name(), () -> {
                Run run = FailureDistanceForkTest.runAt(sit, 14);
                same(run.snapshot(), run.engine().spec().timings(), sit.name() + " at " + run.nowMicros() + " µs", 1);
            }));
        }
        return tests.stream();
    }

    /**
     * A volume of 1,024 groups in many shapes: a storage node failed, a copy destroyed every half second in twelve
     * groups (so their replacements are at different stages: placed on other nodes, hydrating, catching up), an AZ
     * out from 7 s to 15 s (its copies then catch up); looked at during all of it and once it is repaired.
     */
    @Test
    void onAVolumeOfManyShapesWhileItIsRepairedTheFastAnswerIsTheStraightforwardOne() {
        AuroraEngine e = new AuroraEngine(new ClusterSpec("us-east-1", List.of("us-east-1a", "us-east-1b",
                "us-east-1c"), 10_240, List.of(
                        new InstanceSpec("writer-1", "us-east-1a", ClusterSpec.Role.WRITER, 1, "db.r6g.large"),
                        new InstanceSpec("reader-1", "us-east-1b", ClusterSpec.Role.READER, 0, "db.r6g.large"),
                        new InstanceSpec("reader-2", "us-east-1c", ClusterSpec.Role.READER, 1, "db.r6g.large")),
                2000, 2000, 5));
        e.advanceTo(SECOND);
        assertThat(e.apply(new Command.FailStorageNode("sn-us-east-1b-3")).accepted()).isTrue();
        String[] azs = {"us-east-1a", "us-east-1b", "us-east-1c"};
        for (int k = 0; k < 12; k++) {
            e.advanceTo(SECOND + k * SECOND / 2);
            String address = "pg-" + (k * 37 + 5) + "/" + azs[k % 3] + "/" + (1 + k % 2);
            assertThat(e.apply(new Command.DestroySegment(address)).accepted()).as(address).isTrue();
        }
        e.advanceTo(7 * SECOND);
        assertThat(e.apply(new Command.FailAvailabilityZone("us-east-1c")).accepted()).isTrue();
        int mostShapes = 0;
        for (long at : new long[] {8, 12, 16, 22, 30}) {
            if (at == 16) {
                e.advanceTo(15 * SECOND);
                assertThat(e.apply(new Command.RestoreAvailabilityZone("us-east-1c")).accepted()).isTrue();
            }
            at *= SECOND;
            e.advanceTo(at);
            EngineSnapshot s = e.snapshot();
            same(s, e.spec().timings(), "the 10 TiB volume at " + at + " µs", 1);
            mostShapes = Math.max(mostShapes, new GroupShapes(s.regionsOrPrimary().get(0)).shapes.size());
        }
        assertThat(mostShapes).as("the moments looked at include groups of many shapes").isGreaterThan(10);
    }

    /**
     * The largest built-in volume: healthy, its 26,215 groups come in two shapes; with an AZ out and a copy destroyed,
     * in a few, and the answer is the straightforward one's (each copy looked up: one in 97, all of the last group).
     */
    @Test
    void onTheLargestVolumeTheFastAnswerIsTheStraightforwardOneAndItsGroupsComeInAFewShapes() throws Exception {
        Scenario sc = BuiltInScenarios.load(BuiltInScenarios.LARGE.get(0));
        // the engine itself, not a Run: a run's keyframes would copy 157,290 copies for nothing here
        AuroraEngine e = new AuroraEngine(sc.cluster());
        e.advanceTo(SECOND / 2);
        EngineSnapshot healthy = e.snapshot();
        assertThat(new GroupShapes(healthy.regionsOrPrimary().get(0)).shapes).as("two placements, all up").hasSize(2);
        e.apply(new Command.FailAvailabilityZone("us-east-1c"));
        e.apply(new Command.DestroySegment("pg-26214/us-east-1a/1"));
        e.advanceTo(SECOND);
        EngineSnapshot hurt = e.snapshot();
        assertThat(new GroupShapes(hurt.regionsOrPrimary().get(0)).shapes.size()).isBetween(2, 8);
        same(hurt, sc.cluster().timings(), "the largest volume, an AZ out and a copy destroyed", 97);
    }

    /**
     * Two groups alike but for how far a catching-up copy has come: pg-0's copy E is below the read point, pg-2's at
     * it (the others down but F), so failing F stops the reads of pg-0 and not of pg-2. A snapshot changed by hand
     * from the healthy cluster's (pg-0 and pg-2 sit on the same nodes): the shape must tell them apart.
     */
    @Test
    void groupsThatDifferOnlyInWhereACatchingUpCopyStandsAreJudgedApart() throws Exception {
        Scenario sc = BuiltInScenarios.load("healthy-cluster");
        Run run = new Run(sc);
        run.playTo(20 * SECOND);
        EngineSnapshot s = run.snapshot();
        long readPoint = s.instances().stream().filter(i -> i.role() == EngineSnapshot.InstanceRole.READER)
                .mapToLong(EngineSnapshot.InstanceSnapshot::appliedLsn).min().orElseThrow();
        List<EngineSnapshot.ProtectionGroupSnapshot> pgs = new ArrayList<>();
        for (EngineSnapshot.ProtectionGroupSnapshot pg : s.volume().protectionGroups()) {
            long scl = pg.id().equals("pg-0") ? readPoint - 1 : pg.id().equals("pg-2") ? readPoint : -1;
            if (scl < 0) {
                pgs.add(pg);
                continue;
            }
            List<EngineSnapshot.SegmentSnapshot> segs = new ArrayList<>();
            for (EngineSnapshot.SegmentSnapshot c : pg.segments()) {
                var state = c.letter() == 'F' ? dev.auroralab.engine.storage.SegmentState.UP
                        : c.letter() == 'E' ? dev.auroralab.engine.storage.SegmentState.CATCHING_UP
                        : dev.auroralab.engine.storage.SegmentState.DOWN;
                segs.add(new EngineSnapshot.SegmentSnapshot(c.id(), c.address(), c.letter(), c.az(), c.nodeId(),
                        state, c.letter() == 'E' ? scl : c.scl(), c.replacement(), c.inQuorumModel(), false));
            }
            pgs.add(new EngineSnapshot.ProtectionGroupSnapshot(pg.id(), pg.sizeGiB(), pg.membershipEpoch(), 1, 1, 2,
                    pg.copiesInModel(), pg.writeQuorumNeeded(), pg.readQuorumNeeded(), false, false, pg.pgcl(),
                    pg.degradedExcludedAz(), pg.writeSet(), pg.readSet(), segs));
        }
        var v = s.volume();
        var volume = new EngineSnapshot.VolumeSnapshot(v.status(), v.writable(), true, v.why(), v.vcl(), v.vdl(),
                v.volumeEpoch(), v.nextLsn(), v.allocationLimitLsn(), pgs);
        List<RegionSnapshot> regions = new ArrayList<>();
        for (RegionSnapshot r : s.regions()) {
            regions.add(!r.region().equals(s.region()) ? r : new RegionSnapshot(r.region(), r.role(), r.resyncing(),
                    r.latencyMicros(), r.azs(), r.downAzs(), volume, r.instances(), r.storageNodes(), r.endpoints(),
                    r.durableLsn(), r.rpoLagMicros(), r.durabilityLagMicros(), r.writable(), true, r.forwarding()));
        }
        EngineSnapshot changed = new EngineSnapshot(s.nowMicros(), s.seed(), s.region(), s.azs(), s.downAzs(),
                volume, s.instances(), s.endpoints(), s.writesPerSecond(), s.readsPerSecond(), s.counters(),
                s.failoverInProgress(), s.failovers(), s.storageNodes(), s.messagesInFlight(), regions, s.global(),
                s.engine());
        assertThat(changed.regionsOrPrimary().get(0).volume().protectionGroups()).isEqualTo(pgs);
        same(changed, sc.cluster().timings(), "pg-0 and pg-2 with a copy catching up", 1);
        FailureDistance d = FailureDistance.of(changed, sc.cluster().timings());
        assertThat(d.fault(SingleFault.Kind.COPY, "pg-0/us-east-1c/2").effects()).contains(FaultEffect.READS_STOP);
        assertThat(d.fault(SingleFault.Kind.COPY, "pg-2/us-east-1c/2").effects())
                .doesNotContain(FaultEffect.READS_STOP);
    }

    /** Compares the two analyses of {@code s}; looks up one fault in {@code lookUpEvery} (and every non-copy). */
    static void same(EngineSnapshot s, Timings timings, String where, int lookUpEvery) {
        FailureDistance fast = FailureDistance.of(s, timings);
        FailureDistance slow = StraightforwardAnalysis.of(s, timings);
        assertThat(fast.size()).as(where + ": how many").isEqualTo(slow.faults().size());
        List<SingleFault> all = fast.faults();
        for (int k = 0; k < slow.faults().size(); k++) {
            assertThat(all.get(k)).as(where + ": fault " + k).isEqualTo(slow.faults().get(k));
        }
        assertThat(all).as(where).isEqualTo(slow.faults());
        // looked up one by one, as the window does, on a fresh result (nothing made yet)
        FailureDistance fresh = FailureDistance.of(s, timings);
        List<SingleFault> expected = slow.faults();
        for (int k = 0; k < expected.size(); k++) {
            SingleFault f = expected.get(k);
            if (k % lookUpEvery == 0 || f.kind() != SingleFault.Kind.COPY || k > expected.size() - 40) {
                assertThat(fresh.fault(f.kind(), f.id())).as(where + ": " + f.kind() + " " + f.id()).isEqualTo(f);
            }
        }
        assertThat(fresh.fault(SingleFault.Kind.COPY, "pg-999999/us-east-1a/1")).isNull();
        assertThat(fresh.fault(SingleFault.Kind.COPY, "no such copy")).isNull();
        assertThat(fresh.caption(null)).as(where).isEqualTo(slow.caption(null));
        for (RegionSnapshot r : s.regionsOrPrimary()) {
            assertThat(fresh.caption(r.region())).as(where + " in " + r.region()).isEqualTo(slow.caption(r.region()));
            for (FaultEffect e : FaultEffect.values()) {
                assertThat(fresh.count(e, r.region())).as(where + ": " + e).isEqualTo(slow.count(e, r.region()));
            }
        }
    }
}
