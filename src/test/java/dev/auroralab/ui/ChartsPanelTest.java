package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auroralab.run.Run;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.ui.charts.ChartRenderer;
import dev.auroralab.ui.charts.ChartsView;
import dev.auroralab.ui.charts.HeadlineStrip;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel the window wires: one feed, two ways to show it (the charts or the headline strip). */
@ExtendWith(ApplicationExtension.class)
class ChartsPanelTest {

    private ChartsPanel panel;

    @Start
    void start(Stage stage) {
        panel = new ChartsPanel();
        stage.setScene(new Scene(new VBox(panel.headline(), panel.node()), 1280, 260));
        stage.show();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private HeadlineStrip strip() {
        return (HeadlineStrip) panel.headline();
    }

    private ChartsView charts() {
        return (ChartsView) panel.node();
    }

    @Test
    void theFeedReachesTheHeadlineStripAsItReachesTheCharts() throws Exception {
        Scenario scenario = ViewModelFixtures.builtIn("healthy-cluster");
        Run run = new Run(scenario);
        String text = onFx(() -> {
            run.playTo(0);
            panel.show(run.samplesUpToNow(), run.snapshot());
            for (long t = 16_000; t < 3_100_000; t += 16_000) {
                run.playTo(t);
                panel.show(run.samplesUpToNow(), run.snapshot());
            }
            return strip().text();
        });

        assertThat(text).matches("Acknowledged writes/s [0-9,]+ \u00b7 Commit latency [0-9.]+ ms"
                + " \u00b7 Replica lag [0-9.]+ ms");
        assertThat(run.samplesUpToNow()).hasSize(12);
    }

    @Test
    void presenterModeEnlargesTheChartsAndTheStrip() throws Exception {
        double[] on = onFx(() -> {
            panel.setPresenter(true);
            return new double[] {charts().getFontScale(), strip().getFontScale()};
        });
        double[] off = onFx(() -> {
            panel.setPresenter(false);
            return new double[] {charts().getFontScale(), strip().getFontScale()};
        });

        assertThat(on).containsExactly(1.5, 1.4);
        assertThat(off).containsExactly(1.0, 1.0);
    }

    @Test
    void theScenarioEndAndTheExpandHintReachTheirViews() throws Exception {
        onFx(() -> {
            panel.setScenarioEndMicros(90_000_000);
            panel.setExpandHint(String.format(ChartsPanel.EXPAND_HINT, "Ctrl+J"));
            return null;
        });

        assertThat(onFx(() -> charts().getScenarioEndMicros())).isEqualTo(90_000_000);
        assertThat(onFx(() -> strip().getScenarioEndMicros())).isEqualTo(90_000_000);
        assertThat(onFx(() -> strip().tooltipText()))
                .isEqualTo("Charts collapsed: press Ctrl+J to show them\n" + ChartRenderer.LEGEND);
    }
}
