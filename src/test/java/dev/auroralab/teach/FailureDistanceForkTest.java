package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
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
 * reads stop = the region was readable and is not; commits wait = the managed RPO blocks commits. Each is counted
 * only when the copy left alone still has what was lost, so the fault caused it. The writer, in whatever it is doing
 * (taking writes, or in the middle of a failover, a restart, a recreate, a Global Database operation), is compared
 * by what each copy did from the fault to the writer's horizon ({@link #writerHorizon}): a failover = the faulted
 * copy started a promotion (the engine's FailoverStarted) the one left alone did not; no writer for minutes = it
 * ends without a writer (recreating, waiting for an AZ or an instance, a global operation still waiting for an
 * instance) where the one left alone does not, or it started a recreate over. Any other difference fails.
 *
 * <p>When the copies are looked at, and why: 100 ms after the fault ({@link #SETTLE_MICROS}), when quorum and reads
 * have settled (they change at the instant of the fault; 100 ms lets the boxcars and acks on the wire, about 1 ms a
 * hop, and ten read ticks pass) and no repair has begun (storage notices a lost copy after 10 s); then the failure
 * detection time plus 100 ms later, when the engine has decided between promoting a replica and recreating the writer
 * (and nothing a fault started has been repaired yet: a new copy needs 10 s of detection and then its fill); and, with
 * a managed RPO, the RPO plus 3 s later, when a secondary that stopped receiving has lagged past it. The writer is
 * watched up to the detection time plus 100 ms, or while a change under way would end later (a Global Database
 * operation), until 1.1 s after it ends.
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
     * and the effects at least one of its faults must have, so a sweep that finds nothing to mark fails too. With a
     * {@code phase}, only the moments between the two where the writer change is in that phase are taken (looked up
     * on the run itself, so a change of timings moves them with it).
     */
    record Situation(String name, String scenario, long fromMicros, long toMicros, List<Action> actions,
            Set<FaultEffect> mustSee, FailoverPhase phase) {
        Situation(String name, String scenario, long fromMicros, long toMicros, List<Action> actions,
                Set<FaultEffect> mustSee) {
            this(name, scenario, fromMicros, toMicros, actions, mustSee, null);
        }
    }

    record Action(long atMicros, Command command) {
    }

    static List<Situation> situations() {
        List<Situation> all = new ArrayList<>(List.of(
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
                new Situation("a Global Database", "global-region-outage-failover", 2 * SECOND, 20 * SECOND,
                        List.of(), Set.of(FaultEffect.NO_WRITER, FaultEffect.REPLICATION_STALLS,
                                FaultEffect.READS_STOP, FaultEffect.FAILOVER)),
                new Situation("a Global Database with its primary region out", "global-region-outage-failover",
                        20_500_000, 25 * SECOND, List.of(), Set.of(FaultEffect.REPLICATION_STALLS)),
                new Situation("after a detach and promote", "global-detach-and-promote", 86 * SECOND,
                        150 * SECOND, List.of(), Set.of()),
                new Situation("a Global Database with a managed RPO", "global-managed-rpo", 5_500_000,
                        10 * SECOND, List.of(), Set.of(FaultEffect.COMMITS_WAIT))));
        all.addAll(writerChanges());
        return all;
    }

    /**
     * The writer in the middle of each kind of change the built-in scenarios make: every phase of a failover, a
     * restart in place, a recreate, a switchover, a global failover and a detach. In each, the instances (and the AZs
     * and regions holding them) are judged by what they do to the change under way.
     */
    static List<Situation> writerChanges() {
        List<Action> oneReplicaLeft = List.of(new Action(50 * SECOND, new Command.FailInstance("reader-2")));
        return List.of(
                phase("a failover while the lost writer is detected", "writer-crash-failover-by-tier", 10, 20,
                        FailoverPhase.DETECTING, List.of(), Set.of()),
                phase("a failover while the chosen replica is promoted", "writer-crash-failover-by-tier", 20, 30,
                        FailoverPhase.PROMOTING, List.of(), Set.of(FaultEffect.FAILOVER)),
                phase("a failover while the new writer recovers", "writer-crash-failover-by-tier", 30, 32,
                        FailoverPhase.RECOVERING, List.of(), Set.of(FaultEffect.FAILOVER)),
                phase("a failover while the cluster endpoint moves", "writer-crash-failover-by-tier", 32, 37,
                        FailoverPhase.ENDPOINT_MOVING, List.of(), Set.of(FaultEffect.FAILOVER)),
                phase("a writer restarting in place", "writer-restart-vs-failover", 10, 20,
                        FailoverPhase.RESTARTING, List.of(), Set.of(FaultEffect.FAILOVER)),
                phase("a writer recovering after its restart in place", "writer-restart-vs-failover", 20, 22,
                        FailoverPhase.RECOVERING, List.of(), Set.of(FaultEffect.FAILOVER)),
                phase("a lost writer detected with one replica left", "writer-restart-vs-failover", 60, 70,
                        FailoverPhase.DETECTING, oneReplicaLeft, Set.of(FaultEffect.NO_WRITER)),
                phase("the one replica left being promoted", "writer-restart-vs-failover", 70, 80,
                        FailoverPhase.PROMOTING, oneReplicaLeft, Set.of(FaultEffect.NO_WRITER)),
                phase("a lost writer with no replica, detected", "writer-crash-no-replica", 30, 40,
                        FailoverPhase.DETECTING, List.of(), Set.of()),
                phase("a writer being recreated (no replica)", "writer-crash-no-replica", 40, 340,
                        FailoverPhase.RECREATING, List.of(), Set.of(FaultEffect.NO_WRITER)),
                phase("a recreated writer recovering", "writer-crash-no-replica", 340, 342,
                        FailoverPhase.RECOVERING, List.of(), Set.of(FaultEffect.NO_WRITER)),
                phase("a switchover waiting for its secondary", "global-switchover", 20, 21,
                        FailoverPhase.SWITCHOVER_SYNC, List.of(), Set.of(FaultEffect.FAILOVER)),
                phase("a switchover reconfiguring the regions", "global-switchover", 20, 41,
                        FailoverPhase.SWITCHOVER_RECONFIGURING, List.of(), Set.of(FaultEffect.NO_WRITER)),
                phase("a global failover promoting the secondary", "global-region-outage-failover", 25, 86,
                        FailoverPhase.GLOBAL_PROMOTING, List.of(), Set.of(FaultEffect.NO_WRITER)),
                phase("a detach and promote under way", "global-detach-and-promote", 25, 86,
                        FailoverPhase.GLOBAL_PROMOTING, List.of(), Set.of(FaultEffect.NO_WRITER)));
    }

    private static Situation phase(String name, String scenario, long fromSeconds, long toSeconds,
            FailoverPhase phase, List<Action> actions, Set<FaultEffect> mustSee) {
        return new Situation(name, scenario, fromSeconds * SECOND, toSeconds * SECOND, actions, mustSee, phase);
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

    /**
     * The check can fail in every situation of a writer change: one instance's answer made wrong on purpose (a
     * failover called no writer and the other way round, or a safe instance called a failover) is reported, with
     * the instance's fault. Only that fault is forked.
     */
    @TestFactory
    Stream<DynamicTest> aWrongAnswerAboutTheWriterDuringAChangeIsCaught() {
        return writerChanges().stream().map(sit -> DynamicTest.dynamicTest(sit.name(), () -> {
            Run run = runAt(sit, BASE_SEED);
            FailureDistance d = FailureDistance.of(run.snapshot(), run.engine().spec().timings());
            // an instance the answer is about, or with none to fail (all down), an AZ
            List<SingleFault> takingInstances = d.faults().stream().filter(f -> f.kind() == SingleFault.Kind.INSTANCE)
                    .toList();
            if (takingInstances.isEmpty()) {
                takingInstances = d.faults().stream().filter(f -> f.kind() == SingleFault.Kind.AZ).toList();
            }
            SingleFault right = takingInstances.stream().filter(f -> f.effects().contains(FaultEffect.FAILOVER)
                    || f.effects().contains(FaultEffect.NO_WRITER)).findFirst().orElse(takingInstances.get(0));
            Set<FaultEffect> wrong = EnumSet.noneOf(FaultEffect.class);
            wrong.addAll(right.effects());
            if (!wrong.remove(FaultEffect.FAILOVER) || !wrong.add(FaultEffect.NO_WRITER)) {
                if (!wrong.remove(FaultEffect.NO_WRITER)) {
                    wrong.clear();
                }
                wrong.add(FaultEffect.FAILOVER);
            }
            List<String> reasons = new ArrayList<>();
            wrong.forEach(e -> reasons.add("deliberately wrong: " + e.label()));
            SingleFault lie = new SingleFault(right.kind(), right.id(), right.region(), right.fault(), wrong, reasons);
            List<SingleFault> faults = new ArrayList<>(d.faults());
            faults.set(faults.indexOf(right), lie);
            List<String> failures = check(run.engine(), new FailureDistance(d.nowMicros(), faults),
                    where(sit, BASE_SEED, run.nowMicros()) + ", " + right.id() + " said " + wrong, Set.of(),
                    f -> f == lie);
            assertThat(failures).as(right.describe() + " told as " + wrong).isNotEmpty()
                    .allSatisfy(m -> assertThat(m).contains(right.fault().describe()));
        }));
    }

    static void checkOne(Situation sit, long seed) throws ScenarioError {
        Run run = runAt(sit, seed);
        String where = where(sit, seed, run.nowMicros());
        List<String> failures = check(run.engine(), FailureDistance.of(run.snapshot(), run.engine().spec().timings()), where, sit.mustSee());
        assertThat(failures).as(where).isEmpty();
    }

    static String where(Situation sit, long seed, long at) {
        return sit.name() + " at " + at + " µs (reproduce with -Ddistance.seed=" + seed + " or seed " + seed
                + " and --at " + at + "us)";
    }

    /**
     * The situation's run at a seeded moment: between its two moments, and in its phase when it names one (the
     * moments in that phase are found on a first run of the same seed, looked at every 1/400 of the span).
     */
    static Run runAt(Situation sit, long seed) throws ScenarioError {
        SplittableRandom rnd = new SplittableRandom(seed);
        long at;
        if (sit.phase() == null) {
            at = sit.fromMicros() + rnd.nextLong(sit.toMicros() - sit.fromMicros());
        } else {
            Run scan = played(sit, seed, sit.fromMicros());
            long step = Math.max(1_000, (sit.toMicros() - sit.fromMicros()) / 400);
            List<Long> inPhase = new ArrayList<>();
            for (long t = sit.fromMicros(); t < sit.toMicros(); t += step) {
                scan.playTo(t);
                FailoverSnapshot fo = scan.snapshot().failoverInProgress();
                if (fo != null && fo.phase() == sit.phase()) {
                    inPhase.add(t);
                }
            }
            assertThat(inPhase).as(sit.name() + ": no moment in " + sit.phase()).isNotEmpty();
            // anywhere in the phase, not only on the scan's grid
            long first = inPhase.get(0);
            long last = inPhase.get(inPhase.size() - 1);
            at = first + rnd.nextLong(last - first + 1);
        }
        Run run = played(sit, seed, at);
        if (sit.phase() != null) {
            FailoverSnapshot fo = run.snapshot().failoverInProgress();
            assertThat(fo == null ? null : fo.phase()).as(sit.name() + " at " + at).isEqualTo(sit.phase());
        }
        return run;
    }

    private static Run played(Situation sit, long seed, long to) throws ScenarioError {
        Run run = new Run(BuiltInScenarios.load(sit.scenario()), seed);
        for (Action a : sit.actions()) {
            if (a.atMicros() <= to) {
                run.playTo(a.atMicros());
                assertThat(run.act(a.command()).result().accepted()).as(a.command().describe()).isTrue();
            }
        }
        run.playTo(to);
        return run;
    }

    /**
     * Checks every fault of the distance {@code d} worked out at the engine's moment; returns what did not match.
     * {@code d} comes from the caller so a test can hand in a wrong one and see it fail.
     */
    static List<String> check(AuroraEngine engine, FailureDistance d, String where, Set<FaultEffect> mustSee) {
        return check(engine, d, where, mustSee, f -> true);
    }

    /** As {@link #check(AuroraEngine, FailureDistance, String, Set)}, forking only the faults {@code which} takes. */
    static List<String> check(AuroraEngine engine, FailureDistance d, String where, Set<FaultEffect> mustSee,
            java.util.function.Predicate<SingleFault> which) {
        EngineSnapshot s0 = engine.snapshot();
        List<String> failures = new ArrayList<>();
        countsTheQuorumsAsTheEngineDoes(s0, failures);

        long now = s0.nowMicros();
        List<Long> checkpoints = new ArrayList<>(List.of(now + SETTLE_MICROS,
                now + engine.spec().timings().failureDetectionMicros() + SETTLE_MICROS));
        long rpo = s0.global() == null ? 0 : s0.global().managedRpoSeconds();
        if (rpo > 0) {
            checkpoints.add(now + rpo * SECOND + 3 * SECOND);
        }
        long horizon = writerHorizon(engine);
        AuroraEngine alone = engine.copy();
        List<EngineSnapshot> baseline = new ArrayList<>();
        WriterWatch aloneWriter = WriterWatch.of(alone, checkpoints, horizon, baseline::add);
        Set<FaultEffect> predicted = EnumSet.noneOf(FaultEffect.class);
        for (SingleFault f : d.faults()) {
            predicted.addAll(f.effects());
            if (!which.test(f)) {
                continue;
            }
            AuroraEngine fork = engine.copy();
            int firstEvent = fork.eventCount();
            CommandResult r = fork.apply(f.fault());
            if (!r.accepted()) {
                failures.add(f.fault().describe() + " was offered but the engine refused it: " + r.message());
                continue;
            }
            Set<FaultEffect> seen = EnumSet.noneOf(FaultEffect.class);
            try {
                List<EngineSnapshot> forked = new ArrayList<>();
                WriterWatch forkWriter = WriterWatch.of(fork, firstEvent, checkpoints, horizon, forked::add);
                for (int k = 0; k < checkpoints.size(); k++) {
                    seen.addAll(observe(s0, baseline.get(k), forked.get(k), k == 2));
                }
                seen.addAll(forkWriter.effectsAgainst(aloneWriter));
            } catch (AssertionError e) {
                failures.add(f.fault().describe() + ": " + e.getMessage());
                continue;
            }
            if (!seen.equals(f.effects())) {
                failures.add(f.fault().describe() + ": predicted " + (f.safe() ? "safe" : f.effects() + " (" + f.reason()
                        + ")") + ", the engine showed " + (seen.isEmpty() ? "nothing" : seen));
            } else if (f.effects().contains(FaultEffect.FAILOVER)) {
                String late = writesBackAsSaid(fork, firstEvent, s0, f);
                if (late != null) {
                    failures.add(f.fault().describe() + ": " + late);
                }
            }
        }
        if (!predicted.containsAll(mustSee)) {
            failures.add("expected some fault to have each of " + mustSee + ", found only " + predicted);
        }
        System.out.println("distance to failure, " + where + ": " + d.faults().size() + " faults forked, "
                + d.marked().size() + " marked; " + d.caption(null));
        return failures;
    }

    /**
     * A failover's pause as said ("failover ~27 s (model)", from the scenario's timings) is the engine's: its next
     * failover completes exactly that long after the fault. Not asked when the fault also loses a read quorum, or one
     * is lost already: crash recovery then waits for it (P17 §4.3), which no timing says. Null when it matches.
     */
    static String writesBackAsSaid(AuroraEngine fork, int firstEvent, EngineSnapshot s0, SingleFault f) {
        if (f.writesBackMicros() <= 0) {
            return "a failover says no pause";
        }
        boolean quorumWaits = f.effects().contains(FaultEffect.READ_QUORUM_LOST)
                || s0.volume().protectionGroups().stream().anyMatch(pg -> !pg.readQuorum());
        if (quorumWaits) {
            return null;
        }
        long said = s0.nowMicros() + f.writesBackMicros();
        fork.advanceTo(Math.max(fork.nowMicros(), said + SETTLE_MICROS));
        for (AuroraEvent ev : fork.eventsFrom(firstEvent)) {
            if (ev instanceof AuroraEvent.FailoverCompleted done) {
                return done.atMicros() == said ? null : "writes were back " + (done.atMicros() - s0.nowMicros())
                        + " µs after the fault, the label says " + f.writesBackMicros() + " µs (" + f.label() + ")";
            }
        }
        return "no failover completed by " + (said + SETTLE_MICROS) + " µs, the label says " + f.label();
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
    static Set<FaultEffect> observe(EngineSnapshot s0, EngineSnapshot b, EngineSnapshot f, boolean commits) {
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
        // commits waiting matter while a writer commits: with none (its region out), the flag says nothing
        if (commits && WriterOutcome.of(f) == WriterOutcome.WRITING && f.global().commitsBlocked()
                && !b.global().commitsBlocked()) {
            out.add(FaultEffect.COMMITS_WAIT);
        }
        return out;
    }

    /**
     * Until when the writer is watched: the failure detection time plus 100 ms (a writer lost now is detected and a
     * replica chosen, or its recreate started), or, when a writer change is under way and left alone it ends later
     * (a Global Database operation, a failover's last steps), 1.1 s after it ends (the engine looks again for an
     * instance to promote every second), but at most the detection, a global failover and 5 s.
     */
    static long writerHorizon(AuroraEngine engine) {
        long now = engine.nowMicros();
        var t = engine.spec().timings();
        long horizon = now + t.failureDetectionMicros() + SETTLE_MICROS;
        if (engine.snapshot().failoverInProgress() == null) {
            return horizon;
        }
        long cap = now + t.failureDetectionMicros() + t.globalFailoverMicros() + 5 * SECOND;
        AuroraEngine alone = engine.copy();
        for (long at = now + SETTLE_MICROS; at <= cap; at += SETTLE_MICROS) {
            alone.advanceTo(at);
            if (alone.snapshot().failoverInProgress() == null) {
                return Math.max(horizon, at + 1_100_000);
            }
        }
        return horizon;
    }

    /** Where the writer is: writing, in a change that ends with a writer, or without one for long. */
    enum WriterOutcome {
        WRITING, CHANGING, NO_WRITER, OTHER;

        static WriterOutcome of(EngineSnapshot s) {
            FailoverSnapshot fo = s.failoverInProgress();
            if (fo == null) {
                return s.writerId() != null ? WRITING : OTHER;
            }
            if (fo.kind() == FailoverKind.RECREATE || fo.phase() == FailoverPhase.RECREATING
                    || fo.phase() == FailoverPhase.WAITING_FOR_AZ) {
                return NO_WRITER;
            }
            return CHANGING;
        }
    }

    /**
     * What one copy of the engine did about its writer from the fault to the horizon: the promotions it started
     * (FailoverStarted), the recreates it started, and where its writer is at the horizon. The snapshots at the
     * checkpoints are taken on the way.
     */
    record WriterWatch(int promotions, int recreates, WriterOutcome outcome, FailoverSnapshot change) {

        static WriterWatch of(AuroraEngine e, List<Long> checkpoints, long horizon,
                java.util.function.Consumer<EngineSnapshot> atCheckpoint) {
            return of(e, e.eventCount(), checkpoints, horizon, atCheckpoint);
        }

        static WriterWatch of(AuroraEngine e, int firstEvent, List<Long> checkpoints, long horizon,
                java.util.function.Consumer<EngineSnapshot> atCheckpoint) {
            WriterWatch w = null;
            java.util.TreeSet<Long> times = new java.util.TreeSet<>(checkpoints);
            times.add(horizon);
            for (long t : times) {
                e.advanceTo(t);
                EngineSnapshot s = e.snapshot();
                if (t == horizon && w == null) {
                    int promotions = 0;
                    int recreates = 0;
                    for (AuroraEvent ev : e.eventsFrom(firstEvent)) {
                        promotions += ev instanceof AuroraEvent.FailoverStarted ? 1 : 0;
                        recreates += ev instanceof AuroraEvent.WriterRecreationStarted ? 1 : 0;
                    }
                    w = new WriterWatch(promotions, recreates, WriterOutcome.of(s), s.failoverInProgress());
                }
                if (checkpoints.contains(t)) {
                    atCheckpoint.accept(s);
                }
            }
            return w;
        }

        /**
         * The writer's effects of a fault, this copy (faulted) against {@code alone}: no writer for minutes when this
         * one ends without a writer (a recreate, a wait for an instance or an AZ, a Global Database operation still
         * waiting for an instance) where the one left alone does not, or starts a recreate over; a failover when it
         * started a promotion the one left alone did not. Any other difference is an outcome the analysis has no
         * word for, and fails.
         */
        Set<FaultEffect> effectsAgainst(WriterWatch alone) {
            boolean globalWaiting = outcome == WriterOutcome.CHANGING && change.globalOperation() != null
                    && alone.outcome == WriterOutcome.WRITING;
            if (outcome == WriterOutcome.NO_WRITER && (alone.outcome != WriterOutcome.NO_WRITER
                    || recreates > alone.recreates) || globalWaiting) {
                return EnumSet.of(FaultEffect.NO_WRITER);
            }
            if (promotions > alone.promotions) {
                return EnumSet.of(FaultEffect.FAILOVER);
            }
            if (outcome != alone.outcome) {
                throw new AssertionError("the writer is " + outcome + " (" + change + ") where, left alone, it is "
                        + alone.outcome + " (" + alone.change + "): an outcome the analysis has no word for");
            }
            return EnumSet.noneOf(FaultEffect.class);
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
