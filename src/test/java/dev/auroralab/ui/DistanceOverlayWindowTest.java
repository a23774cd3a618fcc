package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.ui.topology.Box;
import dev.auroralab.ui.topology.TopologyLayout;
import dev.auroralab.ui.topology.TopologyView;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The distance-to-failure overlay through the real window (headless Monocle by default): during a lost AZ, D marks
 * every copy left of every protection group with a warning triangle, the caption counts them, and the inspector says
 * why; D again takes it all away. The marks are looked for in the canvas's pixels, where a learner sees them.
 */
@ExtendWith(ApplicationExtension.class)
class DistanceOverlayWindowTest {

    private AuroraLabApp.Window window;

    @Start
    void start(Stage stage) throws ScenarioError {
        window = AuroraLabApp.build(stage, BuiltInScenarios.load("lose-an-az"), 1280, 800);
    }

    private TopologyView topology() {
        return window.view().topology();
    }

    private void settle(FxRobot robot) {
        FxSettle.settle(robot, window.scene(), () -> topology().redraw());
    }

    /**
     * Whether the warning triangle stands on a copy's chip in its group's row: some pixel of the triangle's lower
     * left part (beside its exclamation mark) has the palette's warning colour.
     */
    private boolean triangleOn(FxRobot robot, String copyId) {
        AtomicReference<Boolean> seen = new AtomicReference<>(false);
        robot.interact(() -> {
            TopologyLayout l = topology().layoutNow();
            Box chip = l.pgChips.get(copyId);
            assertThat(chip).as("%s has a chip", copyId).isNotNull();
            Image img = topology().canvas().snapshot(null, null);
            PixelReader px = img.getPixelReader();
            Color warning = window.view().palette().warning();
            // the triangle on the chip's corner: 13 units wide, its top 7 units above the chip, its point at
            // right - 4; sample around 3 units left of the middle, low in it
            double[] at = topology().onCanvas(new Box(chip.right() - 7.5, chip.y() + 2.5, 2, 2));
            for (int dx = -1; dx <= (int) Math.ceil(at[2]) + 1; dx++) {
                for (int dy = -1; dy <= (int) Math.ceil(at[3]) + 1; dy++) {
                    int x = (int) at[0] + dx;
                    int y = (int) at[1] + dy;
                    if (x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight()
                            && close(px.getColor(x, y), warning)) {
                        seen.set(true);
                    }
                }
            }
        });
        return seen.get();
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.08 && Math.abs(a.getGreen() - b.getGreen()) < 0.08
                && Math.abs(a.getBlue() - b.getBlue()) < 0.08;
    }

    @Test
    void duringALostAzDMarksEveryCopyLeftAndTheInspectorSaysWhyAndDAgainClearsIt(FxRobot robot) {
        robot.interact(() -> window.vm().advanceTo(30_000_000));
        settle(robot);
        assertThat(window.vm().snapshot().downAzs()).containsExactly("us-east-1c");
        String left = "pg-0/us-east-1a/1";
        String out = "pg-0/us-east-1c/1";
        assertThat(triangleOn(robot, left)).as("no mark before the overlay is on").isFalse();

        robot.type(KeyCode.D);
        settle(robot);
        assertThat(topology().distance().isShown()).isTrue();
        assertThat(robot.lookup("#" + TransportControls.DISTANCE_ID).queryAs(ToggleButton.class).isSelected())
                .as("the bar's toggle follows the key").isTrue();
        for (String pg : new String[] {"pg-0", "pg-1", "pg-2"}) {
            for (String copy : new String[] {pg + "/us-east-1a/1", pg + "/us-east-1a/2", pg + "/us-east-1b/1",
                pg + "/us-east-1b/2"}) {
                assertThat(triangleOn(robot, copy)).as("%s is one more copy and writes stop: marked", copy).isTrue();
            }
            assertThat(triangleOn(robot, pg + "/us-east-1c/1")).as("a copy already out is not marked").isFalse();
        }
        assertThat(topology().layoutNow().distanceCaption).as("the caption has its line").isNotNull();
        assertThat(topology().distance().current().caption("us-east-1"))
                .startsWith("Distance to failure: 22 single faults stop writes");

        // the inspector says why, for a copy and for its group
        robot.interact(() -> window.vm().select(Selection.segment(left)));
        InspectorPane inspector = robot.lookup("#" + MainView.INSPECTOR_ID).queryAs(InspectorPane.class);
        assertThat(inspector.fields().get(0).name()).as("on top, where a small inspector shows it")
                .isEqualTo("If copy " + left + " fails next");
        assertThat(inspector.asText()).contains("writes stop")
                .contains("pg-0 would reach 3 of 6 copies; writes need 4").contains("fail segment " + left);
        assertThat(topology().distance().tooltipLine(Selection.segment(left)))
                .isEqualTo("▲ if it fails next: writes stop (pg-0 would reach 3 of 6 copies; writes need 4)");
        assertThat(topology().distance().tooltipLine(Selection.segment(out)))
                .startsWith("✓ if it fails next: safe");
        robot.interact(() -> window.vm().select(Selection.pg("pg-1")));
        assertThat(inspector.asText()).contains("one more copy, A, B, C or D: writes stop");

        // the writer's card: a failover, and with reader-2 gone with its AZ, the reader endpoint's last replica
        robot.interact(() -> window.vm().select(Selection.instance("writer-1")));
        assertThat(inspector.asText()).contains("failover (writes pause about 27 s, model value)")
                .contains("reader-1, the one replica left, is promoted");

        robot.type(KeyCode.D);
        settle(robot);
        assertThat(topology().distance().isShown()).isFalse();
        assertThat(topology().layoutNow().distanceCaption).isNull();
        assertThat(triangleOn(robot, left)).as("D again takes the marks away").isFalse();
        assertThat(inspector.asText()).doesNotContain("fails next");
    }

    @Test
    void theViewMenuItemAndPresenterModeKeepTheMarks(FxRobot robot) {
        robot.interact(() -> window.vm().advanceTo(30_000_000));
        CheckMenuItem item = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                        .flatMap(m -> m.getItems().stream()).filter(i -> i instanceof CheckMenuItem)
                        .map(i -> (CheckMenuItem) i).filter(i -> i.getText().startsWith("Distance to failure"))
                        .findFirst().orElse(null);
        assertThat(item).as("View → Distance to failure").isNotNull();
        assertThat(item.getAccelerator().getName()).isEqualTo("D");
        // what choosing the item does (a CheckMenuItem's fire() leaves its check as it is; the menu's click sets it)
        robot.interact(() -> item.setSelected(true));
        assertThat(topology().distance().isShown()).isTrue();

        robot.interact(() -> window.view().setPresenter(true, false));
        settle(robot);
        assertThat(triangleOn(robot, "pg-2/us-east-1b/2")).as("presenter mode keeps the marks").isTrue();
        assertThat(topology().smallestTextPx()).isGreaterThanOrEqualTo(16);
        assertThat(topology().scrolls()).isFalse();
        robot.interact(() -> window.view().setPresenter(false, false));
    }
}
