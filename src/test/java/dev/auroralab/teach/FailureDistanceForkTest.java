package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.FailoverKind;
import dev.auroralab.engine.snapshot.FailoverPhase;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.ScenarioError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every answer of {@link FailureDistance} checked against the engine itself: take the engine at a moment of a
 * situation, work out the distance from its snapshot, then for every single fault offered apply that fault to a copy
 * of the engine, let it run, and compare what the copy shows with what a copy left alone shows. A fault marked with
 * effects must show exactly those effects, and a fault called safe must show none: a marked fault that does nothing,
 * a safe one that stops something, or one that does more than it says all fail here.
 *
 * <p>What "shows" means, on the snapshots: writes stop = a protection group of the write region that held its write
 * quorum has lost it (replication stalls: the same in a secondary); read quorum lost = the same for the read quorum;
 * reads stop = the region was readable and is not; a failover = the writer is being replaced by a promoted replica;
 * no writer for minutes = it is being recreated, or waits for an AZ or its region; commits wait = the managed RPO
 * blocks commits. Each is counted only when the copy left alone still has what was lost, so the fault caused it.
 *
 * <p>When the copies are looked at, and why: 100 ms after the fault ({@link #SETTLE_MICROS}), when quorum and reads
 * have settled (they change at the instant of the fault; 100 ms lets the boxcars and acks on the wire, about 1 ms a
 * hop, and ten read ticks pass) and no repair has begun (storage notices a lost copy after 10 s); then the failure
 * detection time plus 100 ms later, when the engine has decided between promoting a replica and recreating the writer
 * (and nothing a fault started has been repaired yet: a new copy needs 10 s of detection and then its fill); and, with
 * a managed RPO, the RPO plus 3 s later, when a secondary that stopped receiving has lagged past it.
 *
 * <p>Seeded: {@code -Ddistance.seed=N} picks the moments (and the engine seeds) of the default run, and
 * {@code -Ddistance.sweeps=N} checks N moments of each situation instead of one (the long sweep). A failure names the
 * seed and the moment that reproduce it.
 */
class FailureDistanceForkTest {

    private static final long SECOND = 1_000_000;
    static final long SETTLE_MICROS = 100_000;
    private static final long BASE_SEED = Long.getLong("distance.seed", 14);
    private static final int SWEEPS = Integer.getInteger("distance.sweeps", 1);

    /**
     * A situation: a built-in scenario between two moments of its timeline (and learner's actions at given times),
     * and the effects at least one of its faults must have, so a sweep that finds nothing to mark fails too.
     */
    record Situation(String name, String scenario, long fromMicros, long toMicros, List<Action> actions,
            Set<FaultEffect> mustSee) {
    }

    record Action(long atMicros, Command command) {
    }

    static List<Situation> situations() {
        return List.of(
                new Situation("healthy cluster", "healthy-cluster", 2 * SECOND, 60 * SECOND, List.of(),
                        Set.of(FaultEffect.FAILOVER)),
                new Situation("during an AZ outage", "lose-an-az", 10_500_000, 60 * SECOND, List.of(),
                        Set.of(FaultEffect.WRITES_STOP, FaultEffect.READ_QUORUM_LOST, FaultEffect.FAILOVER)),
                new Situation("AZ+1", "az-plus-one", 12_500_000, 22 * SECOND, List.of(),
                        Set.of(FaultEffect.WRITES_STOP, FaultEffect.READ_QUORUM_LOST)),
                new Situation("AZ+1 while the lost copy is replaced (membership change)", "az-plus-one",
                        22_500_000, 31 * SECOND, List.of(), Set.of(FaultEffect.READ_QUORUM_LOST)),
                new Situation("after two copies were destroyed, during their repair", "two-copies-destroyed",
                        10_500_000, 29 * SECOND, List.of(), Set.of(FaultEffect.WRITES_STOP)),
                new Situation("an AZ out with the quorum reconfigured to 3 of 4", "lose-an-az", 16 * SECOND,
                        60 * SECOND, List.of(new Action(15 * SECOND, new Command.ReconfigureQuorum("us-east-1c"))),
                        Set.of(FaultEffect.WRITES_STOP, FaultEffect.FAILOVER)),
                new Situation("a storage node out, its copies replaced", "healthy-cluster", 5_500_000,
                        40 * SECOND, List.of(new Action(5 * SECOND, new Command.FailStorageNode("sn-us-east-1a-1"))),
                        Set.of(FaultEffect.FAILOVER)),
                new Situation("a writer-only cluster", "writer-crash-no-replica", 2 * SECOND, 30 * SECOND, List.of(),
                        Set.of(FaultEffect.NO_WRITER, FaultEffect.READS_STOP)),
                new Situation("a writer being recreated", "writer-crash-no-replica", 30_500_000, 200 * SECOND,
                        List.of(), Set.of()),
                new Situation("in the middle of a failover", "writer-crash-failover-by-tier", 10_500_000,
                        40 * SECOND, List.of(), Set.of()),
                new Situation("a Global Database", "global-region-outage-failover", 2 * SECOND, 20 * SECOND,
                        List.of(), Set.of(FaultEffect.NO_WRITER, FaultEffect.REPLICATION_STALLS,
                                FaultEffect.READS_STOP, FaultEffect.FAILOVER)),
                new Situation("a Global Database with its primary region out", "global-region-outage-failover",
                        20_500_000, 25 * SECOND, List.of(), Set.of(FaultEffect.REPLICATION_STALLS)),
                new Situation("a Global Database switchover under way", "global-switchover", 20_500_000,
                        45 * SECOND, List.of(), Set.of()),
                new Situation("after a detach and promote", "global-detach-and-promote", 26 * SECOND,
                        150 * SECOND, List.of(), Set.of()),
                new Situation("a Global Database with a managed RPO", "global-managed-rpo", 5_500_000,
                        10 * SECOND, List.of(), Set.of(FaultEffect.COMMITS_WAIT)));
    }

    @TestFactory
    Stream<DynamicTest> everyMarkedFaultDoesWhatItSaysAndEverySafeOneChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Situation> all = situations();
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int k = 0; k < all.size(); k++) {
                Situation sit = all.get(k);
                long seed = BASE_SEED + 1000L * sweep + k;
                tests.add(DynamicTest.dynamicTest(sit.name() + " (seed " + seed + ")", () -> checkOne(sit, seed)));
            }
        }
        return tests.stream();
    }

    static void checkOne(Situation sit, long seed) throws ScenarioError {
        SplittableRandom rnd = new SplittableRandom(seed);
        long at = sit.fromMicros() + rnd.nextLong(sit.toMicros() - sit.fromMicros());
        Run run = new Run(BuiltInScenarios.load(sit.scenario()), seed);
        for (Action a : sit.actions()) {
            run.playTo(a.atMicros());
            assertThat(run.act(a.command()).result().accepted()).as(a.command().describe()).isTrue();
        }
        run.playTo(at);
        String where = sit.name() + " at " + at + " µs (reproduce with -Ddistance.seed=" + seed + " or seed " + seed
                + " and --at " + at + "us)";
        List<String> failures = check(run.engine(), where, sit.mustSee());
        assertThat(failures).as(where).isEmpty();
    }

    /** Checks every fault of the distance worked out at the engine's moment; returns what did not match. */
    static List<String> check(AuroraEngine engine, String where, Set<FaultEffect> mustSee) {
        EngineSnapshot s0 = engine.snapshot();
        FailureDistance d = FailureDistance.of(s0);
        List<String> failures = new ArrayList<>();
        countsTheQuorumsAsTheEngineDoes(s0, failures);

        long now = s0.nowMicros();
        List<Long> checkpoints = new ArrayList<>(List.of(now + SETTLE_MICROS,
                now + engine.spec().timings().failureDetectionMicros() + SETTLE_MICROS));
        long rpo = s0.global() == null ? 0 : s0.global().managedRpoSeconds();
        if (rpo > 0) {
            checkpoints.add(now + rpo * SECOND + 3 * SECOND);
        }
        AuroraEngine alone = engine.copy();
        List<EngineSnapshot> baseline = new ArrayList<>();
        for (long t : checkpoints) {
            alone.advanceTo(t);
            baseline.add(alone.snapshot());
        }
        Set<FaultEffect> predicted = EnumSet.noneOf(FaultEffect.class);
        for (SingleFault f : d.faults()) {
            predicted.addAll(f.effects());
            AuroraEngine fork = engine.copy();
            CommandResult r = fork.apply(f.fault());
            if (!r.accepted()) {
                failures.add(f.fault().describe() + " was offered but the engine refused it: " + r.message());
                continue;
            }
            Set<FaultEffect> seen = EnumSet.noneOf(FaultEffect.class);
            try {
                for (int k = 0; k < checkpoints.size(); k++) {
                    fork.advanceTo(checkpoints.get(k));
                    seen.addAll(observe(s0, baseline.get(k), fork.snapshot(), k == 1 && d.writerJudged(), k == 2));
                }
            } catch (AssertionError e) {
                failures.add(f.fault().describe() + ": " + e.getMessage());
                continue;
            }
            if (!seen.equals(f.effects())) {
                failures.add(f.fault().describe() + ": predicted " + (f.safe() ? "safe" : f.effects() + " (" + f.reason()
                        + ")") + ", the engine showed " + (seen.isEmpty() ? "nothing" : seen));
            }
        }
        if (!predicted.containsAll(mustSee)) {
            failures.add("expected some fault to have each of " + mustSee + ", found only " + predicted);
        }
        System.out.println("distance to failure, " + where + ": " + d.faults().size() + " faults forked, "
                + d.marked().size() + " marked; " + d.caption(null));
        return failures;
    }

    /** Before any fault, the analysis counts each group's quorums as the engine does. */
    private static void countsTheQuorumsAsTheEngineDoes(EngineSnapshot s, List<String> failures) {
        for (RegionSnapshot r : s.regionsOrPrimary()) {
            for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                QuorumAfterFault.Count w = QuorumAfterFault.writes(pg, Set.of());
                QuorumAfterFault.Count rd = QuorumAfterFault.reads(pg, Set.of());
                if (w.held() != pg.writeQuorum() || w.copies() != pg.writableCopies()
                        || rd.held() != pg.readQuorum() || rd.copies() != pg.readableCopies()) {
                    failures.add(pg.id() + ": counted writes " + w + " reads " + rd + ", the engine says writes "
                            + pg.writableCopies() + " " + pg.writeQuorum() + ", reads " + pg.readableCopies() + " "
                            + pg.readQuorum());
                }
            }
        }
    }

    /**
     * The effects a fault had, comparing the faulted copy {@code f} with the copy left alone {@code b} at the same
     * instant, against the moment of the fault {@code s0}.
     */
    static Set<FaultEffect> observe(EngineSnapshot s0, EngineSnapshot b, EngineSnapshot f, boolean writer,
            boolean commits) {
        Set<FaultEffect> out = EnumSet.noneOf(FaultEffect.class);
        for (RegionSnapshot r0 : s0.regionsOrPrimary()) {
            RegionSnapshot rb = region(b, r0.region());
            RegionSnapshot rf = region(f, r0.region());
            boolean writeRegion = r0.region().equals(s0.region());
            for (ProtectionGroupSnapshot p0 : r0.volume().protectionGroups()) {
                ProtectionGroupSnapshot pb = pg(rb, p0.id());
                ProtectionGroupSnapshot pf = pg(rf, p0.id());
                if (p0.writeQuorum() && pb.writeQuorum() && !pf.writeQuorum()) {
                    out.add(writeRegion ? FaultEffect.WRITES_STOP : FaultEffect.REPLICATION_STALLS);
                }
                if (p0.readQuorum() && pb.readQuorum() && !pf.readQuorum()) {
                    out.add(FaultEffect.READ_QUORUM_LOST);
                }
            }
            if (r0.readable() && rb.readable() && !rf.readable()) {
                out.add(FaultEffect.READS_STOP);
            }
        }
        WriterOutcome ob = WriterOutcome.of(b);
        WriterOutcome of = WriterOutcome.of(f);
        if (writer) {
            if (ob == WriterOutcome.WRITING && of == WriterOutcome.FAILOVER) {
                out.add(FaultEffect.FAILOVER);
            } else if (ob == WriterOutcome.WRITING && of == WriterOutcome.NO_WRITER) {
                out.add(FaultEffect.NO_WRITER);
            } else if (ob != of) {
                throw new AssertionError("the writer is " + of + " where, left alone, it is " + ob
                        + ": an outcome the analysis has no word for");
            }
        }
        // commits waiting matter while a writer commits: with none (its region out), the flag says nothing
        if (commits && of == WriterOutcome.WRITING && f.global().commitsBlocked() && !b.global().commitsBlocked()) {
            out.add(FaultEffect.COMMITS_WAIT);
        }
        return out;
    }

    /** Where the writer is, after the detection time: writing, failing over to a replica, or without one for long. */
    enum WriterOutcome {
        WRITING, FAILOVER, NO_WRITER, OTHER;

        static WriterOutcome of(EngineSnapshot s) {
            FailoverSnapshot fo = s.failoverInProgress();
            if (fo == null) {
                return s.writerId() != null ? WRITING : OTHER;
            }
            if (fo.kind() == FailoverKind.RECREATE || fo.phase() == FailoverPhase.RECREATING
                    || fo.phase() == FailoverPhase.WAITING_FOR_AZ) {
                return NO_WRITER;
            }
            if (fo.kind() == FailoverKind.IN_REGION && fo.to() != null && !fo.to().equals(fo.from())) {
                return FAILOVER;
            }
            return OTHER;
        }
    }

    private static RegionSnapshot region(EngineSnapshot s, String name) {
        return s.regionsOrPrimary().stream().filter(r -> r.region().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no region " + name + " in the snapshot"));
    }

    private static ProtectionGroupSnapshot pg(RegionSnapshot r, String id) {
        return r.volume().protectionGroups().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + id + " in " + r.region()));
    }
}
