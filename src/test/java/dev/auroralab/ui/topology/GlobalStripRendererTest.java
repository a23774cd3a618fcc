package dev.auroralab.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.GlobalSnapshot;
import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.ui.GlobalFixtures;
import dev.auroralab.ui.GlobalFixtures.R;
import dev.auroralab.ui.Palette;
import dev.auroralab.ui.PngExport;
import dev.auroralab.ui.Selection;
import dev.auroralab.ui.SimulationViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The strip drawn on a real (headless) canvas: every role in both themes, the primary's thick border in the writer's
 * colour, the hatch of a region that is out. It also leaves target/global-strip-*.png to look at.
 */
@ExtendWith(ApplicationExtension.class)
class GlobalStripRendererTest {

    private static final double W = 1200;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 100, 100));
        stage.show();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }

    private static EngineSnapshot base() throws Exception {
        SimulationViewModel vm = new SimulationViewModel(BuiltInScenarios.load("healthy-cluster"), () -> 0L,
                dev.auroralab.ui.MetricsFeed.NONE);
        vm.advanceTo(2_000_000);
        return vm.snapshot();
    }

    private static EngineSnapshot everyRole(EngineSnapshot base) {
        return GlobalFixtures.global(base, new GlobalSnapshot(20, true, true, List.of("us-east-1", "eu-west-1")),
                List.of(R.of("us-east-1", "primary"), R.of("eu-west-1", "detached"),
                        new R("ap-southeast-2", "secondary", false, 21_500_000, "session"), R.of("sa-east-1", "down")));
    }

    private static Canvas draw(EngineSnapshot s, Palette p, String file) throws Exception {
        return onFx(() -> {
            GlobalStripLayout l = GlobalStripLayout.of(s);
            Canvas c = new Canvas(W, Math.ceil(l.height));
            GlobalStripRenderer.draw(c.getGraphicsContext2D(), c.getWidth(), c.getHeight(), l.fit(W, 1.3), s, l, p,
                    "ap-southeast-2", Selection.region("ap-southeast-2"));
            Path dir = Path.of("target");
            if (Files.isDirectory(dir)) {
                PngExport.write(c, dir.resolve(file));
            }
            return c;
        });
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.1 && Math.abs(a.getGreen() - b.getGreen()) < 0.1
                && Math.abs(a.getBlue() - b.getBlue()) < 0.1;
    }

    @Test
    void everyRoleIsDrawnInBothThemesWithThePrimarysBorderInTheWritersColour() throws Exception {
        EngineSnapshot s = everyRole(base());
        for (Palette p : List.of(Palette.LIGHT, Palette.DARK)) {
            Canvas c = draw(s, p, "global-strip-" + p.name() + ".png");
            GlobalStripLayout l = GlobalStripLayout.of(s);
            PixelReader px = onFx(() -> c.snapshot(null, null).getPixelReader());
            Box primary = l.cards.get("us-east-1");
            // the middle of the primary's left border (4.5 units thick)
            Color border = px.getColor((int) Math.round(primary.x()), (int) Math.round(primary.cy()));
            assertThat(near(border, p.writer())).as("primary border in %s: %s", p.name(), border).isTrue();
        }
    }

    @Test
    void aRegionThatIsOutIsHatched() throws Exception {
        EngineSnapshot s = everyRole(base());
        Canvas c = draw(s, Palette.LIGHT, "global-strip-down.png");
        Box down = GlobalStripLayout.of(s).cards.get("sa-east-1");
        PixelReader px = onFx(() -> c.snapshot(null, null).getPixelReader());
        int hatched = 0;
        // along a row of the card's lower right part, where no text is drawn, the hatch lines cross
        int y = (int) (down.bottom() - 4);
        for (int x = (int) down.x() + 4; x < down.right() - 4; x++) {
            Color col = px.getColor(x, y);
            if (col.getRed() > col.getBlue() + 0.15) {
                hatched++;
            }
        }
        assertThat(hatched).isGreaterThan(5);
    }
}
