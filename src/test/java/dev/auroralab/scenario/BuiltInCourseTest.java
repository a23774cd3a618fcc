package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** The built-in course: names a command line can tell apart, each one a lesson that loads. */
class BuiltInCourseTest {

    @Test
    void noLessonIsNamedLikeABuiltInScenario() {
        // `run NAME` takes a built-in lesson before a built-in scenario: a lesson named like a scenario hides it
        assertThat(BuiltInLessons.NAMES).doesNotContainAnyElementsOf(BuiltInScenarios.NAMES);
        assertThat(new HashSet<>(BuiltInLessons.NAMES)).hasSameSizeAs(BuiltInLessons.NAMES);
    }

    @Test
    void everyLessonOfTheCourseLoads() throws ScenarioError {
        for (String name : BuiltInLessons.NAMES) {
            assertThat(BuiltInLessons.load(name).steps()).as(name).hasSizeBetween(4, 9);
        }
    }
}
