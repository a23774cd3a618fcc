package dev.auroralab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.TimedCommand;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The run driver's promise: however a moment is reached (played straight, sought back and forth, stepped, reached
 * again after a branch), the engine's state, its event log and the chart samples there are the same. Seeded sweeps:
 * each failure names the seed that reproduces it.
 */
class RunTest {

    private static final long SECOND = 1_000_000;

    private static Scenario scenario(String name) {
        try {
            return BuiltInScenarios.load(name);
        } catch (ScenarioError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A run played straight to {@code micros} with {@code actions} applied as their times come. */
    private static Run straight(Scenario s, List<TimedCommand> actions, long micros) {
        Run r = new Run(s);
        for (TimedCommand a : actions) {
            r.playTo(a.atMicros());
            r.act(a.command());
        }
        r.playTo(micros);
        return r;
    }

    private static void assertSameMoment(Run actual, Run expected, String why) {
        assertThat(actual.nowMicros()).as(why).isEqualTo(expected.nowMicros());
        assertThat(actual.engine().events()).as(why + ": events").isEqualTo(expected.engine().events());
        assertThat(actual.snapshot()).as(why + ": snapshot").isEqualTo(expected.snapshot());
        assertThat(actual.samplesUpToNow()).as(why + ": chart samples").isEqualTo(expected.samplesUpToNow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lose-an-az", "writer-crash-failover-by-tier", "global-switchover"})
    void seekingBackAndForthThenPlayingReachesTheSameMomentAsPlayingStraight(String name) {
        Scenario s = scenario(name);
        long end = Math.min(s.durationMicros(), 45 * SECOND);
        for (long seed = 1; seed <= 4; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Run r = new Run(s);
            r.playTo(end / 2);
            for (int k = 0; k < 6; k++) {
                long t = rnd.nextLong(end);
                r.seek(t);
                String why = name + " seek " + k + " to " + t + " (reproduce with seed=" + seed + ")";
                assertSameMoment(r, straight(s, List.of(), t), why);
                for (int steps = rnd.nextInt(4); steps > 0; steps--) {
                    r.step();
                }
            }
            r.seek(end);
            assertSameMoment(r, straight(s, List.of(), end), name + " at the end (seed=" + seed + ")");
        }
    }

    /** Every learner entry of {@code b}'s log, refused ones too (a replay refuses them again). */
    private static List<TimedCommand> learnerLog(Branch b) {
        return b.log().stream().filter(Branch.Entry::learner).map(Branch.Entry::command).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthy-cluster", "lose-an-az", "global-switchover"})
    void randomActionsWhileSeekingLeaveEachBranchTheRunItsLogPlaysStraight(String name) {
        Scenario s = scenario(name);
        long end = 40 * SECOND;
        List<String> copies = List.of("pg-0/" + s.cluster().azs().get(0) + "/1", "pg-0/" + s.cluster().azs().get(1)
                + "/2", "pg-1/" + s.cluster().azs().get(2) + "/1");
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed * 31);
            Run r = new Run(s);
            r.playTo(end / 2);
            for (int k = 0; k < 8; k++) {
                r.seek(rnd.nextLong(end));
                String copy = copies.get(rnd.nextInt(copies.size()));
                r.act(rnd.nextBoolean() ? new Command.FailSegment(copy) : new Command.RestoreSegment(copy));
                r.playTo(r.nowMicros() + rnd.nextLong(3 * SECOND));
            }
            for (Branch b : r.branches()) {
                r.switchTo(b);
                long t = Math.max(b.extentMicros(), end / 4);
                r.seek(t);
                assertSameMoment(r, straight(s, learnerLog(b), t), name + " branch \"" + b.name()
                        + "\" (reproduce with seed=" + seed + ")");
            }
        }
    }

    @Test
    void aStepThenASeekToTheSameTimeGivesTheStateOfThatTime() {
        Scenario s = scenario("lose-an-az");
        Run r = new Run(s);
        r.playTo(12 * SECOND);
        r.seek(3 * SECOND);
        for (int i = 0; i < 50; i++) {
            r.step();
        }
        long t = r.nowMicros();
        r.seek(t + 1);
        assertSameMoment(r, straight(s, List.of(), t + 1), "after 50 steps from 3 s");
    }

    @Test
    void actingInThePastStartsABranchAndKeepsTheOldFuture() {
        Scenario s = scenario("healthy-cluster");
        Run r = new Run(s);
        r.playTo(40 * SECOND);
        Branch scripted = r.branch();
        Run reference = straight(s, List.of(), 40 * SECOND);

        r.seek(10 * SECOND);
        Run.Acted a = r.act(new Command.FailAvailabilityZone("us-east-1a"));
        assertThat(a.result().accepted()).isTrue();
        assertThat(a.forked()).isNotNull().isSameAs(r.branch());
        assertThat(r.branches()).containsExactly(scripted, a.forked());
        assertThat(a.forked().name()).isEqualTo("fail AZ us-east-1a at 0:10.000");
        assertThat(a.forked().parent()).isSameAs(scripted);
        assertThat(a.forked().forkMicros()).isEqualTo(10 * SECOND);
        r.playTo(30 * SECOND);
        assertThat(r.snapshot().downAzs()).containsExactly("us-east-1a");

        // the old future is intact: back on the first branch, the moment is as it was played
        r.switchTo(scripted);
        r.seek(40 * SECOND);
        assertSameMoment(r, reference, "the scripted branch after a fork");
        assertThat(scripted.learnerActions()).isEmpty();
        assertThat(scripted.extentMicros()).isEqualTo(40 * SECOND);

        // and the branch replays as the same run as its log played straight
        r.switchTo(a.forked());
        r.seek(30 * SECOND);
        assertSameMoment(r, straight(s, a.forked().learnerActions(), 30 * SECOND), "the branch");
    }

    @Test
    void actingAtTheFurthestPointExtendsTheBranchInsteadOfForking() {
        Scenario s = scenario("healthy-cluster");
        Run r = new Run(s);
        r.playTo(5 * SECOND);
        Run.Acted a = r.act(new Command.FailInstance("reader-1"));
        assertThat(a.forked()).isNull();
        assertThat(r.branches()).hasSize(1);
        assertThat(r.branch().learnerActions()).extracting(TimedCommand::atMicros).containsExactly(5 * SECOND);
    }

    @Test
    void anActionRefusedInThePastChangesNothingAndStartsNoBranch() {
        Scenario s = scenario("healthy-cluster");
        Run r = new Run(s);
        r.playTo(20 * SECOND);
        r.seek(5 * SECOND);
        Run.Acted a = r.act(new Command.FailInstance("no-such-instance"));
        assertThat(a.result().accepted()).isFalse();
        assertThat(a.forked()).isNull();
        assertThat(r.branches()).hasSize(1);
        assertSameMoment(r, straight(s, List.of(), 5 * SECOND), "after a refused action");
    }

    @Test
    void aLongRunKeepsABoundedNumberOfKeyframes() {
        Scenario s = scenario("healthy-cluster");
        Run r = new Run(s);
        long end = (Run.MAX_KEYFRAMES_PER_BRANCH + 50) * Run.KEYFRAME_SPACING_MICROS;
        r.playTo(end);
        assertThat(r.keyframeCount()).isBetween(Run.MAX_KEYFRAMES_PER_BRANCH / 2, Run.MAX_KEYFRAMES_PER_BRANCH);
        r.seek(end / 3);
        assertThat(r.nowMicros()).isEqualTo(end / 3);
    }

    @Test
    void failoverStepsAndCommandsAreMarkedOnTheBranch() {
        Scenario s = scenario("writer-crash-failover-by-tier");
        Run r = new Run(s);
        r.playTo(s.durationMicros());
        List<Marker> marks = r.branch().markers();
        assertThat(marks).extracting(Marker::kind).contains(Marker.Kind.FAULT, Marker.Kind.FAILOVER);
        assertThat(marks).extracting(Marker::atMicros).isSorted();
        assertThat(r.previousMarkerMicros()).isLessThan(r.nowMicros());
    }
}
