package dev.auroralab.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.BuiltInLessons;
import dev.auroralab.scenario.Lesson;
import dev.auroralab.scenario.LessonReader;
import dev.auroralab.scenario.ScenarioError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonPlayerTest {

    private static Lesson lesson(String name) {
        try {
            return BuiltInLessons.load(name);
        } catch (ScenarioError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static Lesson inline(String steps) throws ScenarioError {
        return LessonReader.read("inline.yaml", "schemaVersion: 1\ntitle: Test\nscenario: healthy-cluster\nsteps:\n"
                + steps);
    }

    /** What a learner sees at a moment: the clock, the whole engine state and the log. */
    private record Moment(long micros, Object snapshot, int events) {
        static Moment of(Run r) {
            return new Moment(r.nowMicros(), r.snapshot(), r.engine().events().size());
        }
    }

    /** The moment each step starts and ends when the lesson is taken with Continue alone. */
    private static List<Moment[]> straight(Lesson l) {
        LessonPlayer p = new LessonPlayer(l, new Run(l.scenario(), l.scenario().seed()));
        List<Moment[]> moments = new ArrayList<>();
        p.begin(0);
        while (true) {
            Moment start = Moment.of(p.run());
            p.finishStepHeadless();
            moments.add(new Moment[] {start, Moment.of(p.run())});
            if (p.index() == l.steps().size() - 1) {
                return moments;
            }
            p.next();
        }
    }

    @Test
    void everyBuiltInLessonRunsToItsLastStepWithEveryActionTakenAndEveryConditionMet() {
        for (String name : BuiltInLessons.NAMES) {
            Lesson l = lesson(name);
            List<LessonRun.StepResult> results = LessonRun.play(l, null);
            assertThat(results).as(name).hasSize(l.steps().size());
            for (LessonRun.StepResult r : results) {
                assertThat(r.passed()).as("%s step %s: refused %s, %s", name, r.step().id(), r.refused(),
                        r.timedOut()).isTrue();
            }
        }
    }

    @Test
    void everyStepOfTheBuiltInCourseNamesItsSourcesOrSaysModelValue() {
        for (String name : BuiltInLessons.NAMES) {
            for (Lesson.Step s : lesson(name).steps()) {
                assertThat(s.sources()).as("%s step %s", name, s.id()).isNotEmpty();
            }
        }
    }

    @Test
    void backThenContinueReachesExactlyTheMomentsOfTheStraightPath() {
        Lesson l = lesson("six-copies-two-quorums");
        List<Moment[]> straight = straight(l);
        LessonPlayer p = new LessonPlayer(l, new Run(l.scenario(), l.scenario().seed()));
        p.begin(0);
        for (int i = 0; i < l.steps().size() - 1; i++) {
            p.finishStepHeadless();
            p.next();
        }
        // from the last step back to the first, checking each step's start; then forward again with Continue
        for (int i = l.steps().size() - 2; i >= 0; i--) {
            p.back();
            assertThat(p.index()).isEqualTo(i);
            assertThat(Moment.of(p.run())).as("back to step %d", i).isEqualTo(straight.get(i)[0]);
        }
        for (int i = 0; i < l.steps().size(); i++) {
            assertThat(Moment.of(p.run())).as("continue to step %d", i).isEqualTo(straight.get(i)[0]);
            p.finishStepHeadless();
            assertThat(Moment.of(p.run())).as("end of step %d", i).isEqualTo(straight.get(i)[1]);
            p.next();
        }
        assertThat(p.status()).isEqualTo(LessonPlayer.Status.FINISHED);
        assertThat(p.run().branches()).as("Back and Continue start no branch").hasSize(1);
    }

    @Test
    void aDeepLinkOpensAtTheMomentTheStepStartsWhenTakenInOrder() {
        Lesson l = lesson("six-copies-two-quorums");
        List<Moment[]> straight = straight(l);
        for (int i = 0; i < l.steps().size(); i++) {
            LessonPlayer p = new LessonPlayer(l, new Run(l.scenario(), l.scenario().seed()));
            p.begin(i);
            assertThat(p.index()).isEqualTo(i);
            assertThat(Moment.of(p.run())).as("deep link to step %d", i).isEqualTo(straight.get(i)[0]);
        }
    }

    @Test
    void aConditionThatNeverHoldsEndsTheStepWithWhatWasAwaited() throws ScenarioError {
        Lesson l = inline("  - {id: wait, caption: Wait, sources: [model value], until: {when: {writable: false},"
                + " within: 2s}}\n");
        List<LessonRun.StepResult> results = LessonRun.play(l, null);
        assertThat(results.get(0).passed()).isFalse();
        assertThat(results.get(0).timedOut()).contains("writable: false").contains("0:02.000");
        assertThat(results.get(0).endMicros()).isEqualTo(2_000_000);
    }

    @Test
    void anActionTheEngineRefusesIsReportedWithItsReason() throws ScenarioError {
        Lesson l = inline("  - {id: one, caption: Out, sources: [x], do: [{do: fail-az, target: us-east-1c}]}\n"
                + "  - {id: two, caption: Again, sources: [x], do: [{do: fail-az, target: us-east-1c}]}\n");
        List<LessonRun.StepResult> results = LessonRun.play(l, null);
        assertThat(results.get(0).passed()).isTrue();
        assertThat(results.get(1).refused()).hasSize(1);
        assertThat(results.get(1).refused().get(0)).contains("us-east-1c");
    }

    @Test
    void aStepThatGoesOnByItselfStartsTheNextWithoutContinue() throws ScenarioError {
        Lesson l = inline("  - {id: one, caption: A, sources: [x], until: {after: 3s}, pause: false}\n"
                + "  - {id: two, caption: B, sources: [x], until: {after: 2s}}\n");
        LessonPlayer p = new LessonPlayer(l, new Run(l.scenario(), 1));
        p.begin(0);
        p.finishStepHeadless();
        assertThat(p.goesOnByItself()).isTrue();
        p.next();
        p.finishStepHeadless();
        assertThat(p.goesOnByItself()).isFalse();
        assertThat(p.run().nowMicros()).isEqualTo(5_000_001);
    }

    @Test
    void aStepWithItsOwnSpeedReportsItWhilePlayingAndNotWhileItWaits() throws ScenarioError {
        Lesson l = inline("  - {id: read, caption: A, sources: [x]}\n"
                + "  - {id: wait, caption: B, sources: [x], until: {after: 60s}, speed: 50}\n"
                + "  - {id: mine, caption: C, sources: [x], until: {after: 2s}}\n");
        LessonPlayer p = new LessonPlayer(l, new Run(l.scenario(), 1));
        p.begin(0);
        assertThat(p.playSpeed()).as("a step that waits for Continue").isEmpty();
        p.next();
        assertThat(p.playSpeed()).hasValue(50.0);
        p.finishStepHeadless();
        assertThat(p.playSpeed()).as("ended: it waits for Continue").isEmpty();
        assertThat(p.run().nowMicros()).as("headless, the speed changes no moment").isEqualTo(60_000_001);
        p.goTo(1);
        assertThat(p.playSpeed()).as("back to its start, it plays again").hasValue(50.0);
        p.finishStepHeadless();
        p.next();
        assertThat(p.playSpeed()).as("a step that leaves the speed to the learner").isEmpty();
    }

    @Test
    void actingDuringAStepAfterBackStartsABranchAndContinueGoesOnFromThere() {
        Lesson l = lesson("six-copies-two-quorums");
        LessonPlayer p = new LessonPlayer(l, new Run(l.scenario(), l.scenario().seed()));
        p.begin(4); // az-plus-one: the AZ is out, one more copy failed
        p.back(); // lose-the-az
        p.run().act(new dev.auroralab.engine.command.Command.RestoreAvailabilityZone("us-east-1c"));
        assertThat(p.run().branches()).hasSize(2);
        p.finishStepHeadless();
        p.next();
        assertThat(p.index()).isEqualTo(4);
        assertThat(p.run().branch().name()).startsWith("restore AZ us-east-1c");
        assertThat(p.stepStartMicros()).isGreaterThan(p.run().branch().forkMicros());
    }
}
