package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeStatus;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.ui.topology.TopologyView;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The "why?" flow through the real window (issue 14): AZ+1 at 13 s, click the banner, the pop-over lists the chain
 * newest first with who did each thing; a link takes the clock to its moment; a protection group's row and the W key
 * open their own trace.
 */
@ExtendWith(ApplicationExtension.class)
class WhyFlowTest {

    private static final long SECOND = 1_000_000;
    private AuroraLabApp.Window window;

    @Start
    void start(Stage stage) throws Exception {
        window = AuroraLabApp.build(stage, BuiltInScenarios.load("az-plus-one"), 1280, 720);
    }

    private void settle(FxRobot robot) {
        FxSettle.settle(robot, window.scene());
    }

    private static List<Hyperlink> links(FxRobot robot) {
        Set<Node> found = robot.lookup("." + WhyPopOver.LINK_STYLE).queryAll();
        return found.stream().filter(Node::isVisible).map(n -> (Hyperlink) n)
                .sorted(java.util.Comparator.comparingDouble(h -> h.localToScreen(0, 0).getY())).toList();
    }

    private static List<String> texts(List<Hyperlink> links) {
        return links.stream().map(Hyperlink::getText).toList();
    }

    @Test
    void clickingTheBannerListsTheChainAndALinkTakesTheClockToItsMoment(FxRobot robot) {
        robot.interact(() -> window.vm().advanceTo(13 * SECOND));
        settle(robot);
        assertThat(window.vm().snapshot().volume().status()).isEqualTo(VolumeStatus.READ_ONLY);

        robot.clickOn("#" + VolumeBanner.ID);
        settle(robot);
        List<Hyperlink> links = links(robot);
        assertThat(texts(links)).as("the state first, then its causes, newest first").containsSubsequence(
                "0:12.000 · Volume read-only: pg-0 reaches 3 of 6 copies; writes need 4 (engine)",
                "← 0:12.000 · pg-0 has 3 of 6 copies; writes need 4, so they stop (engine)",
                "← 0:12.000 · copy C of pg-0 down (scenario)",
                "← 0:10.000 · AZ us-east-1c out: copies E and F of pg-0 down (scenario)");
        for (Hyperlink h : links) {
            assertThat(h.getFont().getSize()).as("readable on a projector: " + h.getText()).isGreaterThanOrEqualTo(16);
            assertThat(h.localToScreen(h.getBoundsInLocal()).getMaxX()).as("inside a 1280 px screen")
                    .isLessThanOrEqualTo(window.scene().getWindow().getX() + 1280 + 1);
        }

        Hyperlink az = links.get(links.size() - 1);
        robot.clickOn(az);
        settle(robot);
        assertThat(window.vm().nowMicros()).as("the AZ's moment").isEqualTo(10 * SECOND);
        assertThat(window.vm().isPlaying()).isFalse();
        assertThat(window.vm().snapshot().volume().writable()).as("just after the AZ: still writing").isTrue();
        assertThat(links(robot)).as("the list stays, for the other moments").hasSize(links.size());

        robot.clickOn(links.get(2));
        settle(robot);
        assertThat(window.vm().nowMicros()).as("copy C's moment").isEqualTo(12 * SECOND);
        assertThat(window.vm().snapshot().volume().writable()).isFalse();
    }

    @Test
    void aGroupsRowAndTheWKeyOpenTheirOwnTrace(FxRobot robot) {
        robot.interact(() -> window.vm().advanceTo(13 * SECOND));
        settle(robot);
        TopologyView topology = window.view().topology();
        Canvas canvas = topology.canvas();
        double[] row = topology.centreOf(Selection.pg("pg-1"));
        assertThat(row).as("pg-1's row is drawn").isNotNull();
        var p = canvas.localToScreen(row[0], row[1]);
        robot.clickOn(p.getX(), p.getY());
        settle(robot);
        assertThat(window.vm().selection()).isEqualTo(Selection.pg("pg-1"));
        assertThat(texts(links(robot))).containsExactly(
                "0:10.000 · pg-1 has 4 of 6 copies; writes need 4, so they go on (engine)",
                "← 0:10.000 · AZ us-east-1c out: copies E and F of pg-1 down (scenario)");

        robot.clickOn("#" + MainView.STATUS_ID); // elsewhere: the pop-over hides, the window has the keys again
        settle(robot);
        assertThat(links(robot)).isEmpty();
        robot.interact(() -> window.vm().select(Selection.pg("pg-0")));
        robot.type(KeyCode.W);
        settle(robot);
        assertThat(texts(links(robot))).first().asString().startsWith("0:12.000 · pg-0 has 3 of 6 copies");
    }

    @Test
    void theWKeyOnAnAzANodeOrAnEndpointExplainsThatElementNotTheVolume(FxRobot robot) {
        robot.interact(() -> window.vm().advanceTo(13 * SECOND));
        settle(robot);
        robot.interact(() -> window.vm().select(Selection.az("us-east-1c")));
        robot.type(KeyCode.W);
        settle(robot);
        assertThat(texts(links(robot))).containsExactly(
                "0:10.000 · AZ us-east-1c is out, and with it its 4 storage nodes and copies E and F of pg-0, pg-1 and"
                        + " pg-2 (engine)",
                "← 0:10.000 · AZ us-east-1c out (scenario)");

        robot.clickOn("#" + MainView.STATUS_ID);
        settle(robot);
        robot.interact(() -> window.vm().select(new Selection(Selection.Kind.ENDPOINT, "cluster")));
        robot.type(KeyCode.W);
        settle(robot);
        assertThat(texts(links(robot))).singleElement().asString()
                .startsWith("0:13.000 · The cluster (writer) endpoint points to writer-1");
    }
}
