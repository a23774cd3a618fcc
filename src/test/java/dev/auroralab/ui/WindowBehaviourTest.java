package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.scenario.ScenarioReader;
import dev.auroralab.ui.topology.TopologyView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's own behaviour a new user met: notes, the picker, the sliders, dialogs, panels, zoom, themes. */
@ExtendWith(ApplicationExtension.class)
class WindowBehaviourTest {

    private Stage stage;
    private AuroraLabApp.Window window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = AuroraLabApp.build(stage, SimulationViewModel.defaultScenario(), 1280, 800);
    }

    private SimulationViewModel vm() {
        return window.vm();
    }

    private MainView view() {
        return window.view();
    }

    private void rebuild(FxRobot robot, Scenario s, double w, double h) {
        robot.interact(() -> window = AuroraLabApp.build(stage, s, w, h));
        settle(robot);
    }

    private void settle(FxRobot robot) {
        FxSettle.settle(robot, window.scene());
    }

    private MenuItem menuItem(String menu, String text) {
        MenuBar bar = (MenuBar) window.scene().getRoot().lookup(".menu-bar");
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i instanceof Menu sub && menu.equals(sub.getText())) {
                    return sub.getItems().stream().filter(x -> text.equals(x.getText())).findFirst().orElseThrow();
                }
            }
        }
        throw new AssertionError("no menu " + menu);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> picker(FxRobot robot) {
        return robot.lookup("#" + MainView.SCENARIO_PICKER_ID).queryAs(ComboBox.class);
    }

    // ---- defect 3: the scenario's description ------------------------------------------------------------------------

    @Test
    void theScenariosDescriptionIsShownWhenItOpensAndCanBeHiddenAndBroughtBack(FxRobot robot) throws ScenarioError {
        ScenarioNotes notes = view().notes();
        String healthy = BuiltInScenarios.load("healthy-cluster").description().strip();
        assertThat(notes.isVisible()).isTrue();
        assertThat(notes.text()).startsWith(healthy.substring(0, 40));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        assertThat(notes.isVisible()).isFalse();
        assertThat(notes.isManaged()).as("hidden notes take no room").isFalse();

        robot.interact(() -> menuItem("_Built-in scenarios", "az-plus-one").fire());
        String az1 = BuiltInScenarios.load("az-plus-one").description().strip();
        assertThat(notes.isVisible()).as("a newly opened scenario shows its notes").isTrue();
        assertThat(notes.text()).startsWith(az1.substring(0, 40));
    }

    // ---- defect 4: the picker names the scenario open ----------------------------------------------------------------

    @Test
    void thePickerNamesTheScenarioOpenAtStartAndAfterTheMenuOpensAnother(FxRobot robot, @TempDir Path dir)
            throws Exception {
        assertThat(picker(robot).getValue()).isEqualTo("healthy-cluster");

        robot.interact(() -> menuItem("_Built-in scenarios", "lose-an-az").fire());
        assertThat(vm().scenario().name()).isEqualTo(BuiltInScenarios.load("lose-an-az").name());
        assertThat(picker(robot).getValue()).isEqualTo("lose-an-az");

        Path mine = dir.resolve("my-cluster.yaml");
        Files.writeString(mine, """
                schemaVersion: 1
                name: My cluster
                cluster:
                  region: us-east-1
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 10
                  instances:
                    - {id: writer-1, az: us-east-1a, role: writer, instanceClass: db.r6g.large}
                """);
        robot.interact(() -> view().open(mine));
        assertThat(picker(robot).getValue()).as("a file is no built-in").isNull();
        assertThat(picker(robot).getPromptText()).isEqualTo("My cluster");
        assertThat(picker(robot).getTooltip().getText()).contains("my-cluster.yaml");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker(robot).getButtonCell().getText()).as("what the button shows, not only its prompt")
                .isEqualTo("My cluster");

        robot.interact(() -> menuItem("_Built-in scenarios", "az-plus-one").fire());
        assertThat(picker(robot).getButtonCell().getText()).isEqualTo("az-plus-one");
    }

    // ---- defect 5: the workload sliders --------------------------------------------------------------------------------

    @Test
    void aWorkloadAboveTheOldCapShowsItsRealRateAndAStrayKeyChangesNothing(FxRobot robot) throws ScenarioError {
        Scenario busy = ScenarioReader.read("busy.yaml", """
                schemaVersion: 1
                name: Busy
                cluster:
                  region: us-east-1
                  azs: [us-east-1a, us-east-1b, us-east-1c]
                  volumeGiB: 10
                  instances:
                    - {id: writer-1, az: us-east-1a, role: writer, instanceClass: db.r6g.large}
                    - {id: reader-1, az: us-east-1b, instanceClass: db.r6g.large}
                workload: {writesPerSecond: 1234, readsPerSecond: 4000000}
                """);
        rebuild(robot, busy, 1280, 800);
        Label reads = robot.lookup("#" + WorkloadControls.READS_LABEL_ID).queryAs(Label.class);
        Label writes = robot.lookup("#" + WorkloadControls.WRITES_LABEL_ID).queryAs(Label.class);
        assertThat(reads.getText()).isEqualTo("4,000,000 reads/s");
        assertThat(writes.getText()).as("the engine's rate, not the slider's rounding").isEqualTo("1,234 writes/s");
        Slider readSlider = robot.lookup("#" + WorkloadControls.READS_ID).queryAs(Slider.class);
        assertThat(readSlider.getValue()).isCloseTo(Math.log10(4_000_001), within(1e-9));

        int actionsBefore = vm().userCommands().size();
        robot.clickOn(robot.lookup("#" + WorkloadControls.WRITES_ID).queryAs(Slider.class));
        // the click moved the thumb: let go applied it. A stray key afterwards (Shift, Tab) must change nothing
        int afterClick = vm().userCommands().size();
        robot.type(KeyCode.SHIFT);
        assertThat(vm().userCommands()).hasSize(afterClick);
        assertThat(vm().snapshot().readsPerSecond()).isEqualTo(4_000_000);

        robot.interact(() -> readSlider.requestFocus());
        robot.type(KeyCode.LEFT);
        assertThat(vm().userCommands()).as("an arrow key moves it and applies").hasSizeGreaterThan(actionsBefore);
        assertThat(vm().snapshot().readsPerSecond()).isLessThan(4_000_000);
    }

    // ---- defect 9: dialogs pause, the end is marked ------------------------------------------------------------------

    @Test
    void theRunPausesWhileADialogIsOpenAndPlaysOnWhenItCloses(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "schemaVersion: 1\nname: [broken\n");
        robot.interact(() -> vm().play());
        robot.interact(() -> view().open(bad));
        assertThat(vm().isPlaying()).as("paused behind the dialog").isFalse();
        List<Window> dialogs = robot.listWindows().stream().filter(w -> w != stage).toList();
        assertThat(dialogs).isNotEmpty();
        // OK, as a learner closes it
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().isPlaying()).as("playing again").isTrue();
        robot.interact(() -> vm().pause());
    }

    @Test
    void theClockAndTheStatusSayWhenTheRunGoesPastTheScenariosEnd(FxRobot robot) {
        long end = vm().scenario().durationMicros();
        Label clock = robot.lookup("#" + MainView.CLOCK_ID).queryAs(Label.class);
        robot.interact(() -> vm().advanceTo(end - 1_000_000));
        assertThat(clock.getText()).doesNotContain("past end");
        robot.interact(() -> vm().advanceTo(end + 2_000_000));
        assertThat(clock.getText()).contains("past end").contains("seed 1");
        assertThat(vm().statusProperty().get()).contains("ended at").contains("plays on");
    }

    // ---- panels, presenter mode ------------------------------------------------------------------------------------------

    @Test
    void thePanelsCollapseAndComeBackWhereTheyWereAndPresenterModeRestoresEverything(FxRobot robot) {
        PanelLayout p = view().panels();
        robot.interact(() -> p.chooseCharts(true));
        settle(robot);
        double side = p.sideDivider();
        double charts = p.chartsDivider();
        PanelLayout.State before = p.state();
        assertThat(p.isSideShown()).isTrue();

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        assertThat(p.isSideShown()).isFalse();
        assertThat(view().side().getScene()).as("out of the window").isNull();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        settle(robot);
        assertThat(p.isSideShown()).isTrue();
        assertThat(p.sideDivider()).isCloseTo(side, within(0.01));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertThat(p.isChartsShown()).isFalse();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        settle(robot);
        assertThat(p.chartsDivider()).isCloseTo(charts, within(0.01));

        double normalScale = view().topology().scale();
        robot.interact(() -> view().setPresenter(true, false));
        settle(robot);
        assertThat(p.isSideShown()).isFalse();
        assertThat(p.isChartsShown()).isFalse();
        assertThat(view().topology().scale()).isGreaterThan(normalScale);
        // the transport bar is gone: the clock and seed stay in sight beside the banner
        Label presenterClock = robot.lookup("#" + MainView.PRESENTER_CLOCK_ID).queryAs(Label.class);
        assertThat(presenterClock.isVisible()).isTrue();
        assertThat(presenterClock.getText()).startsWith("t = ").contains("seed 1");
        assertThat(presenterClock.localToScene(presenterClock.getBoundsInLocal()).getMaxX())
                .isLessThanOrEqualTo(window.scene().getWidth());
        robot.type(KeyCode.ESCAPE);
        settle(robot);
        assertThat(view().isPresenter()).isFalse();
        PanelLayout.State after = p.state();
        assertThat(after.sideShown()).isEqualTo(before.sideShown());
        assertThat(after.chartsShown()).isEqualTo(before.chartsShown());
        assertThat(after.notesShown()).isEqualTo(before.notesShown());
        assertThat(after.sideDivider()).isCloseTo(before.sideDivider(), within(0.01));
        assertThat(after.chartsDivider()).isCloseTo(before.chartsDivider(), within(0.01));
    }

    @Test
    void aNarrowWindowStartsWithoutTheSidePanelAndAWideOneWithIt(FxRobot robot) {
        rebuild(robot, SimulationViewModel.defaultScenario(), 1024, 768);
        assertThat(view().panels().isSideShown()).isFalse();
        assertThat(view().transport().isIconsOnly()).isTrue();
        Label clock = robot.lookup("#" + MainView.CLOCK_ID).queryAs(Label.class);
        assertThat(clock.getText()).as("clock and seed whole").contains("t = 0:00.000").contains("seed 1");
        assertThat(clock.isVisible()).isTrue();
        assertThat(clock.localToScene(clock.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(1024);

        rebuild(robot, SimulationViewModel.defaultScenario(), 1280, 800);
        assertThat(view().panels().isSideShown()).isTrue();
        assertThat(view().panels().isChartsShown()).as("room for the charts under the topology").isTrue();
    }

    // ---- zoom and themes -------------------------------------------------------------------------------------------

    @Test
    void ctrlPlusZoomsInCtrlMinusOutAndCtrlZeroFitsAgain(FxRobot robot) {
        TopologyView t = view().topology();
        settle(robot);
        double fit = t.scale();
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        settle(robot);
        assertThat(t.scale()).isCloseTo(fit * 1.25, within(1e-6));
        assertThat(t.scrolls()).as("a zoomed page scrolls").isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        settle(robot);
        assertThat(t.scale()).isLessThan(fit);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        settle(robot);
        assertThat(t.scale()).isCloseTo(fit, within(1e-6));
        assertThat(t.zoomProperty().get()).isEqualTo(1.0);
    }

    @Test
    void ctrlDGoesThroughTheThreeThemesAndTheCanvasFollows(FxRobot robot) {
        assertThat(view().theme()).isEqualTo(Theme.LIGHT);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertThat(view().theme()).isEqualTo(Theme.DARK);
        assertThat(view().palette()).isEqualTo(Palette.DARK);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertThat(view().theme()).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(view().palette()).isEqualTo(Palette.HIGH_CONTRAST);
        assertThat(window.scene().getStylesheets()).anyMatch(s -> s.endsWith("high-contrast.css"));
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertThat(view().theme()).isEqualTo(Theme.LIGHT);
        assertThat(window.scene().getStylesheets()).noneMatch(s -> s.endsWith("high-contrast.css"));
    }

    // ---- the event log -------------------------------------------------------------------------------------------------

    @Test
    void theEventLogFollowsTheNewestEventUntilTheLearnerScrollsUp(FxRobot robot) {
        EventLogView log = view().side().log();
        robot.interact(() -> {
            for (int i = 0; i < 12; i++) {
                String copy = "pg-" + (i % 3) + "/us-east-1a/1";
                vm().act(new Command.FailSegment(copy));
                vm().advanceTo(vm().nowMicros() + 500_000);
                vm().act(new Command.RestoreSegment(copy));
                vm().advanceTo(vm().nowMicros() + 500_000);
            }
        });
        settle(robot);
        javafx.scene.control.ScrollBar bar = (javafx.scene.control.ScrollBar) log.list().lookupAll(".scroll-bar")
                .stream().filter(n -> n instanceof javafx.scene.control.ScrollBar b
                        && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible())
                .findFirst().orElseThrow();
        assertThat(log.isFollowing()).isTrue();
        assertThat(log.newestInView()).as("the newest line whole at the bottom").isTrue();

        // the learner scrolls up to read: the log stays there while events keep coming
        robot.interact(() -> {
            javafx.scene.Node flow = log.list().lookup(".virtual-flow");
            // a turn of the mouse wheel upward, as the learner's hand gives it
            javafx.event.Event.fireEvent(flow, new javafx.scene.input.ScrollEvent(
                    javafx.scene.input.ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false, 0,
                    400, 0, 400, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        double reading = bar.getValue();
        assertThat(reading).isLessThan(bar.getMax() - 0.05);
        assertThat(log.isFollowing()).isFalse();
        var follow = robot.lookup("#" + EventLogView.FOLLOW_ID).queryButton();
        assertThat(follow.isVisible()).isTrue();
        robot.interact(() -> {
            vm().act(new Command.FailAvailabilityZone("us-east-1c"));
            vm().advanceTo(vm().nowMicros() + 2_000_000);
        });
        settle(robot);
        assertThat(bar.getValue()).as("still where the learner is reading").isCloseTo(reading, within(0.05));
        assertThat(log.newestInView()).isFalse();

        robot.interact(follow::fire);
        settle(robot);
        assertThat(log.isFollowing()).isTrue();
        assertThat(follow.isVisible()).isFalse();
        assertThat(log.newestInView()).isTrue();
    }

    // ---- defect 1: the largest volume opens, plays and draws ---------------------------------------------------------

    @Test
    void aVolumeOf128TiBOpensPlaysAndDraws(FxRobot robot) throws ScenarioError {
        Scenario big = ScenarioReader.read("largest-volume.yaml", LargeVolumeLayoutTest.YAML);
        rebuild(robot, big, 1280, 720);
        AtomicReference<EngineSnapshot> s = new AtomicReference<>();
        for (int frame = 0; frame < 5; frame++) {
            robot.interact(() -> {
                vm().play();
                vm().pulse(16_000_000);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> {
            vm().pause();
            s.set(vm().snapshot());
        });
        assertThat(s.get().nowMicros()).isPositive();
        assertThat(view().topology().layoutNow().moreGroups).isNotNull();
        assertThat(view().topology().lastDrawNanos()).isPositive();
        robot.interact(() -> vm().act(new Command.FailSegment("pg-0/us-east-1a/1")));
        settle(robot);
        assertThat(vm().snapshot().pg("pg-0").segmentsUp()).isEqualTo(5);
    }
}
