package dev.auroralab.ui;

import javafx.scene.Scene;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** For the window's tests: lets a scene catch up with what was just done, as a user's next look would see it. */
public final class FxSettle {

    private FxSettle() {
    }

    /** Three rounds of CSS and layout on the JavaFX thread, each followed by the events they queued. */
    public static void settle(FxRobot robot, Scene scene) {
        settle(robot, scene, () -> { });
    }

    /** As {@link #settle(FxRobot, Scene)}, with {@code alsoEachRound} run after each layout (e.g. a canvas redraw). */
    public static void settle(FxRobot robot, Scene scene, Runnable alsoEachRound) {
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                alsoEachRound.run();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
