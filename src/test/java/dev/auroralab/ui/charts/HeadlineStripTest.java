package dev.auroralab.ui.charts;

import dev.auroralab.run.MetricSample;
import dev.auroralab.run.MetricSampler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.auroralab.ui.ChartsPanel;
import dev.auroralab.ui.Palette;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The charts collapsed into one line, on a real (headless) JavaFX toolkit. */
@ExtendWith(ApplicationExtension.class)
class HeadlineStripTest {

    private static final long INTERVAL = MetricSampler.INTERVAL_MICROS;
    private static final long MINUTE = 60_000_000L;

    private VBox root;
    private HeadlineStrip strip;

    @Start
    void start(Stage stage) {
        strip = new HeadlineStrip();
        root = new VBox(new Label("above"), strip, new Label("below"));
        stage.setScene(new Scene(root, 1280, 120));
        stage.show();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    /** A minute at 1000 writes/s, 2.9 ms, 2.6 ms lag; faults from 20 s to 40 s, writes blocked and no reader from 30 s. */
    private static List<MetricSample> aMinuteWithAFault() {
        List<MetricSample> out = new ArrayList<>();
        for (int k = 0; k < 240; k++) {
            long start = k * INTERVAL;
            boolean fault = start >= 20_000_000 && start < 40_000_000;
            boolean blocked = start >= 30_000_000 && start < 40_000_000;
            out.add(new MetricSample(start, start + INTERVAL, blocked ? 0 : 1_000, blocked ? Double.NaN : 2_900,
                    blocked ? Double.NaN : 2_600, blocked, fault));
        }
        return out;
    }

    private String textAt(long nowMicros) throws Exception {
        return onFx(() -> {
            strip.update(aMinuteWithAFault(), nowMicros, MINUTE);
            return strip.text();
        });
    }

    @Test
    void theStripReadsTheThreeHeadlineNumbersInTheChartsWords() throws Exception {
        assertThat(textAt(MINUTE))
                .isEqualTo("Acknowledged writes/s 1,000 \u00b7 Commit latency 2.9 ms \u00b7 Replica lag 2.6 ms");
        assertThat(Series.COMMIT_LATENCY_MS.title()).startsWith(Series.COMMIT_LATENCY_MS.headlineTitle());
    }

    @Test
    void eachStateIsSaidInWordsNotOnlyByColour() throws Exception {
        assertThat(textAt(25_000_000)).isEqualTo(
                "Acknowledged writes/s 1,000 \u00b7 Commit latency 2.9 ms \u00b7 Replica lag 2.6 ms \u00b7 fault");
        assertThat(textAt(35_000_000)).isEqualTo("Acknowledged writes/s 0 \u00b7 Commit latency \u2014 no acks"
                + " \u00b7 Replica lag \u2014 no reader up \u00b7 \u2298 writes blocked");
        assertThat(onFx(() -> strip.getAccessibleText())).isEqualTo(strip.text());
    }

    @Test
    void beforeTheFirstSampleEachNumberIsADash() throws Exception {
        assertThat(onFx(() -> {
            strip.update(List.of(), 100_000, MINUTE);
            return strip.text();
        })).isEqualTo("Acknowledged writes/s \u2014 \u00b7 Commit latency \u2014 \u00b7 Replica lag \u2014");
    }

    @Test
    void pastTheScenarioEndTheStripSaysSo() throws Exception {
        onFx(() -> {
            strip.setScenarioEndMicros(45_000_000);
            return null;
        });

        assertThat(textAt(45_000_000)).doesNotContain(HeadlineStrip.PAST_END_TEXT);
        assertThat(textAt(50_000_000)).endsWith(" \u00b7 past the scenario's end");
        onFx(() -> {
            strip.setScenarioEndMicros(ChartRenderer.NO_SCENARIO_END);
            return null;
        });
        assertThat(strip.text()).doesNotContain(HeadlineStrip.PAST_END_TEXT);
    }

    @Test
    void aNewSampleRepaintsWithoutAskingTheSceneForALayoutPass() throws Exception {
        onFx(() -> {
            strip.update(aMinuteWithAFault(), 10_000_000, MINUTE);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        boolean[] needsLayout = onFx(() -> {
            strip.update(aMinuteWithAFault(), 35_000_000, MINUTE);
            return new boolean[] {strip.isNeedsLayout(), root.isNeedsLayout()};
        });

        assertThat(strip.text()).contains("no acks");
        assertThat(needsLayout).containsExactly(false, false);
    }

    @Test
    void aStripOutOfTheSceneDoesNoWorkAndCatchesUpWhenItIsBack() throws Exception {
        String[] texts = onFx(() -> {
            strip.update(aMinuteWithAFault(), 10_000_000, MINUTE);
            root.getChildren().remove(strip);
            strip.update(aMinuteWithAFault(), 35_000_000, MINUTE);
            String hidden = strip.text();
            root.getChildren().add(1, strip);
            return new String[] {hidden, strip.text()};
        });

        assertThat(texts[0]).doesNotContain("writes blocked");
        assertThat(texts[1]).endsWith("\u2298 writes blocked");
    }

    @Test
    void updatesWithinOneSampleDoNothingAndANewSampleMakesLittleGarbage() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MetricSample> samples = aMinuteWithAFault();
        long[] bytes = onFx(() -> {
            long id = Thread.currentThread().getId();
            // warm up both paths
            for (int i = 0; i < 2_000; i++) {
                strip.update(samples, 20_000_000 + (i % 80) * INTERVAL + 1, MINUTE);
            }
            long t0 = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 10_000; i++) {
                strip.update(samples, MINUTE - INTERVAL + 1 + i, MINUTE);
            }
            long t1 = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 1_000; i++) {
                strip.update(samples, 20_000_000 + (i % 80) * INTERVAL + 1, MINUTE);
            }
            long t2 = threads.getThreadAllocatedBytes(id);
            return new long[] {t1 - t0, (t2 - t1) / 1_000};
        });

        System.out.printf("HeadlineStrip.update: %d bytes over 10,000 updates within one sample, %d bytes per new"
                + " sample%n", bytes[0], bytes[1]);
        // nothing per update: even one small object each time would be 160,000 bytes
        assertThat(bytes[0]).isLessThan(16_384);
        // the new strings only: three values and the spoken line, a few hundred bytes; a Text measured per update
        // or a formatter would be several times this
        assertThat(bytes[1]).isLessThan(2_048);
    }

