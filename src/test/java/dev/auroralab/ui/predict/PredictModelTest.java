package dev.auroralab.ui.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.exam.Domain;
import dev.auroralab.exam.StudyRecord;
import dev.auroralab.exam.Tally;
import dev.auroralab.scenario.BuiltInLessons;
import dev.auroralab.teach.PredictionChoice;
import dev.auroralab.teach.PredictionPrompt;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.ui.MetricsFeed;
import dev.auroralab.ui.SimulationViewModel;
import dev.auroralab.ui.lesson.LessonModel;
import dev.auroralab.ui.practice.StudyRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predict-then-observe's model, without a window: it pauses the run at the last grid point before each significant
 * change, scores an answer into the study record and plays the moment, and gets out of the way when the learner moves
 * the run, acts, opens a lesson or turns it off.
 */
class PredictModelTest {

    private static final long SECOND = 1_000_000;

    @TempDir
    Path dir;

    private static Scenario builtIn(String name) {
        try {
            return BuiltInScenarios.load(name);
        } catch (ScenarioError e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A view model on a clock that never moves: every frame's budget is whole, so runs are exact. */
    private static SimulationViewModel vm(String name) {
        return new SimulationViewModel(builtIn(name), () -> 0L, MetricsFeed.NONE);
    }

    private final List<String> notices = new ArrayList<>();

    private PredictModel predict(SimulationViewModel vm) {
        StudyRecords records = new StudyRecords(dir.resolve("study-record.json"), notices::add);
        return new PredictModel(vm, new LessonModel(vm), () -> records);
    }

    private static int indexOf(PredictionPrompt p, PredictionChoice.Kind kind) {
        for (int i = 0; i < p.choices().size(); i++) {
            if (p.choices().get(i).kind() == kind) {
                return i;
            }
        }
        throw new AssertionError(kind + " is not offered: " + p.choices());
    }

    @Test
    void theRunStopsJustBeforeEachChangeAndAnAnswerIsScoredAndPlaysTheMoment() {
        SimulationViewModel vm = vm("az-plus-one");
        PredictModel p = predict(vm);
        p.onProperty().set(true);
        vm.play();
        vm.advanceTo(60 * SECOND);
        assertThat(vm.nowMicros()).as("the last grid point before the AZ goes").isEqualTo(9_900_000);
        assertThat(vm.isPlaying()).isFalse();
        PredictionPrompt first = p.promptProperty().get();
        assertThat(first.right().kind()).isEqualTo(PredictionChoice.Kind.NOTHING_NOTICED);
        assertThat(first.domain()).isEqualTo(Domain.STORAGE);

        vm.advanceTo(60 * SECOND);
        assertThat(vm.nowMicros()).as("unanswered, the run holds at its moment").isEqualTo(9_900_000);

        p.answer(first.rightIndex());
        assertThat(p.verdictProperty().get().right()).isTrue();
        assertThat(vm.isPlaying()).as("the moment plays").isTrue();
        vm.advanceTo(60 * SECOND);
        assertThat(vm.nowMicros()).as("before the copy fails").isEqualTo(11_900_000);
        PredictionPrompt second = p.promptProperty().get();
        assertThat(second.right().kind()).isEqualTo(PredictionChoice.Kind.WRITES_STOP);
        p.answer(indexOf(second, PredictionChoice.Kind.NOTHING_NOTICED));
        assertThat(p.verdictProperty().get().right()).isFalse();
        assertThat(p.score()).isEqualTo("predictions: 1 of 2");

        StudyRecord saved = new StudyRecords(dir.resolve("study-record.json"), notices::add).record();
        assertThat(saved.predictions()).containsEntry(Domain.STORAGE, new Tally(2, 1));
        assertThat(notices).isEmpty();
    }

    @Test
    void seekingAwayWithdrawsTheQuestionUnscoredAndPlayingAsksAgain() {
        SimulationViewModel vm = vm("writer-crash-failover-by-tier");
        PredictModel p = predict(vm);
        p.onProperty().set(true);
        vm.advanceTo(60 * SECOND);
        assertThat(p.promptProperty().get()).isNotNull();
        vm.seek(2 * SECOND);
        assertThat(p.promptProperty().get()).as("withdrawn").isNull();
        assertThat(p.askedProperty().get()).isZero();
        vm.advanceTo(60 * SECOND);
        assertThat(vm.nowMicros()).isEqualTo(9_900_000);
        assertThat(p.promptProperty().get().right().kind()).isEqualTo(PredictionChoice.Kind.WRITES_STOP);
    }

    @Test
    void actingWhileAQuestionWaitsWithdrawsItAndTheNextLookHasTheAction() {
        SimulationViewModel vm = vm("writer-crash-failover-by-tier");
        PredictModel p = predict(vm);
        p.onProperty().set(true);
        vm.advanceTo(60 * SECOND);
        assertThat(p.promptProperty().get()).isNotNull();
        vm.act(new Command.FailInstance("reader-3")); // the replica the failover would promote
        assertThat(p.promptProperty().get()).as("withdrawn: the future it asked about is gone").isNull();
        assertThat(p.askedProperty().get()).isZero();
        vm.play();
        for (int i = 0; i < 6 && vm.nowMicros() < 60 * SECOND; i++) {
            vm.advanceTo(60 * SECOND);
            PredictionPrompt q = p.promptProperty().get();
            if (q != null && q.right().kind() == PredictionChoice.Kind.BECOMES_WRITER) {
                assertThat(q.right().subject()).as("reader-3 is down: the other tier-0 replica").isEqualTo("reader-2");
                return;
            }
            if (q != null) {
                p.answer(q.rightIndex());
            }
        }
        throw new AssertionError("no question about the new writer");
    }

    @Test
    void aLearnersActionIsInTheNextLook() {
        SimulationViewModel vm = vm("healthy-cluster");
        PredictModel p = predict(vm);
        p.onProperty().set(true);
        vm.advanceTo(3 * SECOND);
        assertThat(p.promptProperty().get()).as("nothing happens in a healthy cluster").isNull();
        vm.act(new Command.FailInstance("writer-1"));
        vm.advanceTo(120 * SECOND);
        PredictionPrompt q = p.promptProperty().get();
        assertThat(q).as("the failover the action started is asked about").isNotNull();
        assertThat(q.change().before().phase()).isEqualTo(dev.auroralab.engine.snapshot.FailoverPhase.DETECTING);
    }

    @Test
    void aLessonPacesTheRunItselfAndPredictingComesBackWhenItCloses() throws Exception {
        SimulationViewModel vm = vm("healthy-cluster");
        LessonModel lessons = new LessonModel(vm);
        StudyRecords records = new StudyRecords(dir.resolve("r.json"), notices::add);
        PredictModel p = new PredictModel(vm, lessons, () -> records);
        p.onProperty().set(true);
        lessons.open(BuiltInLessons.load("losing-an-az"), 0);
        assertThat(p.waitingForProperty().get()).isEqualTo("the lesson");
        for (int i = 0; i < 4; i++) {
            lessons.next();
            vm.advanceTo(vm.nowMicros() + 20 * SECOND);
            assertThat(p.promptProperty().get()).as("the lesson's own steps, no prediction").isNull();
        }
        lessons.close();
        vm.load(builtIn("az-plus-one"));
        vm.advanceTo(60 * SECOND);
        assertThat(vm.nowMicros()).isEqualTo(9_900_000);
        assertThat(p.promptProperty().get()).isNotNull();
    }

    @Test
    void openingPracticeWithdrawsTheQuestionAndClosingItAsksAgainFromThere() {
        SimulationViewModel vm = vm("az-plus-one");
        PredictModel p = predict(vm);
        javafx.beans.property.BooleanProperty practising = new javafx.beans.property.SimpleBooleanProperty(false);
        p.waitWhilePractising(practising);
        p.onProperty().set(true);
        vm.play();
        vm.advanceTo(60 * SECOND);
        assertThat(p.promptProperty().get()).isNotNull();
        practising.set(true);
        assertThat(p.promptProperty().get()).as("one question at a time: practice's").isNull();
        assertThat(p.waitingForProperty().get()).isEqualTo("practice");
        assertThat(p.askedProperty().get()).isZero();
        vm.play();
        vm.advanceTo(15 * SECOND);
        assertThat(vm.nowMicros()).as("nothing holds the run while practice is open").isEqualTo(15 * SECOND);
        assertThat(p.promptProperty().get()).isNull();
        practising.set(false);
        assertThat(p.waitingForProperty().get()).isNull();
        vm.load(builtIn("az-plus-one"));
        vm.play();
        vm.advanceTo(60 * SECOND);
        assertThat(vm.nowMicros()).as("asking again").isEqualTo(9_900_000);
        assertThat(p.promptProperty().get()).isNotNull();
    }

    @Test
    void anAzOutageThatTakesTheWriterIsAFailoverQuestionNotAStorageOne() throws Exception {
        SimulationViewModel vm = vm("healthy-cluster");
        PredictModel p = predict(vm);
        p.onProperty().set(true);
        assertThat(vm.open(Path.of(PredictModelTest.class.getResource("/predict/writers-az-goes.yaml").toURI())))
                .isEmpty();
        vm.play();
        vm.advanceTo(60 * SECOND);
        PredictionPrompt q = p.promptProperty().get();
        assertThat(vm.nowMicros()).isEqualTo(7_900_000);
        assertThat(q.lead()).contains("fail AZ us-east-1a");
        assertThat(q.right().kind()).isEqualTo(PredictionChoice.Kind.WRITES_STOP);
        assertThat(q.domain()).as("the writer goes with its AZ").isEqualTo(Domain.HIGH_AVAILABILITY);
    }

    @Test
    void withNothingToPredictTheRunPlaysOnPastTheHorizon() {
        SimulationViewModel vm = vm("healthy-cluster");
        PredictModel p = predict(vm);
        p.horizonMicros = 20 * SECOND; // ten minutes in the window: the same path, six looks instead of one
        p.onProperty().set(true);
        vm.advanceTo(2 * 60 * SECOND);
        assertThat(vm.nowMicros()).as("never held at a horizon").isEqualTo(2 * 60 * SECOND);
        assertThat(p.promptProperty().get()).isNull();
    }

    @Test
    void aTeachersOwnScenarioFromAFileIsAskedAboutLikeABuiltIn() throws Exception {
        SimulationViewModel vm = vm("healthy-cluster");
        PredictModel p = predict(vm);
        p.onProperty().set(true);
        assertThat(vm.open(Path.of(PredictModelTest.class.getResource("/predict/teachers-own-failover.yaml").toURI())))
                .isEmpty();
        List<PredictionPrompt> asked = new ArrayList<>();
        while (vm.nowMicros() < vm.scenario().durationMicros()) {
            vm.advanceTo(vm.scenario().durationMicros());
            PredictionPrompt q = p.promptProperty().get();
            if (q == null) {
                break;
            }
            asked.add(q);
            p.answer(q.rightIndex());
        }
        assertThat(asked).extracting(q -> q.right().text()).containsSubsequence(
                "Nothing the application notices changes", "Writes stop", "next-replica becomes the writer");
        PredictionPrompt promotion = asked.stream().filter(q -> q.right().kind() == PredictionChoice.Kind.BECOMES_WRITER)
                .findFirst().orElseThrow();
        assertThat(promotion.choices()).as("the tier-0 replica that is down is a distractor")
                .contains(PredictionChoice.writer("best-replica"));
        assertThat(p.score()).isEqualTo("predictions: " + asked.size() + " of " + asked.size());
    }
}
