package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NAME#step, read in one place for the command line, the screenshot command and the window's --lesson. */
class LessonLinkTest {

    @Test
    void aLinkIsTheLessonAndTheStepAfterItsHash() {
        assertThat(LessonLink.parse("six-copies-two-quorums#repair"))
                .isEqualTo(new LessonLink("six-copies-two-quorums", "repair"));
        assertThat(LessonLink.parse("six-copies-two-quorums")).isEqualTo(new LessonLink("six-copies-two-quorums", null));
        assertThat(LessonLink.parse("six-copies-two-quorums#").stepId()).as("a trailing # names no step").isNull();
        assertThat(LessonLink.parse("dir/my-lesson.yaml#intro")).isEqualTo(new LessonLink("dir/my-lesson.yaml", "intro"));
        assertThat(LessonLink.parse("six-copies-two-quorums#repair")).hasToString("six-copies-two-quorums#repair");
    }

    @Test
    void aBuiltInLessonOrALessonFileIsALessonAndAScenarioIsNot(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("mine.yaml");
        Files.writeString(scenario, ScenarioWriterTestSupport.HEALTHY, StandardCharsets.UTF_8);
        Path lesson = dir.resolve("my-lesson.yaml");
        Files.writeString(lesson, "schemaVersion: 1\ntitle: Mine\nscenario: mine.yaml\nsteps: [{id: a, caption: x},"
                + " {id: b, caption: y}]\n", StandardCharsets.UTF_8);
        assertThat(LessonLink.parse("read-replicas#burst").namesLesson()).isTrue();
        assertThat(LessonLink.parse("read-replicas.yaml").namesLesson()).isTrue();
        assertThat(LessonLink.parse(lesson + "#b").namesLesson()).isTrue();
        assertThat(LessonLink.parse(scenario.toString()).namesLesson()).isFalse();
        assertThat(LessonLink.parse("healthy-cluster").namesLesson()).as("a built-in scenario").isFalse();
        assertThat(LessonLink.parse(lesson + "#b").open().step()).isEqualTo(1);
    }

    @Test
    void aFileWhoseNameHoldsAHashIsThatFile(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("week#2.yaml");
        Files.writeString(lesson, "schemaVersion: 1\ntitle: Week 2\nscenario: healthy-cluster\nsteps: [{id: a,"
                + " caption: x}]\n", StandardCharsets.UTF_8);
        LessonLink link = LessonLink.parse(lesson.toString());
        assertThat(link.stepId()).isNull();
        assertThat(link.namesLesson()).isTrue();
        assertThat(link.open().lesson().title()).isEqualTo("Week 2");
    }

    @Test
    void aStepTheLessonDoesNotHaveIsRefusedWithItsSteps() {
        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> LessonLink.parse("read-replicas#bursts").open());
        assertThat(e.message()).contains("lesson 'read-replicas' has no step 'bursts'", "burst", "recap");
    }
}
