package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auroralab.engine.snapshot.Vitals;
import dev.auroralab.run.ClockText;
import dev.auroralab.run.Run;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Predict-then-observe walked through every built-in scenario, change after change, with two seeds: each stop is the
 * last grid point before its change (the real run, played on the grid, shows nothing significant up to it and the
 * change one step later), and each prompt offers three or four different choices of which exactly one is true of the
 * change, the one it calls right.
 */
class PredictionSweepTest {

    static List<String> scenarios() {
        return BuiltInScenarios.NAMES;
    }

    static Scenario scenario(String name) {
        try {
            return BuiltInScenarios.load(name);
        } catch (ScenarioError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Every prompt of a run of {@code s} with {@code seed}, up to its duration, checked on the way. */
    static List<PredictionPrompt> sweep(Scenario s, long seed) {
        Run run = Run.forwardOnly(s, seed);
        run.playTo(0);
        long end = s.durationMicros();
        List<PredictionPrompt> prompts = new ArrayList<>();
        while (run.nowMicros() < end) {
            NextChange look = new NextChange(run.lookAhead(), end - run.nowMicros());
            while (!look.lookFurther(50)) {
                assertThat(look.change()).isNull();
            }
            SignificantChange c = look.change();
            if (c == null) {
                break;
            }
            String at = s.name() + " seed " + seed + ", change at " + ClockText.of(c.atMicros());
            assertThat(c.stopMicros()).as(at).isLessThan(c.atMicros());
            assertThat(c.atMicros() - c.stopMicros()).as(at).isLessThanOrEqualTo(NextChange.GRID_MICROS);
            assertThat(c.atMicros() % NextChange.GRID_MICROS).as(at + ": on the grid").isZero();
            Vitals start = run.engine().vitals();
            // the real run, on the grid, shows nothing significant before the stop
            for (long g = (run.nowMicros() / NextChange.GRID_MICROS + 1) * NextChange.GRID_MICROS;
                    g <= c.stopMicros(); g += NextChange.GRID_MICROS) {
                int logBefore = applied(run);
                run.playTo(g);
                assertThat(run.engine().vitals().at(start.nowMicros())).as(at + ": nothing at " + ClockText.of(g))
                        .isEqualTo(start);
                assertThat(applied(run)).as(at + ": no command by " + ClockText.of(g)).isEqualTo(logBefore);
            }
            run.playTo(c.stopMicros());
            assertThat(run.engine().vitals()).as(at + ": the stop shows 'before'").isEqualTo(c.before());
            PredictionPrompt p = PredictionPrompt.of(c, run.snapshot(), seed);
            check(p);
            assertThat(PredictionPrompt.of(c, run.snapshot(), seed)).as(at + ": the same run, the same prompt")
                    .isEqualTo(p);
            run.playTo(c.atMicros());
            assertThat(run.engine().vitals()).as(at + ": the next grid point shows the change").isEqualTo(c.after());
            assertThat(c.vitalsChanged() || !c.commands().isEmpty()).as(at).isTrue();
            prompts.add(p);
        }
        return prompts;
    }

    /** The commands the run has applied so far (the log's index), through its event count of rejections too. */
    private static int applied(Run run) {
        long now = run.nowMicros();
        return (int) run.branch().log().stream().filter(e -> e.atMicros() <= now).count();
    }

    /** Exactly one choice is true of the change, and it is the one the prompt calls right; 3 or 4, all different. */
    static void check(PredictionPrompt p) {
        SignificantChange c = p.change();
        String at = "the prompt at " + ClockText.of(c.stopMicros()) + " " + p.choices();
        assertThat(p.choices()).as(at).hasSizeBetween(3, PredictionPrompt.MAX_CHOICES).doesNotHaveDuplicates();
        long holding = p.choices().stream().filter(ch -> ch.holds(c.before(), c.after())).count();
        assertThat(holding).as(at + ": choices true of the change").isEqualTo(1);
        assertThat(p.right().holds(c.before(), c.after())).as(at + ": the right choice is the true one").isTrue();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everySignificantChangeIsStoppedJustBeforeAndAskedWithExactlyOneTrueChoice(String name) {
        Scenario s = scenario(name);
        for (long seed : new long[] {s.seed(), s.seed() + 1}) {
            List<PredictionPrompt> prompts = sweep(s, seed);
            StringBuilder b = new StringBuilder(name + " seed " + seed + ":");
            for (PredictionPrompt p : prompts) {
                b.append("\n  ").append(ClockText.of(p.change().stopMicros())).append(" [").append(p.domain().word())
                        .append("] ").append(p.lead()).append(" -> ").append(p.right().text()).append("  ")
                        .append(p.choices().stream().map(PredictionChoice::text).toList())
                        .append("\n      ").append(String.join(" ", p.whatHappened()));
            }
            if (Boolean.getBoolean("predict.print")) {
                System.out.println(b); // -Dpredict.print=true: every question of the sweep, to read them
            }
            if (!name.equals("healthy-cluster")) {
                assertThat(prompts).as(name + ": a scenario with a timeline has moments to predict").isNotEmpty();
            }
        }
    }

    @Test
    void aPromptThatCallsAFalseChoiceRightFailsTheCheck() {
        Scenario s = scenario("az-plus-one");
        List<PredictionPrompt> prompts = sweep(s, s.seed());
        assertThat(prompts).isNotEmpty();
        for (PredictionPrompt p : prompts) {
            int wrong = (p.rightIndex() + 1) % p.choices().size();
            PredictionPrompt lying = new PredictionPrompt(p.change(), p.lead(), p.choices(), wrong, p.domain());
            assertThatThrownBy(() -> check(lying)).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void theChoicesOrderAndDrawDependOnTheSeedAndTheMomentOnly() {
        Scenario s = scenario("writer-crash-failover-by-tier");
        Run run = Run.forwardOnly(s, s.seed());
        run.playTo(0);
        SignificantChange c = NextChange.find(run);
        run.playTo(c.stopMicros());
        var seen = new HashSet<List<PredictionChoice>>();
        for (long seed = 0; seed < 20; seed++) {
            seen.add(PredictionPrompt.of(c, run.snapshot(), seed).choices());
        }
        assertThat(seen).as("twenty seeds draw more than one order").hasSizeGreaterThan(1);
    }
}
