package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.RegionRole;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.TimedCommand;
import dev.auroralab.ui.topology.GlobalStripView;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Global Database through the real window at 1280x800 (headless): the strip, its keys and buttons, the ledger. */
@ExtendWith(ApplicationExtension.class)
class GlobalWindowTest {

    private AuroraLabApp.Window window;

    @Start
    void start(Stage stage) throws Exception {
        window = AuroraLabApp.build(stage, BuiltInScenarios.load("global-switchover"), 1280, 800);
        // at 1280x800 the strip leaves the charts too little room and they start collapsed: these tests look at them
        window.view().panels().chooseCharts(true);
    }

    private SimulationViewModel vm() {
        return window.vm();
    }

    private GlobalStripView strip() {
        return window.view().global().strip();
    }

    private void clickRegion(FxRobot robot, String region, MouseButton button) {
        double[] c = strip().centreOf(region);
        assertThat(c).as("%s has a card", region).isNotNull();
        robot.clickOn(strip().localToScreen(c[0], c[1]), button);
    }

    private Label regionTitle(FxRobot robot) {
        return robot.lookup("#" + GlobalControls.REGION_TITLE_ID).queryAs(Label.class);
    }

    @Test
    void theStripAndTheRegionBarShowForAGlobalDatabaseAndNotForOneRegion(FxRobot robot) {
        robot.interact(() -> vm().advanceTo(2_000_000));
        Node bar = robot.lookup("#" + GlobalControls.REGION_BAR_ID).query();
        assertThat(strip().isVisible()).isTrue();
        assertThat(strip().getHeight()).as("the strip takes its room").isGreaterThan(90);
        assertThat(bar.isManaged()).isTrue();
        assertThat(regionTitle(robot).getText()).isEqualTo("us-east-1 · ★ PRIMARY");
        assertThat(robot.lookup("#bottomTabs").queryAs(TabPane.class).getTabs()).hasSize(2);
        assertThat(robot.lookup("#" + GlobalControls.ALARM_ID).queryAs(Label.class).isManaged()).isFalse();

        robot.interact(() -> vm().openBuiltIn("healthy-cluster"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(strip().isVisible()).isFalse();
        assertThat(strip().isManaged()).isFalse();
        assertThat(bar.isManaged()).isFalse();
        assertThat(robot.lookup("#bottomTabs").tryQuery()).as("the charts alone, as before").isEmpty();
        assertThat(window.view().global().menu().isVisible()).isFalse();
    }

    @Test
    void clickingARegionsCardShowsItBelowAndTheInspectorShowsItsFields(FxRobot robot) {
        robot.interact(() -> vm().advanceTo(2_000_000));

        clickRegion(robot, "eu-west-1", MouseButton.PRIMARY);

        assertThat(vm().selection()).isEqualTo(Selection.region("eu-west-1"));
        assertThat(vm().viewSnapshot().region()).isEqualTo("eu-west-1");
        assertThat(regionTitle(robot).getText()).isEqualTo("eu-west-1 · SECONDARY");
        assertThat(window.view().topology().layoutNow().instances).containsKeys("dublin-reader-1",
                "dublin-reader-2");
        InspectorPane inspector = robot.lookup("#" + MainView.INSPECTOR_ID).queryAs(InspectorPane.class);
        assertThat(inspector.fields().get(0).name()).isEqualTo("Region eu-west-1");
        assertThat(inspector.asText()).contains("RPO lag").contains("durable LSN");
    }

    @Test
    void gSelectsARegionAndFAndRFailAndRestoreIt(FxRobot robot) {
        robot.interact(() -> vm().advanceTo(2_000_000));
        robot.type(KeyCode.G);
        assertThat(vm().selection()).isEqualTo(Selection.region("us-east-1"));
        robot.type(KeyCode.G);
        assertThat(vm().selection()).isEqualTo(Selection.region("eu-west-1"));

        robot.type(KeyCode.F);
        assertThat(vm().snapshot().regionSnapshot("eu-west-1").role()).isEqualTo(RegionRole.DOWN);
        robot.type(KeyCode.R);
        assertThat(vm().snapshot().regionSnapshot("eu-west-1").role()).isEqualTo(RegionRole.SECONDARY);
        assertThat(vm().userCommands()).extracting(TimedCommand::command).containsExactly(
                new Command.FailRegion("eu-west-1"), new Command.RestoreRegion("eu-west-1"));
    }

    @Test
    void theRegionBarsButtonsActOnTheRegionShownAndSayWhyWhenTheyCannot(FxRobot robot) {
        robot.interact(() -> vm().advanceTo(2_000_000));
        Button switchover = window.view().global().buttonFor(Command.Switchover.class);
        assertThat(switchover.isDisabled()).as("us-east-1 is the primary already").isTrue();

        clickRegion(robot, "eu-west-1", MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(switchover.isDisabled()).isFalse();
        robot.interact(switchover::fire);

        assertThat(vm().userCommands()).extracting(TimedCommand::command)
                .containsExactly(new Command.Switchover("eu-west-1"));
        robot.interact(() -> vm().advanceTo(60_000_000));
        assertThat(vm().snapshot().writerRegion()).isEqualTo("eu-west-1");
        assertThat(regionTitle(robot).getText()).isEqualTo("eu-west-1 · ★ PRIMARY");
        assertThat(switchover.isDisabled()).isTrue();
    }

    @Test
    void aCompletedSwitchoverAddsALedgerRowAndTheTabSaysSo(FxRobot robot) {
        TabPane tabs = robot.lookup("#bottomTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs().get(1).getText()).isEqualTo("RPO/RTO ledger (0)");

        robot.interact(() -> vm().advanceTo(60_000_000));

        LedgerPane ledger = window.view().global().ledger();
        assertThat(ledger.rows()).isEqualTo(1);
        assertThat(LedgerText.kind(ledger.getItems().get(0))).isEqualTo("global switchover");
        assertThat(tabs.getTabs().get(1).getText()).isEqualTo("RPO/RTO ledger (1, new)");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertThat(tabs.getTabs().get(1).getText()).isEqualTo("RPO/RTO ledger (1)");
    }

    @Test
    void rightClickingACardOpensItsActionsWithTheReasonsForWhatIsDisabled(FxRobot robot) {
        robot.interact(() -> vm().advanceTo(2_000_000));
        clickRegion(robot, "us-east-1", MouseButton.SECONDARY);
        Label detach = robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Detach us-east-1")).queryAs(Label.class);
        assertThat(detach.getText()).endsWith(" - us-east-1 is the primary: switch over or fail over first");
        robot.type(KeyCode.ESCAPE);
    }
}
