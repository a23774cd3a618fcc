package dev.auroralab.run;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.Expectation;
import dev.auroralab.scenario.ExpectationCheck;
import dev.auroralab.scenario.ExpectationResult;
import dev.auroralab.scenario.RunResult;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.TimedCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs a scenario headless through the one run driver ({@link Run}) and checks each expectation against the
 * snapshot at its time. Commands and expectations at the same instant: commands first, so "at 10s fail-az" and
 * "at 10s writable" sees the AZ already out.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /**
     * Watches a run from outside (e.g. a safety checker): called with the engine once it is built, after each instant
     * the runner stops at (its commands applied, its expectations checked) and at the end. It may read the engine
     * (snapshot, events, listeners) but not change it.
     */
    @FunctionalInterface
    public interface Observer {
        void observe(AuroraEngine engine);
    }

    /** Runs with the scenario's own seed and duration, or the overrides when not null. */
    public static RunResult run(Scenario scenario, Long seedOverride, Long durationOverrideMicros) {
        return run(scenario, seedOverride, durationOverrideMicros, 0, null);
    }

    /**
     * As {@link #run(Scenario, Long, Long)}, with {@code observer} (null for none) also stopping every
     * {@code observeEveryMicros} (0 for only the timeline's instants). Stopping more often changes nothing in the run.
     */
    public static RunResult run(Scenario scenario, Long seedOverride, Long durationOverrideMicros,
            long observeEveryMicros, Observer observer) {
        long seed = seedOverride != null ? seedOverride : scenario.seed();
        long duration = durationOverrideMicros != null ? durationOverrideMicros : scenario.durationMicros();
        Run run = Run.forwardOnly(scenario, seed);
        // the run never seeks here, so its engine stays this one object for the observer
        AuroraEngine engine = run.engine();
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
        if (observer != null) {
            for (long t = observeEveryMicros; observeEveryMicros > 0 && t < duration; t += observeEveryMicros) {
                instants.add(t);
            }
            observer.observe(engine);
        }
        for (long t : instants) {
            run.playTo(t);
            List<Expectation> now = pending.stream().filter(e -> timeOf(e, duration) == t).toList();
            if (!now.isEmpty()) {
                EngineSnapshot s = engine.snapshot();
                now.forEach(e -> results.add(ExpectationCheck.check(e, s)));
            }
            if (observer != null) {
                observer.observe(engine);
            }
        }
        run.playTo(duration);
        if (observer != null) {
            observer.observe(engine);
        }
        return new RunResult(scenario, seed, duration, engine.snapshot(), results, engine.events(),
                engine.firedEventCount());
    }

    static long timeOf(Expectation e, long duration) {
        return e.atMicros() == null ? duration : Math.min(e.atMicros(), duration);
    }
}
