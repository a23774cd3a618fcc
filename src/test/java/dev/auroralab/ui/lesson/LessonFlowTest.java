package dev.auroralab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.run.LessonPlayer;
import dev.auroralab.scenario.BuiltInLessons;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.ui.AuroraLabApp;
import dev.auroralab.ui.Selection;
import dev.auroralab.ui.SimulationViewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lesson as a learner takes it in the real window at 1280x720: open it, read, answer the question, Continue with
 * the button and with Page Down and Space (a clicker), watch a step play to its end and pause, go Back (the
 * simulation rewinds), jump with the step crumbs, leave; and a deep link that opens at a step.
 */
@ExtendWith(ApplicationExtension.class)
class LessonFlowTest {

    private AuroraLabApp.Window window;

    @Start
    void start(Stage stage) throws Exception {
        window = AuroraLabApp.build(stage, BuiltInScenarios.load("lose-an-az"), 1280, 720);
    }

    private SimulationViewModel vm() {
        return window.vm();
    }

    private LessonModel lessons() {
        return window.view().lessons();
    }

    private LessonPanel panel(FxRobot robot) {
        return robot.lookup("#" + LessonPanel.ID).queryAs(LessonPanel.class);
    }

    private void settle(FxRobot robot) {
        dev.auroralab.ui.FxSettle.settle(robot, window.scene());
    }

    /** Plays frames as the window's timer would, until the lesson's step stops the run or a limit passes. */
    private void playUntilPaused(FxRobot robot) {
        for (int frame = 0; frame < 2000 && vm().isPlaying(); frame++) {
            robot.interact(() -> vm().pulse(50_000_000)); // 50 ms of wall time a frame
        }
    }

    @Test
    void aLearnerTakesTheLessonWithContinueBackAndTheCrumbs(FxRobot robot) throws Exception {
        var lesson = BuiltInLessons.load("six-copies-two-quorums");
        robot.interact(() -> lessons().open(lesson, 0));
        settle(robot);
        assertThat(vm().scenario().name()).isEqualTo("Healthy cluster");
        assertThat(panel(robot).isVisible()).isTrue();
        assertThat(panel(robot).captionText()).contains("six copies").contains("pg-0");
        assertThat(vm().isPlaying()).as("a step that ends on Continue pauses the run").isFalse();
        assertThat(lessons().spotlightProperty().get()).containsExactly(Selection.pg("pg-0"));
        assertThat(window.view().panels().isSideShown()).as("the lesson takes the side panel's place").isFalse();

        // Continue with the button: step 2 asks a question; a wrong answer says which is right
        robot.clickOn("#" + LessonPanel.CONTINUE_ID);
        settle(robot);
        assertThat(lessons().player().index()).isEqualTo(1);
        robot.clickOn(robot.lookup(".lesson-choice").match((Node n) -> ((Button) n).getText().startsWith("A."))
                .queryButton());
        settle(robot);
        assertThat(robot.lookup(".lesson-feedback").queryLabeled().getText()).startsWith("Not quite: the answer is B");
        assertThat(robot.lookup(".lesson-choice").match((Node n) -> ((Button) n).getText().startsWith("✓ B."))
                .tryQuery()).isPresent();

        // Page Down (a clicker): step 3 fails a copy and plays 5 s, then pauses by itself at its end
        robot.type(KeyCode.PAGE_DOWN);
        settle(robot);
        assertThat(lessons().player().index()).isEqualTo(2);
        assertThat(vm().isPlaying()).isTrue();
        playUntilPaused(robot);
        assertThat(vm().isPlaying()).isFalse();
        assertThat(lessons().player().status()).isEqualTo(LessonPlayer.Status.WAITING);
        long stepEnd = vm().nowMicros();
        assertThat(stepEnd).as("started 2 µs in (each step 1 µs after the last), played 5 s").isEqualTo(5_000_002);

        // Space continues a step that waits: step 4 fails the AZ and plays until pg-0 has 4 copies
        robot.type(KeyCode.SPACE);
        playUntilPaused(robot);
        settle(robot);
        assertThat(lessons().player().index()).isEqualTo(3);
        assertThat(vm().snapshot().downAzs()).contains("us-east-1c");

        // Back (Page Up) rewinds the simulation to the previous step's start: one copy down, the AZ still up
        robot.type(KeyCode.PAGE_UP);
        settle(robot);
        assertThat(lessons().player().index()).isEqualTo(2);
        assertThat(vm().nowMicros()).isEqualTo(lessons().player().stepStartMicros());
        assertThat(vm().snapshot().downAzs()).isEmpty();
        assertThat(vm().branches()).as("Back starts no branch").hasSize(1);

        // the crumbs: a click on "1" goes back to the first step
        robot.clickOn(robot.lookup(".lesson-crumbs .button").match((Node n) -> "1".equals(((Button) n).getText()))
                .queryButton());
        settle(robot);
        assertThat(lessons().player().index()).isZero();
        assertThat(vm().nowMicros()).isZero();

        // leaving the lesson gives the side panel back and keeps the run for free play
        robot.interact(() -> lessons().close());
        settle(robot);
        assertThat(panel(robot).isVisible()).isFalse();
        assertThat(window.view().panels().isSideShown()).isTrue();
        assertThat(lessons().spotlightProperty().get()).isEmpty();
    }

