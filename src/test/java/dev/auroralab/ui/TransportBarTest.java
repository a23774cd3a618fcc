package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The transport bar fits its window whatever the clock says: when the clock's text grows ("▸ past end") on a window
 * that had just enough room for the labelled buttons, the buttons give up their labels rather than push the presenter
 * button off the right edge; when it shrinks again, the labels come back.
 */
@ExtendWith(ApplicationExtension.class)
class TransportBarTest {

    private Label clock;
    private TransportBar bar;
    private Pane holder;

    @Start
    void start(Stage stage) {
        clock = new Label("t = 0:12.000   seed 1");
        List<Button> transport = List.of(new Button("Play"), new Button("Step"), new Button("Next event"),
                new Button("Restart"));
        for (Button b : transport) {
            b.setGraphic(new Label("▶"));
        }
        ComboBox<String> picker = new ComboBox<>();
        picker.getItems().add("healthy-cluster");
        picker.setValue("healthy-cluster");
        Button open = new Button("O");
        Button present = new Button("P");
        bar = new TransportBar(transport, new Slider(), new Label("1×"), picker, List.of(open), clock,
                List.of(present), List.of(open));
        bar.setManaged(false); // sized by the test alone, as the window's VBox would, not by the pane's pref size
        holder = new Pane(bar);
        stage.setScene(new Scene(holder, 1200, 60));
        stage.show();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    /** Lays the bar out at {@code width} as its window would. */
    private void layOut(double width) throws Exception {
        onFx(() -> {
            for (int i = 0; i < 2; i++) {
                bar.resize(width, 48);
                bar.applyCss();
                bar.layout();
            }
            return null;
        });
    }

    /** The width the row needs with its labels, its picker and slider at their least: measured, not assumed. */
    private double labelledMinWidth() throws Exception {
        return onFx(() -> {
            double w = bar.getInsets().getLeft() + bar.getInsets().getRight();
            int shown = 0;
            for (Node n : bar.getChildren()) {
                if (n.isManaged()) {
                    w += n.minWidth(-1);
                    shown++;
                }
            }
            return w + (shown - 1) * bar.getSpacing();
        });
    }

    private double rightmostEdge() throws Exception {
        return onFx(() -> bar.getChildren().stream().filter(Node::isManaged)
                .mapToDouble(n -> n.getBoundsInParent().getMaxX()).max().orElseThrow());
    }

    @Test
    void aClockThatGrowsOnAWindowJustWideEnoughTakesTheLabelsAwayAndAShorterOneGivesThemBack() throws Exception {
        layOut(3000);
        assertThat(bar.isIconsOnly()).as("room to spare").isFalse();
        double justEnough = Math.ceil(labelledMinWidth()) + 10;
        layOut(justEnough);
        assertThat(bar.isIconsOnly()).as("labels fit at %s px", justEnough).isFalse();

        onFx(() -> {
            clock.setText("t = 2:05.000   seed 1   ▸ past end");
            return null;
        });
        layOut(justEnough);
        assertThat(bar.isIconsOnly()).as("the longer clock leaves no room for labels").isTrue();
        assertThat(rightmostEdge()).as("the last button inside the window").isLessThanOrEqualTo(justEnough);

        onFx(() -> {
            clock.setText("t = 0:00.000   seed 1");
            return null;
        });
        layOut(justEnough);
        assertThat(bar.isIconsOnly()).as("back after a restart").isFalse();
        assertThat(rightmostEdge()).isLessThanOrEqualTo(justEnough);
    }
}
