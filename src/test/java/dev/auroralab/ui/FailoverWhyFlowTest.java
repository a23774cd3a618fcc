package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.BuiltInScenarios;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The failover and the lost writes are click targets of their own (issue 14): the failover's phase beside the banner
 * opens the writer's trace, not the volume's; the inspector's failover and lost-writes values open theirs.
 */
@ExtendWith(ApplicationExtension.class)
class FailoverWhyFlowTest {

    private static final long SECOND = 1_000_000;
    private AuroraLabApp.Window window;

    @Start
    void start(Stage stage) throws Exception {
        window = AuroraLabApp.build(stage, BuiltInScenarios.load("writer-crash-failover-by-tier"), 1280, 720);
    }

    private void settle(FxRobot robot) {
        FxSettle.settle(robot, window.scene());
    }

    private static List<String> links(FxRobot robot) {
        Set<Node> found = robot.lookup("." + WhyPopOver.LINK_STYLE).queryAll();
        return found.stream().filter(Node::isVisible).map(n -> (Hyperlink) n)
                .sorted(java.util.Comparator.comparingDouble(h -> h.localToScreen(0, 0).getY()))
                .map(Hyperlink::getText).toList();
    }

    /** The pop-over's title, as its header shows it. */
    private static List<String> titles(FxRobot robot) {
        return robot.lookup(".why-popover .title .text").queryAll().stream().filter(Node::isVisible)
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void clickingTheFailoverPhaseOpensWhyWithTheWritersTraceNotTheVolumes(FxRobot robot) {
        robot.interact(() -> window.vm().advanceTo(25 * SECOND));
        settle(robot);
        FailoverPhaseLink phase = robot.lookup("#" + FailoverPhaseLink.ID).queryAs(FailoverPhaseLink.class);
        assertThat(phase.isVisible()).as("a failover runs at 0:25").isTrue();
        assertThat(phase.getText()).isEqualTo("failover: promoting");
        assertThat(phase.getTooltip().getText()).startsWith("Why?");
        assertThat(window.view().lookup("#" + VolumeBanner.ID)).extracting(n -> ((Label) n).getText())
                .asString().as("the banner keeps the volume's words; the phase is beside it").doesNotContain("failover:");

        robot.clickOn(phase);
        settle(robot);
        assertThat(titles(robot)).containsExactly("Why?");
        List<String> chain = links(robot);
        assertThat(chain.get(0)).as("the writer's trace: the failover is its first link")
                .contains("In-region failover under way: promoting (writer-1 → reader-3)");
        assertThat(chain).contains("← 0:10.000 · writer writer-1 in us-east-1a lost (scenario)")
                .noneMatch(l -> l.contains("Volume "));
    }

    @Test
    void theFailoverPhaseIsHiddenWhileNoFailoverRuns(FxRobot robot) {
        robot.interact(() -> window.vm().advanceTo(5 * SECOND));
        settle(robot);
        FailoverPhaseLink phase = robot.lookup("#" + FailoverPhaseLink.ID).queryAs(FailoverPhaseLink.class);
        assertThat(phase.isVisible()).isFalse();
        assertThat(phase.isManaged()).as("it takes no room").isFalse();
        robot.interact(() -> window.vm().advanceTo(15 * SECOND));
        settle(robot);
        assertThat(phase.isVisible()).isTrue();
        assertThat(phase.getText()).as("detecting: the banner's reason names both ends already")
                .isEqualTo("failover: detecting");
    }

    @Test
    void theInspectorsFailoverAndLostWritesValuesOpenTheirOwnTraces(FxRobot robot) throws Exception {
        robot.interact(() -> window.vm().advanceTo(25 * SECOND));
        settle(robot);
        robot.clickOn(inspectorLink(robot, "promoting"));
        settle(robot);
        assertThat(links(robot).get(0)).contains("In-region failover under way: promoting");
        robot.clickOn("#" + MainView.STATUS_ID);
        settle(robot);

        var global = BuiltInScenarios.load("global-region-outage-failover");
        robot.interact(() -> window.vm().load(global));
        robot.interact(() -> window.vm().advanceTo(100 * SECOND));
        settle(robot);
        long lost = window.vm().snapshot().counters().acknowledgedWritesLost();
        assertThat(lost).isPositive();
        robot.clickOn(inspectorLink(robot, String.format(java.util.Locale.ROOT, "%,d", lost)));
        settle(robot);
        assertThat(links(robot).get(0)).isEqualTo("0:25.000 · " + lost + " acknowledged writes lost (engine)");
    }

    /** The inspector's link whose value contains {@code text}, scrolled into sight. */
    private Label inspectorLink(FxRobot robot, String text) {
        Label link = robot.lookup("." + InspectorPane.LINK_STYLE).queryAll().stream().map(n -> (Label) n)
                .filter(l -> l.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no inspector link with " + text));
        InspectorPane pane = robot.lookup("#" + MainView.INSPECTOR_ID).queryAs(InspectorPane.class);
        robot.interact(() -> {
            double content = pane.getContent().getBoundsInLocal().getHeight();
            double viewport = pane.getViewportBounds().getHeight();
            double y = pane.getContent().sceneToLocal(link.localToScene(0, 0)).getY();
            pane.setVvalue(content <= viewport ? 0 : Math.min(1, Math.max(0, (y - 20) / (content - viewport))));
        });
        settle(robot);
        return link;
    }

    @Test
    void wOnTheReaderEndpointPointsAtItAndShowsEveryLineWithoutScrollingOrEmptyRoom(FxRobot robot) {
        robot.interact(() -> window.vm().advanceTo(25 * SECOND));
        settle(robot);
        Selection reader = new Selection(Selection.Kind.ENDPOINT, "reader");
        robot.interact(() -> window.vm().select(reader));
        robot.type(javafx.scene.input.KeyCode.W);
        settle(robot);
        List<String> chain = links(robot);
        assertThat(chain.get(0)).isEqualTo("0:20.000 · The reader endpoint sends reads to reader-1 and reader-2; not to"
                + " writer-1 (down) and reader-3 (promoting) (engine)");
        javafx.scene.control.ScrollPane scroll = robot.lookup(".why-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        double list = scroll.getContent().getLayoutBounds().getHeight();
        assertThat(scroll.getViewportBounds().getHeight()).as("every line in sight, no room left empty under them")
                .isBetween(list - 1, list + 1);
        double[] at = window.view().topology().centreOf(reader);
        var endpoint = window.view().topology().canvas().localToScreen(at[0], at[1]);
        var popup = scroll.getScene().getWindow();
        // kept on the screen, the pop-over may sit left of the point it was asked at, but never beside it
        assertThat(endpoint.getX()).as("the pop-over is under the endpoint, not at the banner")
                .isBetween(popup.getX(), popup.getX() + popup.getWidth());
        assertThat(popup.getY()).isBetween(endpoint.getY() - 40, endpoint.getY() + 60);
    }
}
