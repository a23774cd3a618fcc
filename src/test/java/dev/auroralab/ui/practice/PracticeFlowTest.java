package dev.auroralab.ui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.exam.Domain;
import dev.auroralab.exam.Question;
import dev.auroralab.exam.QuestionBank;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.QuestionBankReader;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.ui.AuroraLabApp;
import dev.auroralab.ui.Selection;
import dev.auroralab.ui.SimulationViewModel;
import dev.auroralab.ui.WindowPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Exam practice as a learner takes it in the real window at 1280x720, over a test bank of twelve questions
 * (src/test/resources/exam/practice-bank.yaml) and a record in a temporary folder (the configuration folder itself is
 * moved to a temporary one too, so no test ever reads or writes the user's).
 */
@ExtendWith(ApplicationExtension.class)
class PracticeFlowTest {

    private static String configBefore;
    @TempDir
    static Path config;
    @TempDir
    Path dir;

    private AuroraLabApp.Window window;
    private QuestionBank bank;

    /** The order a fresh record asks the bank in. */
    private List<Question> freshOrder() {
        return new dev.auroralab.exam.StudyRecord().order(bank.questions());
    }
    private Path recordFile;

    @BeforeAll
    static void configInATemporaryFolder() {
        configBefore = System.getProperty(WindowPrefs.DIR_PROPERTY);
        System.setProperty(WindowPrefs.DIR_PROPERTY, config.toString());
    }

    @AfterAll
    static void configBack() {
        if (configBefore == null) {
            System.clearProperty(WindowPrefs.DIR_PROPERTY);
        } else {
            System.setProperty(WindowPrefs.DIR_PROPERTY, configBefore);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        window = AuroraLabApp.build(stage, BuiltInScenarios.load("healthy-cluster"), 1280, 720);
        bank = QuestionBankReader.read(Path.of(PracticeFlowTest.class.getResource("/exam/practice-bank.yaml")
                .toURI()));
        recordFile = dir.resolve("study-record.json");
        practice().useRecordFile(recordFile);
        practice().useBank(bank);
    }

    private PracticeModel practice() {
        return window.view().practice();
    }

    private SimulationViewModel vm() {
        return window.vm();
    }

    private void settle(FxRobot robot) {
        dev.auroralab.ui.FxSettle.settle(robot, window.scene());
    }

    private PracticePanel panel(FxRobot robot) {
        return robot.lookup("#" + PracticePanel.ID).queryAs(PracticePanel.class);
    }

    private String verdict(FxRobot robot) {
        return robot.lookup("#" + PracticePanel.VERDICT_ID).queryAs(Label.class).getText();
    }

    /** The key of a choice, alternating between 1-4 and A-D by question. */
    private static KeyCode keyOf(int choice, int n) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        KeyCode[] letters = {KeyCode.A, KeyCode.B, KeyCode.C, KeyCode.D, KeyCode.E};
        return n % 2 == 0 ? digits[choice] : letters[choice];
    }

    @Test
    void aLearnerAnswersTenQuestionsWithTheKeysAndEachIsRecordedAndSaved(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        settle(robot);
        assertThat(practice().mode()).isEqualTo(PracticeModel.Mode.PRACTICE);
        assertThat(panel(robot).isVisible()).isTrue();
        assertThat(window.view().panels().isSideShown()).as("the column takes the side panel's place").isFalse();
        assertThat(practice().records().record().session()).as("opening practice starts a session").isEqualTo(1);

        List<String> asked = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            Question q = practice().question();
            asked.add(q.id());
            // wrong on every third question, by a wrong choice's key; D is a choice here, not the distance overlay
            int choice = n % 3 == 2 ? (q.answer() + 1) % q.choices().size() : q.answer();
            robot.type(keyOf(choice, n));
            settle(robot);
            assertThat(practice().choice()).as("question %d answered by its key", n + 1).isEqualTo(choice);
            assertThat(verdict(robot)).startsWith(q.isRight(choice) ? "✓ Right" : "✗ Not quite: you chose "
                    + Question.letter(choice) + "; the answer is " + Question.letter(q.answer()));
            robot.type(KeyCode.ENTER);
            settle(robot);
        }
        assertThat(asked).as("a fresh record's order: all new, a domain at a time").containsExactlyElementsOf(
                freshOrder().subList(0, 10).stream().map(Question::id).toList());
        assertThat(asked.stream().map(id -> bank.byId(id).orElseThrow().domain()).distinct().count())
                .as("ten questions over several domains").isGreaterThan(4);
        assertThat(window.view().topology().distance().isShown()).as("D answered; it did not toggle the overlay")
                .isFalse();
        assertThat(practice().roundTally()).containsExactly(7, 3);
        assertThat(Files.readString(recordFile)).as("saved after every answer").contains(asked.get(9));
        assertThat(practice().records().record().boxCounts(bank.questions())).as("7 up to box 2, 3 in box 1, 2 new")
                .containsExactly(2, 3, 7, 0, 0, 0);
        assertThat(robot.lookup("#" + PracticePanel.COUNTS_ID).queryAs(Label.class).getText())
                .isEqualTo("0 due · 2 new · box 1: 3 · box 2: 7 · session 1".replace(' ', '\u00a0')
                        .replace("\u00a0·\u00a0", " · "));
    }

    @Test
    void aKeyThatIsNotAChoiceOfTheQuestionIsNotTheWindowsEither(FxRobot robot) {
        robot.interact(() -> practice().openPractice());
        settle(robot);
        robot.type(KeyCode.ENTER); // not answered yet: nothing moves
        settle(robot);
        assertThat(practice().position()).isZero();
        assertThat(practice().choice()).isEqualTo(-1);
        robot.type(KeyCode.E); // a fifth choice this question does not have
        settle(robot);
        assertThat(practice().choice()).isEqualTo(-1);
        assertThat(vm().statusProperty().get()).contains("choices A to D");
    }

    @Test
    void theFeedbackIsScrolledIntoViewAfterAnAnswer(FxRobot robot) {
        robot.interact(() -> practice().openPractice("failover-time-with-a-replica"));
        settle(robot);
        robot.type(KeyCode.A);
        settle(robot);
        ScrollPane scroll = robot.from(panel(robot)).lookup(".lesson-scroll").queryAs(ScrollPane.class);
        Label v = robot.lookup("#" + PracticePanel.VERDICT_ID).queryAs(Label.class);
        double top = v.localToScene(0, 0).getY();
        double viewTop = scroll.localToScene(0, 0).getY();
        double viewBottom = viewTop + scroll.getHeight();
        assertThat(top).as("the verdict is in view").isBetween(viewTop, viewBottom - 20);
    }

    @Test
    void watchItOpensTheDemonstrationAtItsMomentPlayingWithTheSpotlightAndBackReturnsToTheQuestion(FxRobot robot) {
        robot.interact(() -> practice().openPractice("promotion-tier-decides-the-new-writer"));
        settle(robot);
        Question q = practice().question();
        // before an answer the picture would give it away (W then stays the window's Why?)
        robot.interact(() -> assertThat(practice().watch()).isFalse());
        assertThat(practice().isWatching()).isFalse();
        robot.type(KeyCode.DIGIT3);
        settle(robot);
        assertThat(verdict(robot)).startsWith("✓ Right: C.");
        assertThat(robot.lookup("#" + PracticePanel.WATCH_ID).queryButton().isVisible()).isTrue();

        robot.type(KeyCode.W);
        settle(robot);
        assertThat(practice().isWatching()).isTrue();
        assertThat(vm().scenario().name()).isEqualTo(q.demonstration().scenario().name());
        assertThat(vm().nowMicros()).as("opened at its moment").isEqualTo(q.demonstration().atMicros());
        assertThat(vm().isPlaying()).as("playing").isTrue();
        assertThat(vm().snapshot().writerId()).as("what the question is about, in the engine").isEqualTo("reader-3");
        List<Selection> lit = List.of(Selection.instance("reader-1"), Selection.instance("reader-2"),
                Selection.instance("reader-3"));
        assertThat(window.view().topology().spotlight()).as("its highlight spotlit").containsExactlyElementsOf(lit);
        assertThat(robot.lookup("#practiceWatchText").queryAs(Label.class).getText())
                .isEqualTo("Watch: at 0:50.000, the writer is reader-3.");
        assertThat(window.view().panels().isNotesShown()).as("the column says what to watch").isFalse();

        robot.interact(() -> vm().pulse(200_000_000)); // it plays on from its moment
        assertThat(vm().nowMicros()).isGreaterThan(q.demonstration().atMicros());

        robot.type(KeyCode.PAGE_UP);
        settle(robot);
        assertThat(practice().isWatching()).isFalse();
        assertThat(practice().question()).isSameAs(q);
        assertThat(verdict(robot)).as("the question is back, answered").startsWith("✓ Right: C.");
        assertThat(vm().scenario().name()).as("the scenario stays open").isEqualTo(
                q.demonstration().scenario().name());
        assertThat(vm().isPlaying()).as("paused while the learner reads").isFalse();

        robot.type(KeyCode.W);
        settle(robot);
        assertThat(practice().isWatching()).isTrue();
        robot.type(KeyCode.BACK_SPACE);
        settle(robot);
        assertThat(practice().isWatching()).as("Backspace goes back too").isFalse();

        robot.type(KeyCode.ENTER);
        settle(robot);
        assertThat(practice().question()).isNotSameAs(q);
        assertThat(window.view().topology().spotlight()).as("the next question leaves the picture whole").isEmpty();
    }

    @Test
    void aBankFileThatSaysWhatTheEngineDoesNotShowIsRefusedAndTheOpenBankStays(FxRobot robot) throws Exception {
        Path original = Path.of(PracticeFlowTest.class.getResource("/exam/practice-bank.yaml").toURI());
        String text = Files.readString(original);
        // the first demonstrated answer, turned into its opposite: the engine shows otherwise at its moment
        String wrong = text.replaceFirst("shows: \\{writable: true", "shows: {writable: false");
        assertThat(wrong).as("the test bank has a writable claim to turn").isNotEqualTo(text);
        Path mine = dir.resolve("mine.yaml");
        Files.writeString(mine, wrong);
        robot.interact(() -> practice().openPractice());
        Question before = practice().question();
        ScenarioError[] refused = new ScenarioError[1];
        robot.interact(() -> {
            try {
                practice().practiseFrom(mine);
            } catch (ScenarioError e) {
                refused[0] = e;
            }
        });
        assertThat(refused[0]).as("refused").isNotNull();
        assertThat(refused[0].getMessage()).startsWith("mine.yaml:").contains("the bank says what the engine does not"
                + " show").contains("the answer is not shown");
        assertThat(practice().bank()).as("the open bank stays").isSameAs(bank);
        assertThat(practice().question()).isSameAs(before);

        Files.writeString(mine, text);
        robot.interact(() -> {
            try {
                practice().practiseFrom(mine);
            } catch (ScenarioError e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
        assertThat(practice().bank().sourceName()).isEqualTo("mine.yaml");
    }

    @Test
    void aStatedQuestionSaysSoAndHasNoWatchIt(FxRobot robot) {
        robot.interact(() -> practice().openPractice("fifteen-replicas-one-region"));
        settle(robot);
        robot.type(KeyCode.B);
        settle(robot);
        assertThat(robot.lookup("#practiceDemo").queryAs(Label.class).getText()).startsWith(
                "Stated, not demonstrated");
        assertThat(robot.lookup("#" + PracticePanel.WATCH_ID).queryButton().isVisible()).isFalse();
        assertThat(practice().watch()).isFalse();
    }

    @Test
    void aMissedQuestionComesFirstInTheNextSession(FxRobot robot) {
        Question first = freshOrder().get(0);
        Question second = freshOrder().get(1);
        robot.interact(() -> practice().openPractice());
        robot.interact(() -> practice().answer((first.answer() + 1) % first.choices().size())); // missed
        robot.interact(() -> practice().next());
        robot.interact(() -> practice().answer(second.answer())); // right
        robot.interact(() -> practice().close());

        // the window opened again: a new record over the same file, and practice opened in it
        robot.interact(() -> practice().useRecordFile(recordFile));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        settle(robot);
        assertThat(practice().records().record().session()).isEqualTo(2);
        assertThat(practice().question()).as("the missed question first").isSameAs(first);
        assertThat(practice().standing(first)).isEqualTo("due, box 1");
        assertThat(robot.lookup("#" + PracticePanel.COUNTS_ID).queryAs(Label.class).getText())
                .startsWith("1 due · 10 new · box 1: 1 · box 2: 1".replace(' ', '\u00a0').replace("\u00a0·\u00a0", " · "));
        assertThat(practice().total()).isEqualTo(bank.size());
        robot.interact(() -> {
            practice().answer(first.answer());
            for (int i = 1; i < bank.size(); i++) {
                practice().next();
                if (i < bank.size() - 1) {
                    practice().answer(practice().question().answer());
                }
            }
        });
        assertThat(practice().question()).as("the one answered right last time, not due yet, comes last")
                .isSameAs(second);
    }

    @Test
    void aTimedSetGivesNoFeedbackUntilItsScorePerDomainAndItsMissesAreReviewedWithWatchIt(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        settle(robot);
        assertThat(practice().mode()).isEqualTo(PracticeModel.Mode.TIMED_SETUP);
        long[] clock = {0};
        robot.interact(() -> {
            practice().useClock(() -> clock[0]);
            practice().setDomains(java.util.EnumSet.of(Domain.STORAGE, Domain.HIGH_AVAILABILITY));
        });
        settle(robot);
        robot.interact(() -> practice().setTimedCount(5));
        robot.type(KeyCode.ENTER);
        settle(robot);
        assertThat(practice().mode()).isEqualTo(PracticeModel.Mode.TIMED);
        assertThat(practice().total()).isEqualTo(5);
        assertThat(practice().records().record().session()).as("a set is a session").isEqualTo(1);

        List<String> asked = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            Question q = practice().question();
            asked.add(q.id());
            assertThat(q.domain()).isIn(Domain.STORAGE, Domain.HIGH_AVAILABILITY);
            robot.type(KeyCode.ENTER); // nothing chosen: the set waits
            settle(robot);
            assertThat(practice().question()).isSameAs(q);
            int wrong = (q.answer() + 1) % q.choices().size();
            robot.type(keyOf(wrong, n));
            settle(robot);
            assertThat(robot.lookup("#" + PracticePanel.VERDICT_ID).tryQuery()).as("no feedback in a set").isEmpty();
            assertThat(robot.lookup(".practice-chosen").queryButton().getText()).startsWith("● "
                    + Question.letter(wrong) + ".");
            if (n < 3) {
                robot.type(keyOf(q.answer(), n)); // changed before going on: the first three are right
                settle(robot);
            }
            clock[0] += 61_000_000_000L;
            robot.type(KeyCode.ENTER);
            settle(robot);
        }
        assertThat(practice().mode()).isEqualTo(PracticeModel.Mode.RESULT);
        assertThat(robot.lookup("#" + TimedViews.SCORE_ID).queryAs(Label.class).getText())
                .isEqualTo("3 of 5 right (60 %) in 5:05");
        var byDomain = practice().scorecard().byDomain();
        for (var e : byDomain.entrySet()) {
            assertThat(robot.lookup("#practiceDomain-" + e.getKey().word()).queryAs(Label.class).getText())
                    .isEqualTo(e.getValue().right() + " of " + e.getValue().asked());
        }
        assertThat(byDomain.values().stream().mapToInt(t -> t.asked()).sum()).isEqualTo(5);
        assertThat(practice().records().record().practice().values().stream().mapToInt(t -> t.asked()).sum())
                .as("each answer went to the record").isEqualTo(5);
        assertThat(robot.lookup("." + TimedViews.MISSED_STYLE).queryAll()).hasSize(2);

        // Enter reviews the misses: the answer given, the explanation and Watch it
        robot.type(KeyCode.ENTER);
        settle(robot);
        assertThat(practice().isReviewing()).isTrue();
        Question missed = practice().question();
        assertThat(missed.id()).isEqualTo(asked.get(3));
        assertThat(verdict(robot)).startsWith("✗ Not quite: you chose");
        if (missed.demonstrated()) {
            robot.type(KeyCode.W);
            settle(robot);
            assertThat(vm().nowMicros()).isEqualTo(missed.demonstration().atMicros());
            robot.type(KeyCode.PAGE_UP);
            settle(robot);
        }
        robot.type(KeyCode.ENTER);
        settle(robot);
        assertThat(practice().question().id()).isEqualTo(asked.get(4));
        robot.type(KeyCode.ENTER);
        settle(robot);
        assertThat(practice().mode()).as("after the last miss, the result again").isEqualTo(
                PracticeModel.Mode.RESULT);
        assertThat(practice().records().record().practice().values().stream().mapToInt(t -> t.asked()).sum())
                .as("a review records nothing more").isEqualTo(5);
    }

    @Test
    void aCorruptRecordFileIsOneNoticeAndPracticeGoesOn(FxRobot robot) throws Exception {
        Files.writeString(recordFile, "{\"schemaVersion\": 1, \"sessions\": ");
        robot.interact(() -> practice().useRecordFile(recordFile));
        robot.interact(() -> practice().openPractice());
        settle(robot);
        assertThat(practice().notices()).hasSize(1);
        Label notice = robot.lookup("#" + PracticePanel.NOTICE_ID).queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).startsWith("⚠ ").contains("could not be read").contains("starts fresh");
        for (int n = 0; n < 3; n++) {
            robot.type(keyOf(practice().question().answer(), n));
            robot.type(KeyCode.ENTER);
        }
        settle(robot);
        assertThat(practice().notices()).as("said once").hasSize(1);
        assertThat(practice().roundTally()).containsExactly(3, 0);
        assertThat(Files.readString(recordFile)).as("a fresh record saved in its place").contains(
                freshOrder().get(2).id());
    }

    @Test
    void aLessonAndPracticeShareTheColumnOneClosingTheOther(FxRobot robot) throws Exception {
        robot.interact(() -> practice().openPractice());
        settle(robot);
        assertThat(window.view().getRight()).isInstanceOf(PracticePanel.class);
        var lesson = dev.auroralab.scenario.BuiltInLessons.load("six-copies-two-quorums");
        robot.interact(() -> window.view().lessons().open(lesson, 0));
        settle(robot);
        assertThat(practice().isOpen()).isFalse();
        assertThat(window.view().getRight()).isInstanceOf(dev.auroralab.ui.lesson.LessonPanel.class);
        assertThat(window.view().panels().isSideShown()).as("the lesson keeps the side panel hidden").isFalse();

        robot.interact(() -> practice().openPractice());
        settle(robot);
        assertThat(window.view().lessons().isOpen()).isFalse();
        assertThat(window.view().panels().isSideShown()).isFalse();
        robot.interact(() -> practice().close());
        settle(robot);
        assertThat(window.view().panels().isSideShown()).as("the side panel comes back").isTrue();
        assertThat(window.view().panels().isNotesShown()).isTrue();
    }

    @Test
    void atTheClassroomSizeTheColumnKeepsItsWidthAndAQuestionFitsWithItsFourChoices(FxRobot robot) {
        robot.interact(() -> practice().openPractice("promotion-tier-decides-the-new-writer"));
        settle(robot);
        PracticePanel p = panel(robot);
        assertThat(p.getWidth()).as("30 % of 1280").isEqualTo(384);
        assertThat(window.scene().getRoot().getLayoutBounds().getWidth()).as("the window did not widen")
                .isEqualTo(1280);
        ScrollPane scroll = robot.from(p).lookup(".lesson-scroll").queryAs(ScrollPane.class);
        double viewBottom = scroll.localToScene(0, 0).getY() + scroll.getHeight();
        for (javafx.scene.Node b : robot.from(p).lookup(".practice-choice").queryAll()) {
            assertThat(b.localToScene(0, b.getLayoutBounds().getHeight()).getY())
                    .as("%s is in view", ((Button) b).getText()).isLessThanOrEqualTo(viewBottom);
        }
        javafx.scene.text.Text word = (javafx.scene.text.Text) robot.from(p).lookup("#practiceAsk").lookup(".text")
                .query();
        assertThat(word.getFont().getSize()).as("the question reads at 16 px").isEqualTo(16);
    }
}
