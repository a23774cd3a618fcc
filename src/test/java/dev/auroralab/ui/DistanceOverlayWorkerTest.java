package dev.auroralab.ui;

import static dev.auroralab.ui.ViewModelFixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.command.Command;
import dev.auroralab.teach.FailureDistance;
import dev.auroralab.teach.SingleFault;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A huge volume's distance is worked out off the JavaFX thread (decision 0026): the frame never waits for it, the
 * caption says "working it out" until the first answer and "updating" while a newer one is worked out, the picture is
 * told to redraw when it is in, and the answer is the snapshot's. Here every volume counts as huge, so a small
 * built-in scenario shows it in a second.
 */
@ExtendWith(ApplicationExtension.class)
class DistanceOverlayWorkerTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aHugeVolumeIsWorkedOutOffTheJavaFxThreadAndTheCaptionSaysSoUntilItIsIn(FxRobot robot) throws Exception {
        SimulationViewModel vm = ViewModelFixtures.vm("healthy-cluster");
        vm.advanceTo(5 * SECOND);
        DistanceOverlay overlay = new DistanceOverlay(vm);
        overlay.backgroundFromCopies(1);
        AtomicInteger redraws = new AtomicInteger();
        overlay.setOnReady(redraws::incrementAndGet);
        AtomicReference<FailureDistance> seen = new AtomicReference<>();
        AtomicReference<String> note = new AtomicReference<>();
        robot.interact(() -> {
            overlay.setShown(true);
            seen.set(overlay.current());
            note.set(overlay.pendingNote());
        });
        assertThat(seen.get()).as("nothing to show yet: the frame did not wait").isNull();
        assertThat(note.get()).isEqualTo("working it out for 3 protection groups…");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> redraws.get() == 1);
        robot.interact(() -> {
            seen.set(overlay.current());
            note.set(overlay.pendingNote());
        });
        FailureDistance first = seen.get();
        assertThat(first.nowMicros()).isEqualTo(vm.snapshot().nowMicros());
        assertThat(note.get()).as("the marks are the snapshot's own").isNull();
        assertThat(first.fault(SingleFault.Kind.COPY, "pg-0/us-east-1a/1").safe()).isTrue();

        // a fault: the last answer stays on screen, said to be updating, until the new one is in
        robot.interact(() -> {
            vm.act(new Command.FailAvailabilityZone("us-east-1c"));
            seen.set(overlay.current());
            note.set(overlay.pendingNote());
        });
        assertThat(seen.get()).isSameAs(first);
        assertThat(note.get()).isEqualTo("updating…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> redraws.get() == 2);
        robot.interact(() -> {
            seen.set(overlay.current());
            note.set(overlay.pendingNote());
        });
        assertThat(seen.get().fault(SingleFault.Kind.COPY, "pg-0/us-east-1a/1").label()).isEqualTo("writes stop");
        assertThat(note.get()).isNull();
    }

    @Test
    void inTheWindowThePictureIsDrawnWithItsCaptionWhileWorkingItOutAndRedrawnWhenItIsIn(FxRobot robot)
            throws Exception {
        AtomicReference<AuroraLabApp.Window> w = new AtomicReference<>();
        AtomicReference<String> note = new AtomicReference<>();
        robot.interact(() -> {
            w.set(AuroraLabApp.build(stage, ViewModelFixtures.builtIn("lose-an-az"), 1280, 720));
            w.get().vm().advanceTo(30 * SECOND);
            DistanceOverlay overlay = w.get().view().topology().distance();
            overlay.backgroundFromCopies(1);
            overlay.setShown(true);
            w.get().view().topology().redraw();
            note.set(overlay.pendingNote());
        });
        assertThat(note.get()).isEqualTo("working it out for 3 protection groups…");
        assertThat(w.get().view().topology().layoutNow().distanceCaption).as("its place kept meanwhile").isNotNull();
        // the worker's answer redraws the picture: then the marks are the snapshot's own
        AtomicReference<FailureDistance> d = new AtomicReference<>();
        for (int k = 0; k < 200 && d.get() == null; k++) {
            Thread.sleep(50);
            robot.interact(() -> {
                DistanceOverlay overlay = w.get().view().topology().distance();
                d.set(overlay.pendingNote() == null ? overlay.current() : null);
            });
        }
        assertThat(d.get()).isNotNull();
        assertThat(d.get().caption(null)).startsWith("Distance to failure: 22 single faults stop writes");
    }

    @Test
    void belowTheSizeOfAHugeVolumeTheDistanceIsWorkedOutInTheFrameItself(FxRobot robot) {
        SimulationViewModel vm = ViewModelFixtures.vm("healthy-cluster");
        vm.advanceTo(5 * SECOND);
        DistanceOverlay overlay = new DistanceOverlay(vm);
        AtomicReference<FailureDistance> seen = new AtomicReference<>();
        robot.interact(() -> {
            overlay.setShown(true);
            seen.set(overlay.current());
            assertThat(overlay.pendingNote()).isNull();
        });
        assertThat(seen.get()).isNotNull();
        assertThat(vm.snapshot().volume().protectionGroups().size() * 6).isLessThan(DistanceOverlay.BACKGROUND_FROM_COPIES);
    }
}
