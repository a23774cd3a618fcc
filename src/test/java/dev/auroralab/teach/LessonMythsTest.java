package dev.auroralab.teach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.BuiltInLessons;
import dev.auroralab.scenario.Lesson;
import dev.auroralab.scenario.ScenarioError;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Myth cards are reachable from the lessons that cover them: every card a built-in lesson names exists. */
class LessonMythsTest {

    @Test
    void everyMythABuiltInLessonNamesIsACard() throws ScenarioError {
        for (String name : BuiltInLessons.NAMES) {
            for (Lesson.Step s : BuiltInLessons.load(name).steps()) {
                if (s.myth() != null) {
                    assertThat(MythCards.byId(s.myth())).as("%s step %s names myth '%s'; cards: %s", name, s.id(),
                            s.myth(), MythCards.ids()).isPresent();
                }
            }
        }
    }

    @Test
    void theCourseAnswersMostOfTheMythsAScenarioCanShow() throws ScenarioError {
        Set<String> answered = new HashSet<>();
        for (String name : BuiltInLessons.NAMES) {
            for (Lesson.Step s : BuiltInLessons.load(name).steps()) {
                if (s.myth() != null) {
                    answered.add(s.myth());
                }
            }
        }
        long showable = MythCards.ALL.stream().filter(c -> c.demonstration() != null).count();
        assertThat(answered.size()).as("myths answered by a lesson step: %s", answered)
                .isGreaterThanOrEqualTo((int) Math.min(3, showable));
    }
}
