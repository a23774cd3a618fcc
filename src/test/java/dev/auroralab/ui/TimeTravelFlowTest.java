package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.run.Branch;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioReader;
import dev.auroralab.ui.timeline.BranchList;
import dev.auroralab.ui.timeline.TimelineBar;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The time-travel flow a teacher runs in front of a class, through the real window: play, scrub back on the timeline,
 * fail something there (a branch appears, the old future is kept), compare the two futures, switch back, save the
 * branch and open it again.
 */
@ExtendWith(ApplicationExtension.class)
class TimeTravelFlowTest {

    private static final long SECOND = 1_000_000;
    private AuroraLabApp.Window window;

    @Start
    void start(Stage stage) throws Exception {
        window = AuroraLabApp.build(stage, BuiltInScenarios.load("healthy-cluster"), 1280, 720);
    }

    private SimulationViewModel vm() {
        return window.vm();
    }

    private void settle(FxRobot robot) {
        FxSettle.settle(robot, window.scene());
    }

    @Test
    void scrubBackForkCompareSwitchBackSaveAndReopen(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> vm().advanceTo(40 * SECOND));
        settle(robot);
        long eventsAt40 = vm().events().size();

        // scrub: a click on the timeline at a quarter of its track lands about a quarter of the way in
        TimelineBar bar = robot.lookup("#" + TimelineBar.ID).queryAs(TimelineBar.class);
        Bounds b = bar.localToScreen(bar.getBoundsInLocal());
        robot.clickOn(b.getMinX() + 60 + (b.getWidth() - 120) * 0.25, b.getMinY() + b.getHeight() * 0.6);
        settle(robot);
        long scrubbedTo = vm().nowMicros();
        // the track spans the scenario's 60 s (more than the 40 s played): a quarter of it is 15 s
        assertThat(scrubbedTo).isBetween(13 * SECOND, 17 * SECOND);
        assertThat(vm().inThePast()).isTrue();

        // ← steps back through the log, End goes back to the furthest point played with the same log
        robot.type(KeyCode.END);
        assertThat(vm().nowMicros()).isEqualTo(40 * SECOND);
        assertThat(vm().events()).hasSize((int) eventsAt40);
        robot.type(KeyCode.HOME);
        assertThat(vm().nowMicros()).isZero();
        robot.interact(() -> vm().seek(10 * SECOND));

        // acting in the past forks: a branch appears, the status says the old future is kept
        robot.interact(() -> vm().act(new Command.FailAvailabilityZone("us-east-1a")));
        settle(robot);
        assertThat(vm().branches()).hasSize(2);
        Branch scripted = vm().branches().get(0);
        Branch fork = vm().branch();
        assertThat(fork.name()).isEqualTo("fail AZ us-east-1a at 0:10.000");
        assertThat(vm().statusProperty().get()).contains("New branch").contains("kept as \"as scripted\"");
        BranchList list = robot.lookup("#" + BranchList.ID).queryAs(BranchList.class);
        assertThat(list.isVisible()).isTrue();

        // compare: both at one clock, the difference in the volume's status called out
        robot.interact(() -> vm().advanceTo(20 * SECOND));
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        settle(robot);
        assertThat(vm().comparison().snapshot()).isNotNull();
        assertThat(vm().comparison().snapshot().nowMicros()).isEqualTo(20 * SECOND);
        assertThat(vm().comparison().snapshot().downAzs()).isEmpty();
        assertThat(vm().snapshot().downAzs()).containsExactly("us-east-1a");
        CompareStrip strip = robot.lookup("#" + CompareStrip.ID).queryAs(CompareStrip.class);
        assertThat(strip.isVisible()).isTrue();
        robot.interact(() -> vm().seek(15 * SECOND));
        assertThat(vm().comparison().snapshot().nowMicros()).as("scrubbing moves both").isEqualTo(15 * SECOND);

        // switch back with the branch list: the scripted future is as it was played
        ToggleButton first = list.lookupAll(".toggle-button").stream().map(ToggleButton.class::cast)
                .filter(t -> t.getUserData() == scripted).findFirst().orElseThrow();
        robot.clickOn(first);
        settle(robot);
        assertThat(vm().branch()).isSameAs(scripted);
        robot.interact(() -> vm().seek(40 * SECOND));
        assertThat(vm().events()).hasSize((int) eventsAt40);
        assertThat(vm().snapshot().downAzs()).isEmpty();

        // save the fork as a scenario and open it again: it replays the same run
        robot.interact(() -> {
            vm().comparison().stop();
            vm().switchTo(fork);
            vm().seek(20 * SECOND);
        });
        Path saved = dir.resolve("fork.yaml");
        dev.auroralab.scenario.ScenarioWriter.write(saved, vm().scenario(), vm().userCommands());
        var atFork = vm().snapshot();
        Scenario reopened = ScenarioReader.read(saved);
        robot.interact(() -> vm().load(reopened));
        robot.interact(() -> vm().advanceTo(20 * SECOND));
        assertThat(vm().snapshot()).isEqualTo(atFork);
        assertThat(Files.readString(saved)).contains("fail-az");
    }
}
