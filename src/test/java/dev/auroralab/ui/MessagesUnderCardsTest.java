package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.ui.topology.Box;
import dev.auroralab.ui.topology.TopologyLayout;
import dev.auroralab.ui.topology.TopologyRenderer;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * On the largest topology (15 replicas, redo to each) the messages in flight are drawn under the instance cards: no
 * redo diamond or path ever covers a replica's name or numbers (they piled up over the titles before).
 */
@ExtendWith(ApplicationExtension.class)
class MessagesUnderCardsTest {

    @Start
    void start(Stage stage) {
        // the toolkit only: this test draws on an off-screen canvas
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.06 && Math.abs(a.getGreen() - b.getGreen()) < 0.06
                && Math.abs(a.getBlue() - b.getBlue()) < 0.06;
    }

    @Test
    void noRedoDotOrPathIsDrawnOverAReplicasCard(FxRobot robot) {
        SimulationViewModel vm = ViewModelFixtures.vm(ViewModelFixtures.largest());
        // a moment with redo batches on the wire to many replicas
        long at = 2_000_000;
        vm.advanceTo(at);
        EngineSnapshot s = vm.snapshot();
        long redo = s.messagesInFlight().stream().map(MessageSnapshot::kind).filter(dev.auroralab.engine.snapshot.MessageKind.REDO::equals).count();
        assertThat(redo).as("redo in flight to draw").isGreaterThan(5);

        TopologyLayout l = TopologyLayout.of(s);
        double w = 1000;
        double h = Math.ceil(l.height);
        AtomicReference<PixelReader> pixels = new AtomicReference<>();
        robot.interact(() -> {
            Canvas c = new Canvas(w, h);
            TopologyRenderer.draw(c.getGraphicsContext2D(), w, h, l.fit(w, h, 1, 0), s, l, Palette.LIGHT, null);
            pixels.set(c.snapshot(null, null).getPixelReader());
        });
        TopologyLayout.Fit fit = l.fit(w, h, 1, 0);
        Color redoColour = Palette.LIGHT.redo();
        int coloured = 0;
        for (var e : l.instances.entrySet()) {
            Box b = e.getValue();
            // inside the card's border: its title and its numbers
            for (double y = b.y() + 5; y < b.bottom() - 5; y += 1) {
                for (double x = b.x() + 5; x < b.right() - 5; x += 1) {
                    Color px = pixels.get().getColor((int) (fit.offsetX() + x * fit.scale()),
                            (int) (fit.offsetY() + y * fit.scale()));
                    if (near(px, redoColour)) {
                        coloured++;
                    }
                }
            }
        }
        assertThat(coloured).as("redo-coloured pixels inside instance cards").isZero();
    }
}
