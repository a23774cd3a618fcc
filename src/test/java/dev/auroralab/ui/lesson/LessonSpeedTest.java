package dev.auroralab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.run.LessonPlayer;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Lesson;
import dev.auroralab.scenario.LessonReader;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.ui.MetricsFeed;
import dev.auroralab.ui.SimulationViewModel;
import org.junit.jupiter.api.Test;

/**
 * A step's own speed in the window, without a window: the lesson model sets it while the step plays and gives the
 * learner's speed back when the step ends, on Back to a step without one, and when the lesson closes.
 */
class LessonSpeedTest {

    private static final long FRAME_NANOS = 16_000_000L;

    private static Lesson lesson() throws ScenarioError {
        return LessonReader.read("speed.yaml", """
                schemaVersion: 1
                title: Speed
                scenario: healthy-cluster
                steps:
                  - {id: read, caption: A, sources: [x]}
                  - {id: long-wait, caption: B, sources: [x], until: {after: 30s}, speed: 50}
                  - {id: mine, caption: C, sources: [x], until: {after: 1s}}
                """);
    }

    /** A view model whose clock never moves: each frame advances exactly 16 ms of wall time times the speed. */
    private static SimulationViewModel vm() throws ScenarioError {
        return new SimulationViewModel(BuiltInScenarios.load("healthy-cluster"), () -> 0L, MetricsFeed.NONE);
    }

    private static int framesUntilPaused(SimulationViewModel vm) {
        int frames = 0;
        while (vm.isPlaying() && frames < 100_000) {
            vm.pulse(FRAME_NANOS);
            frames++;
        }
        return frames;
    }

    @Test
    void aStepsSpeedIsAppliedWhileItPlaysAndTheLearnersSpeedReturnsWhenItEnds() throws ScenarioError {
        SimulationViewModel vm = vm();
        LessonModel lessons = new LessonModel(vm);
        vm.setSpeed(2);
        lessons.open(lesson(), 0);
        assertThat(vm.speed()).as("a step without a speed of its own").isEqualTo(2);

        lessons.next();
        assertThat(lessons.player().status()).isEqualTo(LessonPlayer.Status.RUNNING);
        assertThat(vm.speed()).isEqualTo(50);
        int frames = framesUntilPaused(vm);
        // 30 s at 50x is 0.6 s of wall time: about 38 frames of 16 ms, where the learner's 2x would take 938
        assertThat(frames).isBetween(37, 40);
        assertThat(lessons.player().status()).isEqualTo(LessonPlayer.Status.WAITING);
        assertThat(vm.speed()).as("the step ended").isEqualTo(2);

        lessons.goTo(1);
        assertThat(vm.speed()).as("back to the step's start: it plays again at its speed").isEqualTo(50);
        lessons.next(); // skip to its end
        assertThat(vm.speed()).isEqualTo(2);
        lessons.next();
        assertThat(vm.speed()).as("the next step leaves the speed to the learner").isEqualTo(2);

        lessons.back();
        assertThat(vm.speed()).as("Back to a step that plays at its speed").isEqualTo(50);
        lessons.close();
        assertThat(vm.speed()).as("leaving the lesson mid-step").isEqualTo(2);
    }

    @Test
    void theLearnersMoveDuringTheStepLastsUntilItEnds() throws ScenarioError {
        SimulationViewModel vm = vm();
        LessonModel lessons = new LessonModel(vm);
        lessons.open(lesson(), 1);
        assertThat(vm.speed()).isEqualTo(50);
        vm.setSpeed(10); // the learner slows it down to watch
        vm.pulse(FRAME_NANOS);
        assertThat(vm.speed()).isEqualTo(10);
        framesUntilPaused(vm);
        assertThat(vm.speed()).as("the speed before the step").isEqualTo(1);
    }
}
