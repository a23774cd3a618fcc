package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.ui.topology.ProtectionGroupRows;
import dev.auroralab.ui.topology.TopologyView;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Flows through the real window (headless Monocle by default): what a learner does with mouse and keys. */
@ExtendWith(ApplicationExtension.class)
class TopologyWindowTest {

    private AuroraLabApp.Window window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = AuroraLabApp.build(stage, SimulationViewModel.defaultScenario(), 1280, 800);
    }

    private SimulationViewModel vm() {
        return window.vm();
    }

    private TopologyView topology() {
        return window.view().topology();
    }

    private void clickElement(FxRobot robot, Selection s, MouseButton button) {
        double[] c = topology().centreOf(s);
        assertThat(c).as("%s is drawn", s).isNotNull();
        var screen = topology().localToScreen(c[0], c[1]);
        robot.clickOn(screen, button);
    }

    @Test
    void failingTheWritersAzChangesTheBannerAndAFailoverCompletes(FxRobot robot) {
        robot.interact(() -> vm().advanceTo(5_000_000));
        String writerAz = vm().snapshot().instance("writer-1").az();
        Label banner = robot.lookup("#" + MainView.BANNER_ID).queryAs(Label.class);
        assertThat(banner.getText()).contains("WRITABLE").contains("writer-1 is writing");

        clickElement(robot, Selection.az(writerAz), MouseButton.PRIMARY);
        assertThat(vm().selection()).isEqualTo(Selection.az(writerAz));
        robot.type(KeyCode.F);

        assertThat(vm().snapshot().downAzs()).containsExactly(writerAz);
        assertThat(banner.getText()).doesNotContain("writer-1 is writing");

        robot.interact(() -> vm().advanceTo(vm().nowMicros() + 40_000_000));
        EngineSnapshot s = vm().snapshot();
        assertThat(s.writerId()).isNotNull().isNotEqualTo("writer-1");
        assertThat(s.instance(s.writerId()).role()).isEqualTo(InstanceRole.WRITER);
        assertThat(s.failovers()).isNotEmpty();
        assertThat(banner.getText()).contains("WRITABLE").contains(s.writerId());
        assertThat(robot.lookup("#" + MainView.EVENT_LOG_ID).queryListView().getItems())
                .anySatisfy(e -> assertThat(e.toString()).contains("FailoverCompleted"));
    }

    @Test
    void failingACopyFromItsContextMenuDropsTheGaugeToFiveOfSix(FxRobot robot) {
        robot.interact(() -> vm().advanceTo(2_000_000));
        String copyA = vm().snapshot().pg("pg-0").segments().get(0).id();
        assertThat(ProtectionGroupRows.gauge(vm().snapshot().pg("pg-0"))).startsWith("writes 6/6 (need 4) ✓");

        clickElement(robot, Selection.segment(copyA), MouseButton.SECONDARY);
        robot.clickOn(robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Fail copy A")).queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();

        var pg = vm().snapshot().pg("pg-0");
        assertThat(pg.segments().get(0).state()).isEqualTo(dev.auroralab.engine.storage.SegmentState.DOWN);
        assertThat(ProtectionGroupRows.gauge(pg)).startsWith("writes 5/6 (need 4) ✓ · reads 5/6 (need 3) ✓");
    }

    @Test
    void spacePlaysAndPausesAndTheRightArrowStepsOneEvent(FxRobot robot) {
        assertThat(vm().isPlaying()).isFalse();
        robot.type(KeyCode.SPACE);
        assertThat(vm().isPlaying()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(vm().isPlaying()).isFalse();

        robot.interact(() -> vm().advanceTo(1_000_000));
        long before = vm().nowMicros();
        long nextEvent = vm().snapshot().messagesInFlight().stream()
                .mapToLong(EngineSnapshot.MessageSnapshot::arrivesMicros).min().orElse(Long.MAX_VALUE);
        robot.type(KeyCode.RIGHT);

        assertThat(vm().isPlaying()).isFalse();
        assertThat(vm().nowMicros()).isGreaterThan(before).isLessThanOrEqualTo(nextEvent);
        assertThat(robot.lookup("#" + MainView.STATUS_ID).queryAs(Label.class).getText())
                .startsWith("Stepped one engine event");
    }

    @Test
    void plusAndMinusChangeTheSpeedOnTheLadder(FxRobot robot) {
        robot.type(KeyCode.EQUALS);
        assertThat(vm().speed()).isEqualTo(2.0);
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        assertThat(vm().speed()).isEqualTo(0.5);
        assertThat(robot.lookup("#" + MainView.SPEED_LABEL_ID).queryAs(Label.class).getText()).isEqualTo("1/2×");
    }

    @Test
    void aBadFileShowsTheReadersMessageAndTheRunGoesOnUntouched(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> vm().advanceTo(3_000_000));
        Path bad = dir.resolve("broken.yaml");
        Files.writeString(bad, "schemaVersion: 1\nname: Broken\nseed: 1\nduration: 60s\ncluster:\n  region: x\n"
                + "  volumeGiB: -5\n");
        String nameBefore = vm().scenario().name();
        long nowBefore = vm().nowMicros();

        robot.interact(() -> window.view().open(bad));

        TextArea message = robot.lookup("#scenarioErrorText").queryAs(TextArea.class);
        assertThat(message.getText()).contains("broken.yaml").containsPattern(":\\d+:\\d+");
        assertThat(vm().scenario().name()).isEqualTo(nameBefore);
        assertThat(vm().nowMicros()).isEqualTo(nowBefore);
        robot.interact(() -> vm().advanceTo(nowBefore + 1_000_000));
        assertThat(vm().nowMicros()).isEqualTo(nowBefore + 1_000_000);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void windowIsTitledWithTheScenario() {
        assertThat(stage.getTitle()).isEqualTo("Aurora Lab - Healthy cluster (Aurora MySQL)");
    }

    @Test
    void bracketsWalkTheSelectionAndTheInspectorFollowsIt(FxRobot robot) {
        robot.interact(() -> vm().advanceTo(2_000_000));
        robot.type(KeyCode.CLOSE_BRACKET);
        String first = vm().snapshot().instances().get(0).id();
        assertThat(vm().selection()).isEqualTo(Selection.instance(first));
        InspectorPane inspector = robot.lookup("#" + MainView.INSPECTOR_ID).queryAs(InspectorPane.class);
        assertThat(inspector.fields().get(0).name()).isEqualTo("Instance " + first);

        robot.type(KeyCode.CLOSE_BRACKET);
        assertThat(vm().selection()).isEqualTo(Selection.instance(vm().snapshot().instances().get(1).id()));
        robot.type(KeyCode.OPEN_BRACKET, 2);
        assertThat(vm().selection()).as("wraps to the last element").isEqualTo(
                new Selection(Selection.Kind.ENDPOINT, "reader"));
        assertThat(inspector.asText()).contains("Volume");
    }
}
