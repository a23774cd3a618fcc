package dev.auroralab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A look-ahead is the run's future without the run: a copy of the present played to T shows exactly what the run
 * shows at T (the same snapshot, events and vitals), and taking and playing it leaves the run as it was. Seeded
 * sweeps over every built-in scenario; each failure names the seed.
 */
class LookAheadTest {

    private static final long SECOND = 1_000_000;

    static List<String> scenarios() {
        return BuiltInScenarios.NAMES;
    }

    private static Scenario scenario(String name) {
        try {
            return BuiltInScenarios.load(name);
        } catch (ScenarioError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** What a look-ahead must not touch: the run's moment, state, log, keyframes, samples and branches. */
    private record RunState(long now, EngineSnapshot snapshot, int events, int keyframes, int samples, int branches,
            long extent, long restores, int logSize) {
        static RunState of(Run r) {
            return new RunState(r.nowMicros(), r.snapshot(), r.engine().eventCount(), r.keyframeCount(),
                    r.branch().samples().size(), r.branches().size(), r.branch().extentMicros(), r.restores(),
                    r.branch().log().size());
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void aCopyPlayedToALaterMomentShowsWhatTheRunShowsThereAndTheRunIsUntouched(String name) {
        Scenario s = scenario(name);
        long end = Math.min(s.durationMicros(), 100 * SECOND);
        for (long seed = 1; seed <= 2; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed * 31 + name.hashCode());
            Run run = new Run(s, s.seed() + seed);
            run.playTo(0);
            for (int k = 0; k < 3; k++) {
                long from = rnd.nextLong(Math.max(1, end / 2));
                run.seek(from);
                for (int steps = rnd.nextInt(3); steps > 0; steps--) {
                    run.step(); // off the sample edges and the grid, between two engine items
                }
                long to = run.nowMicros() + 1 + rnd.nextLong(end / 2);
                String why = name + " seed " + seed + " from " + run.nowMicros() + " to " + to;
                RunState before = RunState.of(run);
                LookAhead ahead = run.lookAhead();
                ahead.playTo(to);
                assertThat(RunState.of(run)).as(why + ": the run is untouched").isEqualTo(before);
                run.playTo(to);
                assertThat(ahead.nowMicros()).as(why).isEqualTo(run.nowMicros());
                assertThat(ahead.snapshot()).as(why + ": snapshot").isEqualTo(run.snapshot());
                assertThat(ahead.engine().events()).as(why + ": events").isEqualTo(run.engine().events());
                assertThat(ahead.vitals()).as(why + ": vitals").isEqualTo(run.engine().vitals());
            }
        }
    }

    @Test
    void aLearnersLaterActionOnTheBranchIsPlayedByTheCopyAtItsInstant() {
        Scenario s = scenario("healthy-cluster");
        Run run = new Run(s);
        run.playTo(12 * SECOND);
        run.act(new Command.FailInstance("writer-1"));
        run.playTo(60 * SECOND);
        run.seek(5 * SECOND); // the action is in this branch's future now
        LookAhead ahead = run.lookAhead();
        ahead.playTo(40 * SECOND);
        assertThat(ahead.entriesBetween(5 * SECOND, 40 * SECOND)).extracting(Branch.Entry::learner)
                .containsExactly(true);
        run.seek(40 * SECOND);
        assertThat(ahead.snapshot()).isEqualTo(run.snapshot());
        assertThat(ahead.vitals().writerId()).as("the failover the action started is in the copy")
                .isNotEqualTo("writer-1");
    }

    @Test
    void aCopyTakenBeforeTheFirstPlayAppliesTheCommandsAtZero() {
        Scenario s = scenario("global-write-forwarding");
        Run run = new Run(s);
        LookAhead ahead = run.lookAhead();
        ahead.playTo(8 * SECOND);
        run.playTo(8 * SECOND);
        assertThat(ahead.snapshot()).isEqualTo(run.snapshot());
    }
}
