package dev.auroralab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.auroralab.engine.command.Command;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad lesson, refused with one message at the right line and column; a good one read whole. */
class LessonErrorsTest {

    /** Lines 1-4; tests append steps from line 5. */
    private static final String BASE = """
            schemaVersion: 1
            title: A lesson
            scenario: healthy-cluster
            steps:
            """;

    private static ScenarioError error(String steps) {
        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> LessonReader.read("bad.yaml", BASE + steps));
        assertThat(e).as("expected the lesson to be refused").isNotNull();
        assertThat(e.message()).as("one line, no stack trace").doesNotContain("\n", "Exception", "\tat ");
        return e;
    }

    private static void assertAt(ScenarioError e, int line, int column, String says) {
        assertThat(e.message()).startsWith("bad.yaml:" + line + ":" + column + ": ").contains(says);
    }

    @Test
    void aGoodLessonIsReadWithItsStepsActionsEndsAndQuestion() throws ScenarioError {
        Lesson l = LessonReader.read("quorums.yaml", BASE + """
                  - id: look
                    caption: See [pg-0](pg:pg-0) and its [write quorum](term).
                    sources: [P17 §2.1]
                    highlight: [pg:pg-0, az:us-east-1c]
                  - id: break
                    caption: Out goes an AZ.
                    sources: [P17 §2.1]
                    do: [{do: fail-az, target: us-east-1c}]
                    until: {when: {pg: pg-0, segmentsUp: 4}, within: 10s}
                    pause: false
                    question: {ask: 'How many left?', choices: ['3', '4'], answer: 2, explain: Six less two.}
                  - {id: wait, caption: Wait, sources: [model value], until: {after: 5s}}
                  - {id: clock, caption: Clock, sources: [model value], until: {at: 40s}}
                """);
        assertThat(l.id()).isEqualTo("quorums");
        assertThat(l.steps()).extracting(Lesson.Step::id).containsExactly("look", "break", "wait", "clock");
        assertThat(l.steps().get(0).end()).isInstanceOf(Lesson.End.OnContinue.class);
        assertThat(l.steps().get(0).highlight()).containsExactly("pg:pg-0", "az:us-east-1c");
        assertThat(l.steps().get(1).actions()).containsExactly(new Command.FailAvailabilityZone("us-east-1c"));
        Lesson.End.When when = (Lesson.End.When) l.steps().get(1).end();
        assertThat(when.withinMicros()).isEqualTo(10_000_000);
        assertThat(when.text()).isEqualTo("pg: pg-0, segmentsUp: 4");
        assertThat(l.steps().get(1).pause()).isFalse();
        assertThat(l.steps().get(1).question().answer()).isEqualTo(1);
        assertThat(l.steps().get(2).end()).isEqualTo(new Lesson.End.After(5_000_000));
        assertThat(l.steps().get(3).end()).isEqualTo(new Lesson.End.At(40_000_000));
        assertThat(CaptionText.plain(l.steps().get(0).caption())).isEqualTo("See pg-0 and its write quorum.");
    }

    @Test
    void anUnknownStepKeyIsRefusedAtTheKey() {
        assertAt(error("  - {id: a, caption: x, duration: 5s}\n"), 5, 25, "duration");
    }

    @Test
    void aStepIdUsedTwiceIsRefusedAtTheSecond() {
        assertAt(error("  - {id: a, caption: x}\n  - {id: a, caption: y}\n"), 6, 10, "used twice");
    }

    @Test
    void aStepIdThatCannotBeADeepLinkIsRefused() {
        assertAt(error("  - {id: Lose The AZ, caption: x}\n"), 5, 10, "hyphens");
    }

    @Test
    void anElementTheScenarioDoesNotHaveIsRefusedInTheCaptionAndInHighlight() {
        assertAt(error("  - {id: a, caption: 'See [it](az:us-east-1d)'}\n"), 5, 22, "us-east-1d");
        assertAt(error("  - {id: a, caption: x, highlight: [instance:writer-9]}\n"), 5, 37, "writer-9");
        assertAt(error("  - {id: a, caption: x, highlight: [pg-0]}\n"), 5, 37, "kind:id");
        assertAt(error("  - {id: a, caption: 'See [it](widget:w)'}\n"), 5, 22, "widget");
    }

    @Test
    void anEndpointIsAnElementAndOneThePictureDoesNotDrawIsRefusedWithTheTwoItDoes() throws ScenarioError {
        Lesson l = LessonReader.read("ok.yaml", BASE + "  - {id: a, caption: 'The [cluster endpoint](endpoint:cluster)"
                + " and the [reader endpoint](endpoint:reader)', highlight: [endpoint:cluster]}\n");
        assertThat(l.steps().get(0).highlight()).containsExactly("endpoint:cluster");
        assertThat(CaptionText.parse(l.steps().get(0).caption()).get(1))
                .isEqualTo(new CaptionText.Part("cluster endpoint", "endpoint", "cluster"));
        ScenarioError e = error("  - {id: a, caption: 'See [it](endpoint:writer)'}\n");
        assertAt(e, 5, 22, "endpoint 'writer' in the caption is not an endpoint the picture draws");
        assertThat(e.fix()).contains("cluster", "reader", "custom endpoints are not modelled");
        assertAt(error("  - {id: a, caption: x, highlight: [endpoint:custom-1]}\n"), 5, 37, "custom-1");
    }

    @Test
    void anActionWithATimeIsRefusedBecauseAStepsActionsHappenWhenItStarts() {
        assertAt(error("  - {id: a, caption: x, do: [{at: 5s, do: fail-az, target: us-east-1c}]}\n"), 5, 31, "'at'");
    }

    @Test
    void anActionOnAnAzTheScenarioDoesNotHaveIsRefusedAtTheTarget() {
        assertAt(error("  - {id: a, caption: x, do: [{do: fail-az, target: us-east-1z}]}\n"), 5, 52, "us-east-1z");
    }

    @Test
    void anEndGivenTwiceOrNotAtAllIsRefused() {
        assertAt(error("  - {id: a, caption: x, until: {after: 5s, at: 10s}}\n"), 5, 32, "more than one");
        assertAt(error("  - {id: a, caption: x, until: {within: 5s}}\n"), 5, 32, "no end");
        assertAt(error("  - {id: a, caption: x, until: {after: 5s, within: 5s}}\n"), 5, 44, "within only");
    }

    @Test
    void aConditionWithAnUnknownKeyIsRefusedAtTheKey() {
        assertAt(error("  - {id: a, caption: x, until: {when: {writeable: false}}}\n"), 5, 40, "writeable");
    }

    /** A condition written {@code until: {when: {...}}} on line 5; its keys start at column 40. */
    private static ScenarioError badCondition(String keys) {
        return error("  - {id: a, caption: x, until: {when: {" + keys + "}}}\n");
    }

    private static void assertFix(ScenarioError e, String fix) {
        assertThat(e.fix()).as("the fix of: %s", e.message()).contains(fix);
    }

    @Test
    void aReplicaLagBoundThatIsNotAWholeNumberOfMillisecondsIsRefusedAtTheValue() {
        ScenarioError e = badCondition("replicaLagMillisAtMost: {reader-1: 2.5}");
        assertAt(e, 5, 75, "a lag bound must be a whole number");
        assertFix(e, "replicaLagMillisAtMost: {reader-1: 100}");
        e = badCondition("replicaLagMillisAtLeast: {reader-1: -1}");
        assertAt(e, 5, 76, "a lag bound");
        assertFix(e, "whole milliseconds");
    }

    @Test
    void aReplicaLagOfAnInstanceTheScenarioDoesNotHaveIsRefusedAtItsName() {
        ScenarioError e = badCondition("replicaLagMillisAtMost: {reader-3: 100}");
        assertAt(e, 5, 65, "instance 'reader-3' in replicaLagMillisAtMost is not an instance of this scenario");
        assertFix(e, "reader-1");
        e = badCondition("replicaLagMillisAtMost: 100");
        assertAt(e, 5, 64, "replicaLagMillisAtMost");
        assertFix(e, "replicaLagMillisAtMost: {reader-1: 100}");
        assertAt(badCondition("replicaLagMillisAtLeast: {}"), 5, 65, "checks nothing");
    }

    @Test
    void aLagThatMustBeAboveItsOwnUpperBoundIsRefused() {
        ScenarioError e = badCondition("replicaLagMillisAtMost: {reader-1: 5}, replicaLagMillisAtLeast: {reader-1: 10}");
        assertAt(e, 5, 79, "can never hold");
        assertFix(e, "at or below the upper one");
    }

    @Test
    void aCommitLatencyBoundThatIsNotAWholeNumberIsRefusedAtTheValue() {
        ScenarioError e = badCondition("commitLatencyMillisAtMost: fast");
        assertAt(e, 5, 67, "commitLatencyMillisAtMost must be a whole number");
        e = badCondition("commitLatencyMillisAtLeast: -5");
        assertAt(e, 5, 68, "commitLatencyMillisAtLeast");
        assertFix(e, "whole milliseconds");
        e = badCondition("commitLatencyMillisAtMost: 5, commitLatencyMillisAtLeast: 50");
        assertAt(e, 5, 70, "commitLatencyMillisAtLeast 50 ms is above the AtMost bound of 5 ms");
    }

    @Test
    void aWritesPendingRangeThatIsNotACountIsRefusedAtTheValue() {
        ScenarioError e = badCondition("writesPendingAtMost: -1");
        assertAt(e, 5, 61, "writesPendingAtMost");
        assertFix(e, "0 or more");
        e = badCondition("writesPendingAtLeast: many");
        assertAt(e, 5, 62, "writesPendingAtLeast must be a whole number");
        e = badCondition("writesPendingAtMost: 10, writesPendingAtLeast: 100");
        assertAt(e, 5, 65, "writesPendingAtLeast 100 writes is above the AtMost bound of 10 writes");
    }

    @Test
    void anUnknownFailoverPhaseIsRefusedWithTheEnginesPhases() {
        ScenarioError e = badCondition("failoverPhase: promotion");
        assertAt(e, 5, 55, "unknown failover phase 'promotion'");
        assertFix(e, "promoting");
        e = badCondition("failoverPhase: endpoint_moving");
        assertAt(e, 5, 55, "unknown failover phase");
        assertFix(e, "endpoint-moving");
    }

    @Test
    void aMembershipCheckWithoutAPgOrWithABadValueIsRefused() {
        ScenarioError e = badCondition("membershipChanging: true");
        assertAt(e, 5, 40, "membershipChanging needs a pg to refer to");
        assertFix(e, "pg: pg-0");
        e = badCondition("pg: pg-0, membershipChanging: yes-please");
        assertAt(e, 5, 70, "membershipChanging");
        e = badCondition("pg: pg-0, membershipEpoch: 0");
        assertAt(e, 5, 67, "membershipEpoch");
        assertFix(e, "starts at 1");
        assertAt(badCondition("membershipEpoch: 2"), 5, 40, "membershipEpoch needs a pg");
    }

    @Test
    void theNewKeysAreReadIntoTheCondition() throws ScenarioError {
        Lesson l = LessonReader.read("ok.yaml", BASE + """
                  - id: a
                    caption: x
                    until:
                      when: {pg: pg-0, membershipChanging: true, membershipEpoch: 2, failoverPhase: endpoint-moving,
                        replicaLagMillisAtMost: {reader-1: 100}, replicaLagMillisAtLeast: {reader-2: 20},
                        commitLatencyMillisAtMost: 10, commitLatencyMillisAtLeast: 1, writesPendingAtMost: 50,
                        writesPendingAtLeast: 0}
                """);
        Expectation.LiveChecks live = ((Lesson.End.When) l.steps().get(0).end()).condition().live();
        assertThat(live).isEqualTo(new Expectation.LiveChecks(java.util.Map.of("reader-1", 100L),
                java.util.Map.of("reader-2", 20L), 10L, 1L, 50L, 0L,
                dev.auroralab.engine.snapshot.FailoverPhase.ENDPOINT_MOVING, true, 2L));
    }

    @Test
    void aStepSpeedTheWindowDoesNotOfferOrOnAStepThatWaitsIsRefused() {
        ScenarioError e = error("  - {id: a, caption: x, until: {after: 5m}, speed: 1000}\n");
        assertAt(e, 5, 52, "speed 1000 is not one the window offers");
        assertThat(e.fix()).contains("1/100× to 100×");
        assertAt(error("  - {id: a, caption: x, until: {after: 5m}, speed: fast}\n"), 5, 52, "speed must be a number");
        assertAt(error("  - {id: a, caption: x, until: {after: 5m}, speed: 0}\n"), 5, 52, "not one the window offers");
        e = error("  - {id: a, caption: x, speed: 4}\n");
        assertAt(e, 5, 32, "waits for Continue");
        assertThat(e.fix()).contains("until: {after: ...}");
    }

    @Test
    void aQuestionWhoseAnswerIsNotAChoiceIsRefused() {
        assertAt(error("  - {id: a, caption: x, question: {ask: q, choices: [a, b], answer: 3}}\n"), 5, 69, "answer");
    }

    @Test
    void aClockEndEarlierThanAnEarlierStepsIsRefused() {
        assertAt(error("  - {id: a, caption: x, until: {at: 30s}}\n  - {id: b, caption: y, until: {at: 20s}}\n"), 6,
                37, "before an earlier step");
    }

    @Test
    void anUnknownScenarioIsRefusedWithTheBuiltInNames() {
        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> LessonReader.read("bad.yaml",
                "schemaVersion: 1\ntitle: T\nscenario: healthy-clustr\nsteps: [{id: a, caption: x}]\n"));
        assertThat(e.message()).startsWith("bad.yaml:3:11: ").contains("healthy-cluster");
    }

    @Test
    void aLessonWithoutStepsIsRefused() {
        ScenarioError e = catchThrowableOfType(ScenarioError.class, () -> LessonReader.read("bad.yaml",
                "schemaVersion: 1\ntitle: T\nscenario: healthy-cluster\nsteps: []\n"));
        assertThat(e.message()).startsWith("bad.yaml:4:8: ").contains("no steps");
    }

    @Test
    void aScenarioFileBesideTheLessonIsReadAndAFileIsToldFromAScenario(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), ScenarioWriterTestSupport.HEALTHY, StandardCharsets.UTF_8);
        Path lesson = dir.resolve("my-lesson.yaml");
        Files.writeString(lesson, "schemaVersion: 1\ntitle: Mine\nscenario: mine.yaml\nsteps: [{id: a, caption: x}]\n",
                StandardCharsets.UTF_8);
        assertThat(LessonReader.isLesson(lesson)).isTrue();
        assertThat(LessonReader.isLesson(dir.resolve("mine.yaml"))).isFalse();
        Lesson l = LessonReader.read(lesson);
        assertThat(l.id()).isEqualTo("my-lesson");
        assertThat(l.scenario().name()).isEqualTo("Mine");
    }

    @Test
    void aDeepLinkToAStepTheLessonDoesNotHaveListsItsSteps() throws ScenarioError {
        Lesson l = BuiltInLessons.load("six-copies-two-quorums");
        assertThat(LessonLink.parse("six-copies-two-quorums#repair").stepIn(l)).isEqualTo(l.indexOf("repair"));
        assertThat(LessonLink.parse("six-copies-two-quorums").stepIn(l)).isZero();
        assertThat(LessonLink.parse("six-copies-two-quorums#").stepIn(l)).isZero();
        ScenarioError e = catchThrowableOfType(ScenarioError.class,
                () -> LessonLink.parse("six-copies-two-quorums#nope").open());
        assertThat(e.message()).contains("no step 'nope'").contains("six-copies");
    }

    @Test
    void aDeepLinkMayNameAStepByTheNumberThePanelShows() throws ScenarioError {
        Lesson l = BuiltInLessons.load("six-copies-two-quorums");
        assertThat(LessonLink.parse("six-copies-two-quorums#1").stepIn(l)).isZero();
        assertThat(LessonLink.parse("six-copies-two-quorums#4").stepIn(l)).isEqualTo(3);
        assertThat(LessonLink.parse("six-copies-two-quorums#" + l.steps().size()).stepIn(l))
                .isEqualTo(l.steps().size() - 1);
        for (String outside : new String[] {"0", String.valueOf(l.steps().size() + 1), "-2", "99999"}) {
            ScenarioError e = catchThrowableOfType(ScenarioError.class,
                    () -> LessonLink.parse("six-copies-two-quorums#" + outside).stepIn(l));
            assertThat(e.message()).as(outside).contains("no step '" + outside + "'");
            assertThat(e.fix()).contains("from 1 to " + l.steps().size());
        }
    }
}

/** A small scenario file for lessons that name one beside them. */
final class ScenarioWriterTestSupport {
    static final String HEALTHY = """
            schemaVersion: 1
            name: Mine
            cluster:
              region: us-east-1
              azs: [us-east-1a, us-east-1b, us-east-1c]
              volumeGiB: 10
              instances:
                - {id: writer-1, az: us-east-1a, role: writer}
            """;

    private ScenarioWriterTestSupport() {
    }
}
