package dev.auroralab.run;

import dev.auroralab.scenario.Lesson;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson taken headless from its first step to its last, each step to its end as Continue would take it: what the
 * command line's {@code run LESSON} prints and a teacher's CI checks. A step fails when one of its actions is refused
 * or its condition never holds within its time.
 */
public final class LessonRun {

    /**
     * One step as it went.
     *
     * @param refused the step's actions the engine refused, with why
     * @param timedOut why its condition did not hold in time, or null
     */
    public record StepResult(int index, Lesson.Step step, long startMicros, long endMicros, List<String> refused,
            String timedOut) {

        public boolean passed() {
            return refused.isEmpty() && timedOut == null;
        }
    }

    private LessonRun() {
    }

    /** Plays every step with the lesson scenario's own seed; {@code seed} overrides it when not null. */
    public static List<StepResult> play(Lesson lesson, Long seed) {
        Run run = Run.forwardOnly(lesson.scenario(), seed != null ? seed : lesson.scenario().seed());
        LessonPlayer player = new LessonPlayer(lesson, run);
        List<StepResult> results = new ArrayList<>();
        player.begin(0);
        while (true) {
            long start = player.stepStartMicros();
            List<String> refused = player.refused();
            player.finishStepHeadless();
            results.add(new StepResult(player.index(), player.step(), start, run.nowMicros(), refused,
                    player.timedOut()));
            if (player.index() == lesson.steps().size() - 1) {
                return results;
            }
            player.next();
        }
    }
}
