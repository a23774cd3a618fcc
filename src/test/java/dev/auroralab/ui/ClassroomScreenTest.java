package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.ScenarioError;
import dev.auroralab.ui.topology.Box;
import dev.auroralab.ui.topology.TopologyLayout;
import dev.auroralab.ui.topology.TopologyView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a 1280x720 projector, for every built-in scenario: every protection group's row, gauge included, is
 * on screen without scrolling, the topology's smallest text is at least 11 px, and presenter mode makes the picture
 * larger (at least 16 px), never smaller; the same with the distance-to-failure overlay on, its caption included.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomScreenTest {

    static final double WIDTH = 1280;
    static final double HEIGHT = 720;
    /** When each scenario is looked at: early, and once its timeline has acted (a replacement copy, a new writer). */
    static final long[] MOMENTS_MICROS = {5_000_000, 30_000_000};

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** What the topology showed at one moment. */
    record Look(String what, double scale, double smallestTextPx, boolean scrolls, List<String> offScreen) {
    }

    private Look look(FxRobot robot, String name, long atMicros, boolean presenter) {
        return look(robot, name, atMicros, presenter, false);
    }

    private Look look(FxRobot robot, String name, long atMicros, boolean presenter, boolean distance) {
        AtomicReference<AuroraLabApp.Window> w = new AtomicReference<>();
        robot.interact(() -> {
            try {
                w.set(AuroraLabApp.build(stage, BuiltInScenarios.load(name), WIDTH, HEIGHT));
            } catch (ScenarioError e) {
                throw new AssertionError(e);
            }
            w.get().vm().advanceTo(atMicros);
            if (presenter) {
                w.get().view().setPresenter(true, false);
            }
            w.get().view().topology().distance().setShown(distance);
        });
        settle(robot, w.get());
        AtomicReference<Look> out = new AtomicReference<>();
        robot.interact(() -> {
            TopologyView t = w.get().view().topology();
            TopologyLayout l = t.layoutNow();
            Bounds canvas = t.canvas().localToScene(t.canvas().getBoundsInLocal());
            List<String> off = new ArrayList<>();
            for (Map.Entry<String, Box> row : l.pgRows.entrySet()) {
                double[] r = t.onCanvas(row.getValue());
                // the row, its gauge at its right end included, inside the canvas, and the canvas inside the window
                boolean inCanvas = r[0] >= -0.5 && r[1] >= -0.5 && r[0] + r[2] <= t.canvas().getWidth() + 0.5
                        && r[1] + r[3] <= t.canvas().getHeight() + 0.5;
                boolean gaugeInCanvas = t.onCanvas(new Box(l.gaugeX, row.getValue().y(), 1, 1))[0]
                        < t.canvas().getWidth();
                if (!inCanvas || !gaugeInCanvas) {
                    off.add(row.getKey());
                }
            }
            if (canvas.getMaxY() > HEIGHT + 0.5 || canvas.getMaxX() > WIDTH + 0.5) {
                off.add("the canvas itself ends at " + canvas.getMaxX() + "x" + canvas.getMaxY());
            }
            if (distance && l.distanceCaption == null) {
                off.add("the distance-to-failure caption");
            } else if (distance && t.onCanvas(l.distanceCaption)[1] + t.onCanvas(l.distanceCaption)[3]
                    > t.canvas().getHeight() + 0.5) {
                off.add("the distance-to-failure caption, below the canvas");
            }
            out.set(new Look(name + " at " + atMicros / 1_000_000 + " s" + (presenter ? " (presenter)" : "")
                    + (distance ? " with distance to failure" : ""), t.scale(), t.smallestTextPx(), t.scrolls(), off));
        });
        robot.interact(() -> w.get().view().setPresenter(false, false));
        return out.get();
    }

    /** A few pulses: CSS, layout, the panels' decisions and the canvas all caught up. */
    private static void settle(FxRobot robot, AuroraLabApp.Window w) {
        for (int i = 0; i < 4; i++) {
            robot.interact(() -> {
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void everyBuiltInScenarioShowsEveryGaugeWithoutScrollingAtReadableSizeAt1280x720(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (String name : BuiltInScenarios.NAMES) {
            for (long at : MOMENTS_MICROS) {
                Look l = look(robot, name, at, false);
                System.out.printf("1280x720 %-45s scale %.3f, smallest text %.1f px%n", l.what(), l.scale(),
                        l.smallestTextPx());
                if (l.scrolls()) {
                    problems.add(l.what() + ": the topology scrolls");
                }
                if (!l.offScreen().isEmpty()) {
                    problems.add(l.what() + ": off screen: " + l.offScreen());
                }
                if (l.smallestTextPx() < 11 - 1e-6) {
                    problems.add(l.what() + ": smallest text " + l.smallestTextPx() + " px");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void withTheDistanceOverlayOnEveryGaugeAndTheCaptionStayOnScreenAtReadableSizes(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (String name : BuiltInScenarios.NAMES) {
            for (boolean presenter : new boolean[] {false, true}) {
                Look l = look(robot, name, MOMENTS_MICROS[1], presenter, true);
                System.out.printf("1280x720 %-70s scale %.3f, smallest text %.1f px%n", l.what(), l.scale(),
                        l.smallestTextPx());
                if (l.scrolls() || !l.offScreen().isEmpty()) {
                    problems.add(l.what() + ": scrolls " + l.scrolls() + ", off screen: " + l.offScreen());
                }
                if (l.smallestTextPx() < (presenter ? 16 : 11) - 1e-6) {
                    problems.add(l.what() + ": smallest text " + l.smallestTextPx() + " px");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void presenterModeMakesThePictureLargerAndItsTextAtLeast16PxAt1280x720(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (String name : BuiltInScenarios.NAMES) {
            Look normal = look(robot, name, MOMENTS_MICROS[1], false);
            Look presenter = look(robot, name, MOMENTS_MICROS[1], true);
            System.out.printf("1280x720 %-45s scale %.3f -> %.3f in presenter mode, smallest text %.1f px%n", name,
                    normal.scale(), presenter.scale(), presenter.smallestTextPx());
            if (presenter.scale() <= normal.scale()) {
                problems.add(name + ": presenter scale " + presenter.scale() + " is not above " + normal.scale());
            }
            if (presenter.smallestTextPx() < 16 - 1e-6) {
                problems.add(name + ": presenter text " + presenter.smallestTextPx() + " px");
            }
            if (!presenter.offScreen().isEmpty() || presenter.scrolls()) {
                problems.add(name + ": presenter mode hides " + presenter.offScreen());
            }
        }
        assertThat(problems).isEmpty();
    }
}
