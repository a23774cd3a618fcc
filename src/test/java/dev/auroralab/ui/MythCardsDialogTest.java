package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.teach.MythCard;
import dev.auroralab.teach.MythCards;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Help → Myths and facts in the real window at 1280x720: each card's text, Show me opening its scenario at its moment,
 * and the dialog readable with nothing cut off.
 */
@ExtendWith(ApplicationExtension.class)
class MythCardsDialogTest {

    private Stage stage;
    private AuroraLabApp.Window window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = AuroraLabApp.build(stage, SimulationViewModel.defaultScenario(), 1280, 720);
    }

    private SimulationViewModel vm() {
        return window.vm();
    }

    /** Fires Help → Myths and facts… as a click would, and returns the dialog's window. */
    private Window openCards(FxRobot robot) {
        MenuBar bar = (MenuBar) window.scene().getRoot().lookup(".menu-bar");
        Menu help = bar.getMenus().stream().filter(m -> m.getText().equals("_Help")).findFirst().orElseThrow();
        MenuItem item = help.getItems().stream().filter(i -> "_Myths and facts…".equals(i.getText())).findFirst()
                .orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
        List<Window> dialogs = dialogs(robot);
        assertThat(dialogs).hasSize(1);
        return dialogs.get(0);
    }

    private List<Window> dialogs(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w != stage && w.isShowing()).toList();
    }

    /** Closes the dialog with its Close button, as a learner does. */
    private static void close(FxRobot robot, Window w) {
        DialogPane pane = (DialogPane) w.getScene().getRoot();
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CLOSE)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T find(Window w, String id) {
        Node n = w.getScene().getRoot().lookup("#" + id);
        assertThat(n).as("#" + id).isNotNull();
        return (T) n;
    }

    private static String text(Window w, String id) {
        return ((Label) find(w, id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static ListView<MythCard> list(Window w) {
        return find(w, MythCardsDialog.LIST_ID);
    }

    private static void select(FxRobot robot, Window w, String cardId) {
        robot.interact(() -> list(w).getSelectionModel().select(MythCards.byId(cardId).orElseThrow()));
    }

    @Test
    void theHelpMenuOpensEveryCardAndACardShowsItsMythFactSourcesAndWhatToWatch(FxRobot robot) {
        Window w = openCards(robot);
        assertThat(list(w).getItems()).containsExactlyElementsOf(MythCards.ALL);
        MythCard first = MythCards.ALL.get(0);
        assertThat(list(w).getSelectionModel().getSelectedItem()).as("healthy-cluster shows no card: the first")
                .isEqualTo(first);
        assertThat(text(w, MythCardsDialog.MYTH_ID)).contains(first.myth());
        assertThat(text(w, MythCardsDialog.FACT_ID)).isEqualTo(first.fact());
        assertThat(text(w, MythCardsDialog.SOURCES_ID)).isEqualTo("Sources: P17 §2.1 · UG-2023 · UG");
        assertThat(text(w, MythCardsDialog.WATCH_ID)).startsWith(first.shownBy().orElseThrow().watch());
        Button showMe = find(w, MythCardsDialog.SHOW_ME_ID);
        assertThat(showMe.isDisabled()).isFalse();

        select(robot, w, "5x-mysql");
        assertThat(text(w, MythCardsDialog.FACT_ID)).contains("\"up to\" 5×");
        assertThat(text(w, MythCardsDialog.WATCH_ID)).startsWith("No run can show this");
        assertThat(showMe.isDisabled()).as("no scenario to show").isTrue();
        assertThat(showMe.getText()).isEqualTo("No scenario shows this");
        close(robot, w);
    }

    @Test
    void showMeOpensTheCardsScenarioAtItsMomentPausedWithWhatToWatchAndClosesTheDialog(FxRobot robot)
            throws ScenarioError {
        robot.interact(() -> vm().play());
        Window w = openCards(robot);
        assertThat(vm().isPlaying()).as("paused behind the dialog").isFalse();
        select(robot, w, "ha-by-default-10-minute-failover");
        robot.clickOn((Node) find(w, MythCardsDialog.SHOW_ME_ID));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs(robot)).as("the dialog closed").isEmpty();
        assertThat(vm().scenario().name()).isEqualTo(BuiltInScenarios.load("writer-crash-no-replica").name());
        assertThat(vm().nowMicros()).as("at the card's moment").isEqualTo(25_000_000);
        assertThat(vm().isPlaying()).as("paused for the teacher to press play").isFalse();
        assertThat(vm().snapshot().writerId()).as("the loss is still ahead").isEqualTo("writer-1");
        @SuppressWarnings("unchecked")
        ComboBox<String> picker = (ComboBox<String>) window.scene().lookup("#" + MainView.SCENARIO_PICKER_ID);
        assertThat(picker.getValue()).isEqualTo("writer-crash-no-replica");
        assertThat(window.view().notes().text()).startsWith("What to watch: At 0:30 the writer's instance is lost");
        assertThat(vm().statusProperty().get()).contains("Show me: writer-crash-no-replica at 0:25.000");
    }

    @Test
    void theKeyboardAloneWalksTheCardsAndEnterShowsTheChosenOne(FxRobot robot) throws ScenarioError {
        Window w = openCards(robot);
        robot.interact(() -> w.getScene().lookup(".myth-list").requestFocus());
        robot.type(javafx.scene.input.KeyCode.HOME);
        robot.type(javafx.scene.input.KeyCode.DOWN);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs(robot)).as("Enter showed the card's scenario and closed the dialog").isEmpty();
        assertThat(vm().scenario().name()).isEqualTo(BuiltInScenarios.load("lose-an-az").name());
    }

    @Test
    void theMKeyOpensTheCardsEvenInPresenterModeWhereTheHelpMenuIsHidden(FxRobot robot) {
        robot.interact(() -> window.view().setPresenter(true, false));
        robot.clickOn(window.scene().getRoot());
        robot.type(javafx.scene.input.KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        List<Window> open = dialogs(robot);
        assertThat(open).as("M opened the dialog once").hasSize(1);
        close(robot, open.get(0));
        robot.interact(() -> window.view().setPresenter(false, false));
    }

    @Test
    void everyCardsShowMeOpensItsOwnScenarioAtItsMoment(FxRobot robot) throws ScenarioError {
        for (MythCard c : MythCards.ALL) {
            if (c.demonstration() == null) {
                continue;
            }
            Window w = openCards(robot);
            select(robot, w, c.id());
            robot.clickOn((Node) find(w, MythCardsDialog.SHOW_ME_ID));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(dialogs(robot)).as("%s: the dialog closed", c.id()).isEmpty();
            assertThat(vm().scenario().name()).as(c.id())
                    .isEqualTo(BuiltInScenarios.fileOrBuiltIn(c.demonstration().scenario()).name());
            assertThat(vm().nowMicros()).as("%s: at the card's moment", c.id())
                    .isEqualTo(c.demonstration().atMicros());
            assertThat(vm().isPlaying()).as("%s: paused", c.id()).isFalse();
        }
    }

    @Test
    void theDialogOpensOnTheCardTheOpenScenarioDemonstratesAndClosingItPlaysOn(FxRobot robot) {
        robot.interact(() -> vm().openBuiltIn("az-plus-one"));
        robot.interact(() -> vm().play());
        Window w = openCards(robot);
        assertThat(list(w).getSelectionModel().getSelectedItem().id()).isEqualTo("4-copies-write-3-copies-read");
        close(robot, w);
        assertThat(vm().isPlaying()).as("closed without Show me: the run plays on").isTrue();
        assertThat(vm().scenario().name()).contains("Lose an AZ, then one more copy");
        robot.interact(() -> vm().pause());
    }

    @Test
    void atTwelveEightyBySevenTwentyEveryCardFitsInLargeTypeWithNothingCutOff(FxRobot robot) {
        Window w = openCards(robot);
        assertThat(w.getWidth()).isLessThanOrEqualTo(1280);
        assertThat(w.getHeight()).isLessThanOrEqualTo(720);
        for (MythCard c : MythCards.ALL) {
            select(robot, w, c.id());
            robot.interact(() -> {
                w.getScene().getRoot().applyCss();
                w.getScene().getRoot().layout();
            });
            Label fact = find(w, MythCardsDialog.FACT_ID);
            assertThat(fact.getFont().getSize()).as("large type").isGreaterThanOrEqualTo(20);
            assertThat(((Label) find(w, MythCardsDialog.WATCH_ID)).getFont().getSize()).isGreaterThanOrEqualTo(16);
            ScrollPane scroll = find(w, MythCardsDialog.SCROLL_ID);
            double content = scroll.getContent().getLayoutBounds().getHeight();
            assertThat(content).as("%s fits without scrolling", c.id())
                    .isLessThanOrEqualTo(scroll.getViewportBounds().getHeight() + 1);
            for (String id : List.of(MythCardsDialog.MYTH_ID, MythCardsDialog.FACT_ID, MythCardsDialog.WATCH_ID)) {
                Label l = find(w, id);
                assertThat(l.getHeight()).as("%s %s is not cut", c.id(), id)
                        .isGreaterThanOrEqualTo(l.prefHeight(l.getWidth()) - 1);
            }
        }
        close(robot, w);
    }
}