    @Test
    void presenterModeSetsTheTextAbove18PxAndTheStripStaysOneLineHigh() throws Exception {
        double[] base = onFx(() -> new double[] {strip.fontPx(), strip.getHeight()});
        onFx(() -> {
            strip.setFontScale(1.4);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] presenter = onFx(() -> new double[] {strip.fontPx(), strip.getHeight()});

        assertThat(base[0]).isGreaterThanOrEqualTo(14);
        assertThat(presenter[0]).isGreaterThanOrEqualTo(18);
        // one line: the height is under two lines of its text
        assertThat(base[1]).isGreaterThan(base[0]).isLessThan(2 * base[0]);
        assertThat(presenter[1]).isGreaterThan(presenter[0]).isLessThan(2 * presenter[0]);
    }

    @Test
    void theLongestLineFitsTheChartsColumnAt1280AndTheWholeWidthInPresenterMode() throws Exception {
        // writes blocked, no acks and no reader: every text at its longest, with values in the tens of thousands
        List<MetricSample> worst = List.of(new MetricSample(0, INTERVAL, 80_997, Double.NaN, Double.NaN, true, true),
                new MetricSample(INTERVAL, 2 * INTERVAL, 0, Double.NaN, Double.NaN, true, true));
        double[] widths = onFx(() -> {
            strip.update(worst, 2 * INTERVAL, MINUTE);
            double normal = strip.lineWidth();
            strip.setFontScale(1.4);
            return new double[] {normal, strip.lineWidth()};
        });

        // at 1280 × 720 the side panel leaves the charts about 960 px; presenter mode hides it
        assertThat(widths[0]).isLessThan(960);
        assertThat(widths[1]).isLessThan(1_280);
    }

    @Test
    void besideALessonOrPracticeColumnInPresenterModeTheLineIsDrawnSmallerNotCutAtItsState() throws Exception {
        // 1280 x 720 in presenter mode with the practice column: the strip is about 880 px wide
        HeadlineStrip narrow = onFx(HeadlineStrip::new);
        double[] got = onFx(() -> {
            VBox box = new VBox(narrow);
            new Scene(box, 880, 60);
            narrow.setFontScale(1.4);
            box.applyCss();
            box.layout();
            narrow.update(aMinuteWithAFault(), 35_000_000, MINUTE);
            return new double[] {narrow.lineWidth(), narrow.fitScale(880), narrow.fitScale(2_000)};
        });
        assertThat(got[0]).as("the blocked line at presenter size is wider than the strip").isGreaterThan(880);
        assertThat(got[1]).isLessThan(1).isGreaterThanOrEqualTo(HeadlineStrip.MIN_FIT_SCALE);
        assertThat(got[0] * got[1]).as("drawn, it fits").isLessThanOrEqualTo(880);
        assertThat(got[2]).as("with room, full size").isEqualTo(1);
    }

    @Test
    void theTooltipSaysHowToShowTheChartsAndWhatTheMarksMean() throws Exception {
        String before = onFx(strip::tooltipText);
        String after = onFx(() -> {
            strip.setExpandHint(String.format(ChartsPanel.EXPAND_HINT, "C"));
            return strip.tooltipText();
        });

        assertThat(before).isEqualTo("Charts collapsed\nshaded: fault \u00b7 hatched: writes blocked");
        assertThat(after).isEqualTo("Charts collapsed: press C to show them\n" + ChartRenderer.LEGEND);
    }

    @Test
    void theBlockedStateCarriesTheChartsHatchedSwatch() throws Exception {
        // a strip of its own, 1280 wide whatever size the shared test stage was left at
        HeadlineStrip wide = onFx(HeadlineStrip::new);
        PixelReader pixels = onFx(() -> {
            VBox box = new VBox(wide);
            new Scene(box, 1280, 60);
            box.applyCss();
            box.layout();
            wide.update(aMinuteWithAFault(), 35_000_000, MINUTE);
            return wide.canvas().snapshot(null, null).getPixelReader();
        });
        double swatchLeft = onFx(() -> wide.lineWidth() - new TextMeter(Font.font(Font.getDefault().getFamily(),
                FontWeight.BOLD, wide.fontPx())).width(HeadlineStrip.BLOCKED_TEXT) - wide.fontPx() * 1.25);
        int y = (int) (onFx(wide::getHeight) / 2);

        int faultPixels = 0;
        for (int x = (int) swatchLeft - 4; x < swatchLeft + 20; x++) {
            Color c = pixels.getColor(x, y);
            faultPixels += c.getRed() > 0.7 && c.getBlue() < 0.6 && c.getRed() - c.getGreen() > 0.2 ? 1 : 0;
        }
        assertThat(faultPixels).isGreaterThanOrEqualTo(2);
    }

    @Test
    void measuredWidthsMatchTheToolkitsOwnWithinAPixel() throws Exception {
        for (String text : List.of("Acknowledged writes/s", "Commit latency", "1,004", "20,004 ms",
                "\u2014 no reader up", HeadlineStrip.BLOCKED_TEXT, HeadlineStrip.PAST_END_TEXT)) {
            double[] widths = onFx(() -> {
                Font font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 19.6);
                Text node = new Text(text);
                node.setFont(font);
                return new double[] {new TextMeter(font).width(text), node.getLayoutBounds().getWidth()};
            });
            assertThat(widths[0]).as(text).isCloseTo(widths[1], within(1.0));
        }
    }
}
