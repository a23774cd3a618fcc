package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.exam.Domain;
import dev.auroralab.exam.StudyRecord;
import dev.auroralab.exam.Tally;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.StudyRecordFile;
import dev.auroralab.teach.PredictionChoice;
import dev.auroralab.teach.PredictionPrompt;
import dev.auroralab.ui.predict.PredictBand;
import dev.auroralab.ui.predict.PredictModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Predict-then-observe through the real window at 1280x720, played by its own animation pulse: P turns it on, the
 * run pauses just before the AZ goes and asks, a number key answers, the verdict says ✓ or ✗ in words, the moment
 * plays, and the window's study record (in a temporary configuration folder) holds the predictions.
 */
@ExtendWith(ApplicationExtension.class)
class PredictFlowTest {

    private static final long SECOND = 1_000_000;
    private AuroraLabApp.Window window;
    private AnimationTimer pulse;
    private Path configDir;
    private String configBefore;

    @Start
    void start(Stage stage) throws Exception {
        configDir = Files.createTempDirectory("aurora-predict");
        configBefore = System.getProperty(WindowPrefs.DIR_PROPERTY);
        System.setProperty(WindowPrefs.DIR_PROPERTY, configDir.toString());
        window = AuroraLabApp.build(stage, BuiltInScenarios.load("az-plus-one"), 1280, 720);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            if (pulse != null) {
                pulse.stop();
            }
        });
        if (configBefore == null) {
            System.clearProperty(WindowPrefs.DIR_PROPERTY);
        } else {
            System.setProperty(WindowPrefs.DIR_PROPERTY, configBefore);
        }
    }

    private PredictModel model() {
        return window.view().predict().model();
    }

    private void settle(FxRobot robot) {
        FxSettle.settle(robot, window.scene());
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            boolean[] ok = new boolean[1];
            WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get();
            return ok[0];
        });
    }

    /** Whether a labelled node shows its whole text (a cut one ends in "…" in its text node). */
    private static boolean whole(javafx.scene.control.Labeled l) {
        Text t = (Text) l.lookup(".text");
        return t != null && t.getText().equals(l.getText());
    }

    private int indexOf(PredictionPrompt p, PredictionChoice.Kind kind) {
        for (int i = 0; i < p.choices().size(); i++) {
            if (p.choices().get(i).kind() == kind) {
                return i;
            }
        }
        throw new AssertionError(kind + " not offered: " + p.choices());
    }

    private static KeyCode digit(int index) {
        return KeyCode.valueOf("DIGIT" + (index + 1));
    }

    @Test
    void theRunStopsBeforeTheAzGoesAsksAndAKeyScoresItIntoTheStudyRecord(FxRobot robot) throws Exception {
        robot.type(KeyCode.P);
        settle(robot);
        PredictBand band = robot.lookup("#" + PredictBand.ID).queryAs(PredictBand.class);
        assertThat(band.isVisible()).as("P turns it on and the band says so").isTrue();
        robot.interact(() -> {
            window.vm().setSpeed(20);
            pulse = AuroraLabApp.pulse(window.vm());
            pulse.start();
        });
        robot.type(KeyCode.SPACE);
        waitFor("the first question", () -> model().promptProperty().get() != null);
        settle(robot);

        PredictionPrompt first = model().promptProperty().get();
        assertThat(window.vm().nowMicros()).as("the last grid point before the AZ goes").isEqualTo(9_900_000);
        assertThat(window.vm().isPlaying()).isFalse();
        assertThat(window.vm().snapshot().downAzs()).as("the AZ is still up").isEmpty();
        assertThat(first.lead()).contains("fail AZ us-east-1c");
        Label question = robot.lookup("#" + PredictBand.QUESTION_ID).queryAs(Label.class);
        assertThat(question.getText()).isEqualTo("What happens next?");
        assertThat(question.getFont().getSize()).as("large type").isGreaterThanOrEqualTo(20);
        for (int i = 0; i < first.choices().size(); i++) {
            Button b = robot.lookup("#" + PredictBand.CHOICE_ID + (i + 1)).queryAs(Button.class);
            assertThat(b.isVisible()).isTrue();
            assertThat(b.getText()).isEqualTo((i + 1) + "   " + first.choices().get(i).text());
            assertThat(b.getFont().getSize()).as("readable on a projector").isGreaterThanOrEqualTo(16);
            assertThat(whole(b)).as("not cut: " + b.getText()).isTrue();
            Bounds on = b.localToScene(b.getBoundsInLocal());
            assertThat(on.getMaxX()).as("inside 1280 px").isLessThanOrEqualTo(1280);
            assertThat(on.getMaxY()).as("inside 720 px").isLessThanOrEqualTo(720);
        }
        Node notes = robot.lookup("#" + ScenarioNotes.ID).query();
        assertThat(notes.isVisible()).as("the notes, which tell what happens, step aside").isFalse();

        robot.type(digit(first.rightIndex()));
        settle(robot);
        Label verdict = robot.lookup("#" + PredictBand.VERDICT_ID).queryAs(Label.class);
        assertThat(verdict.getText()).startsWith("✓ Right: " + first.right().text());
        assertThat(robot.lookup("#" + PredictBand.SCORE_ID).queryAs(Label.class).getText())
                .isEqualTo("predictions: 1 of 1");
        // at 20x the two seconds to the next question may already be played: it plays, or it went on and stopped again
        assertThat(window.vm().isPlaying() || window.vm().nowMicros() > 9_900_000).as("the moment plays").isTrue();

        waitFor("the second question", () -> model().promptProperty().get() != null);
        assertThat(window.vm().snapshot().downAzs()).as("the moment played: the AZ went").containsExactly("us-east-1c");
        PredictionPrompt second = model().promptProperty().get();
        assertThat(second.right().kind()).isEqualTo(PredictionChoice.Kind.WRITES_STOP);
        robot.type(digit(indexOf(second, PredictionChoice.Kind.NOTHING_NOTICED)));
        settle(robot);
        assertThat(verdict.getText()).startsWith("✗ Not this time").contains("Writes stop");
        assertThat(whole(verdict)).isTrue();
        waitFor("the copy's failure played", () -> !window.vm().snapshot().volume().writable());

        StudyRecord saved = StudyRecordFile.load(configDir.resolve(StudyRecordFile.FILE_NAME)).record();
        assertThat(saved.predictions()).containsEntry(Domain.STORAGE, new Tally(2, 1));
        assertThat(window.view().practice().records().record().predictions()).isEqualTo(saved.predictions());
    }

    @Test
    void aLongWhatHappenedWrapsInsteadOfBeingCutAt1280x720(FxRobot robot) throws Exception {
        robot.interact(() -> {
            try {
                window.vm().load(BuiltInScenarios.load("writer-crash-failover-by-tier"));
            } catch (dev.auroralab.scenario.ScenarioError e) {
                throw new AssertionError(e);
            }
            model().onProperty().set(true);
            window.vm().play();
            window.vm().advanceTo(60 * SECOND);
            model().answer(model().promptProperty().get().rightIndex()); // writes stop at 0:10
            window.vm().advanceTo(60 * SECOND);
        });
        PredictionPrompt promoting = model().promptProperty().get();
        assertThat(window.vm().nowMicros()).as("before the failover starts promoting").isEqualTo(19_900_000);
        robot.interact(() -> model().answer(promoting.rightIndex()));
        settle(robot);
        Label happened = robot.lookup("#" + PredictBand.HAPPENED_ID).queryAs(Label.class);
        assertThat(happened.getText()).as("three sentences: the writes, the phase, the reader endpoint")
                .contains("Failover: promoting").contains("reader endpoint");
        assertThat(whole(happened)).as("not cut: " + happened.getText()).isTrue();
    }

    @Test
    void onA1080pWindowTheBandsTypeGrowsAsTheColumnsDoes(FxRobot robot) {
        // a stage of its own, hidden: the headless screen is 1280 px wide, but a scene lays out at any size
        AuroraLabApp.Window[] wide = new AuroraLabApp.Window[1];
        robot.interact(() -> {
            javafx.stage.Stage hidden = new javafx.stage.Stage();
            try {
                wide[0] = AuroraLabApp.build(hidden, BuiltInScenarios.load("az-plus-one"), 1920, 1080);
            } catch (dev.auroralab.scenario.ScenarioError e) {
                throw new AssertionError(e);
            }
            hidden.hide();
            wide[0].view().predict().model().onProperty().set(true);
            wide[0].vm().play();
            wide[0].vm().advanceTo(60 * SECOND);
        });
        FxSettle.settle(robot, wide[0].scene(), () -> wide[0].scene().getRoot().resize(1920, 1080));
        Label big = (Label) wide[0].scene().lookup("#" + PredictBand.QUESTION_ID);
        Button bigChoice = (Button) wide[0].scene().lookup("#" + PredictBand.CHOICE_ID + "1");
        assertThat(wide[0].view().predict().model().promptProperty().get()).isNotNull();

        robot.interact(() -> {
            model().onProperty().set(true);
            window.vm().play();
            window.vm().advanceTo(60 * SECOND);
        });
        settle(robot);
        Label small = robot.lookup("#" + PredictBand.QUESTION_ID).queryAs(Label.class);
        Button smallChoice = robot.lookup("#" + PredictBand.CHOICE_ID + "1").queryAs(Button.class);
        assertThat(big.getFont().getSize()).as("the question at 1920").isGreaterThanOrEqualTo(26)
                .isGreaterThan(small.getFont().getSize());
        assertThat(bigChoice.getFont().getSize()).as("a choice at 1920").isGreaterThanOrEqualTo(20)
                .isGreaterThan(smallChoice.getFont().getSize());
    }

    @Test
    void inPresenterModeTheQuestionIsLargerAndStillFits(FxRobot robot) {
        robot.interact(() -> {
            window.view().setPresenter(true, false);
            model().onProperty().set(true);
            window.vm().advanceTo(60 * SECOND);
        });
        settle(robot);
        PredictionPrompt p = model().promptProperty().get();
        assertThat(p).isNotNull();
        Label question = robot.lookup("#" + PredictBand.QUESTION_ID).queryAs(Label.class);
        assertThat(question.getFont().getSize()).isGreaterThanOrEqualTo(24);
        for (int i = 0; i < p.choices().size(); i++) {
            Button b = robot.lookup("#" + PredictBand.CHOICE_ID + (i + 1)).queryAs(Button.class);
            assertThat(b.getFont().getSize()).isGreaterThanOrEqualTo(20);
            assertThat(whole(b)).as("not cut: " + b.getText()).isTrue();
            assertThat(b.localToScene(b.getBoundsInLocal()).getMaxY()).isLessThanOrEqualTo(720);
        }
        robot.type(KeyCode.P);
        settle(robot);
        assertThat(model().isOn()).isFalse();
        assertThat(robot.lookup("#" + PredictBand.ID).query().isVisible()).isFalse();
        assertThat(robot.lookup("#" + ScenarioNotes.ID).query().isVisible()).as("the caption is back").isTrue();
    }
}