    @Test
    void aDeepLinkOpensTheLessonAtItsStepWithTheStepsBeforeTaken(FxRobot robot) throws Exception {
        robot.interact(() -> {
            try {
                LessonMenu.openLink(lessons(), "six-copies-two-quorums#az-plus-one");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        settle(robot);
        assertThat(lessons().player().index()).isEqualTo(4);
        assertThat(lessons().player().step().id()).isEqualTo("az-plus-one");
        assertThat(vm().snapshot().downAzs()).contains("us-east-1c");
        assertThat(vm().isPlaying()).as("the step plays until writes stop").isTrue();
        playUntilPaused(robot);
        assertThat(vm().snapshot().volume().writable()).isFalse();
        assertThat(vm().snapshot().volume().readable()).isTrue();
    }

    @Test
    void theStepsMenuJumpsForwardByTakingTheStepsBetween(FxRobot robot) throws Exception {
        var lesson = BuiltInLessons.load("six-copies-two-quorums");
        robot.interact(() -> lessons().open(lesson, 0));
        settle(robot);
        javafx.scene.control.MenuButton steps = robot.lookup(".lesson-chapters").queryAs(
                javafx.scene.control.MenuButton.class);
        assertThat(steps.getItems()).hasSize(lesson.steps().size());
        assertThat(steps.getItems().get(0).getText()).startsWith("▶ 1.");
        int repair = lesson.indexOf("repair");
        robot.interact(() -> steps.getItems().get(repair).fire());
        settle(robot);
        assertThat(lessons().player().index()).isEqualTo(repair);
        assertThat(vm().snapshot().volume().writable()).as("AZ+1 was taken on the way: writes are stopped").isFalse();
        assertThat(steps.getItems().get(repair).getText()).startsWith("▶ ");
    }

    @Test
    void openingAnotherScenarioEndsTheLesson(FxRobot robot) throws Exception {
        var lesson = BuiltInLessons.load("six-copies-two-quorums");
        robot.interact(() -> lessons().open(lesson, 0));
        robot.interact(() -> vm().openBuiltIn("az-plus-one"));
        settle(robot);
        assertThat(lessons().isOpen()).isFalse();
        assertThat(panel(robot).isVisible()).isFalse();
    }

    @Test
    void theLessonColumnGrowsWithAWideWindowAndItsTypeWithIt(FxRobot robot) throws Exception {
        var lesson = BuiltInLessons.load("six-copies-two-quorums");
        robot.interact(() -> lessons().open(lesson, 0));
        settle(robot);
        LessonPanel panel = panel(robot);
        javafx.scene.text.Text captionWord = robot.from(panel).lookup(".lesson-text")
                .queryAs(javafx.scene.text.Text.class);
        assertThat(panel.getWidth()).as("at 1280x720 the column keeps its narrow width").isEqualTo(LessonPanel.WIDTH);
        double narrowType = captionWord.getFont().getSize();

        robot.interact(() -> panel.fitToWindow(1920));
        settle(robot);
        assertThat(panel.getPrefWidth()).as("a quarter of a 1920 px window").isEqualTo(480);
        assertThat(captionWord.getFont().getSize()).as("the caption's type grows on a wide window")
                .isGreaterThan(narrowType);

        robot.interact(() -> panel.fitToWindow(4000));
        assertThat(panel.getPrefWidth()).as("never wider than its cap").isEqualTo(LessonPanel.MAX_WIDTH);
        robot.interact(() -> panel.fitToWindow(1280));
        settle(robot);
        assertThat(panel.getPrefWidth()).isEqualTo(LessonPanel.WIDTH);
        assertThat(captionWord.getFont().getSize()).isEqualTo(narrowType);
    }
}
