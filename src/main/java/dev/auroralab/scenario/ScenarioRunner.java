package dev.auroralab.scenario;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ClusterSpec;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Runs a scenario headless: builds the engine, applies each timeline command at its time and checks each expectation
 * against the snapshot at its time. Commands and expectations at the same instant: commands first, so
 * "at 10s fail-az" and "at 10s writable" sees the AZ already out.
 */
public final class ScenarioRunner {

    /** {@code skipped}: the run ended (a shorter --duration) before the expectation's time; it counts neither way. */
    public record ExpectationResult(Expectation expectation, boolean passed, boolean skipped, String message) {
    }

    public record RunResult(Scenario scenario, long seed, long durationMicros, EngineSnapshot finalSnapshot,
            List<ExpectationResult> expectations, List<AuroraEvent> events, long engineEvents) {
        public boolean allPassed() {
            return expectations.stream().allMatch(e -> e.passed() || e.skipped());
        }
    }

    private ScenarioRunner() {
    }

    /** Runs with the scenario's own seed and duration, or the overrides when not null. */
    public static RunResult run(Scenario scenario, Long seedOverride, Long durationOverrideMicros) {
        long seed = seedOverride != null ? seedOverride : scenario.seed();
        long duration = durationOverrideMicros != null ? durationOverrideMicros : scenario.durationMicros();
        ClusterSpec c = scenario.cluster();
        AuroraEngine engine = new AuroraEngine(new ClusterSpec(c.region(), c.azs(), c.volumeGiB(), c.instances(),
                c.writesPerSecond(), c.readsPerSecond(), seed));
        List<ExpectationResult> results = new ArrayList<>();
        List<Expectation> pending = new ArrayList<>(scenario.expectations());
        pending.sort(Comparator.comparingLong(e -> timeOf(e, duration)));
        for (Expectation e : List.copyOf(pending)) {
            if (e.atMicros() != null && e.atMicros() > duration) {
                pending.remove(e);
                results.add(new ExpectationResult(e, false, true, "at " + e.atText() + " (line " + e.line()
                        + "): not reached, the run ends at " + Durations.format(duration)));
            }
        }
        // every instant something happens, in order; commands past a shortened duration are not applied
        TreeSet<Long> instants = new TreeSet<>();
        scenario.timeline().stream().map(TimedCommand::atMicros).filter(t -> t <= duration).forEach(instants::add);
        pending.forEach(e -> instants.add(timeOf(e, duration)));
        for (long t : instants) {
            engine.advanceTo(t);
            for (TimedCommand tc : scenario.timeline()) {
                if (tc.atMicros() == t) {
                    engine.apply(tc.command());
                }
            }
            List<Expectation> now = pending.stream().filter(e -> timeOf(e, duration) == t).toList();
            if (!now.isEmpty()) {
                EngineSnapshot s = engine.snapshot();
                now.forEach(e -> results.add(check(e, s)));
            }
        }
        engine.advanceTo(duration);
        return new RunResult(scenario, seed, duration, engine.snapshot(), results, engine.events(),
                engine.firedEventCount());
    }

    private static long timeOf(Expectation e, long duration) {
        return e.atMicros() == null ? duration : Math.min(e.atMicros(), duration);
    }

    /** Checks one expectation; a failure says what was expected and what the engine says, with its reason. */
    static ExpectationResult check(Expectation e, EngineSnapshot s) {
        List<String> wrong = new ArrayList<>();
        List<String> ok = new ArrayList<>();
        var v = s.volume();
        if (e.writable() != null) {
            (e.writable() == v.writable() ? ok : wrong).add("writable " + v.writable()
                    + (e.writable() == v.writable() ? "" : " (volume " + v.status().label() + ": " + v.reason() + ")"));
        }
        if (e.readable() != null) {
            (e.readable() == v.readable() ? ok : wrong).add("readable " + v.readable()
                    + (e.readable() == v.readable() ? "" : " (" + v.reason() + ")"));
        }
        if (e.writerSpecified()) {
            String actual = s.writerId();
            boolean same = Objects.equals(e.writer(), actual);
            (same ? ok : wrong).add("writer " + (actual == null ? "none" : actual)
                    + (same || s.failoverInProgress() == null ? ""
                            : " (failover " + s.failoverInProgress().phase() + ")")
                    + (same ? "" : ", expected " + (e.writer() == null ? "none" : e.writer())));
        }
        if (e.pg() != null) {
            ProtectionGroupSnapshot pg = s.pg(e.pg());
            if (pg == null) {
                wrong.add("no protection group " + e.pg());
            } else {
                if (e.writeQuorum() != null) {
                    (e.writeQuorum() == pg.writeQuorum() ? ok : wrong).add(pg.id() + " writeQuorum " + pg.writeQuorum()
                            + " (" + pg.writableCopies() + " of " + pg.copiesInModel() + ", need "
                            + pg.writeQuorumNeeded() + ")");
                }
                if (e.readQuorum() != null) {
                    (e.readQuorum() == pg.readQuorum() ? ok : wrong).add(pg.id() + " readQuorum " + pg.readQuorum()
                            + " (" + pg.readableCopies() + " of " + pg.copiesInModel() + ", need "
                            + pg.readQuorumNeeded() + ")");
                }
                if (e.segmentsUp() != null) {
                    (e.segmentsUp() == pg.segmentsUp() ? ok : wrong).add(pg.id() + " segmentsUp " + pg.segmentsUp()
                            + (e.segmentsUp() == pg.segmentsUp() ? "" : ", expected " + e.segmentsUp()));
                }
            }
        }
        if (e.acknowledgedWritesLost() != null) {
            long lost = s.counters().acknowledgedWritesLost();
            (lost == e.acknowledgedWritesLost() ? ok : wrong).add("acknowledgedWritesLost " + lost
                    + (lost == e.acknowledgedWritesLost() ? "" : ", expected " + e.acknowledgedWritesLost()));
        }
        boolean passed = wrong.isEmpty();
        String at = "at " + e.atText() + " (line " + e.line() + "): ";
        String message = passed ? at + String.join(", ", ok) : at + "expected otherwise: " + String.join("; ", wrong);
        return new ExpectationResult(e, passed, false, message);
    }
}
