package dev.auroralab.ui.charts;

import dev.auroralab.run.MetricSample;
import dev.auroralab.run.MetricSampler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderer's pure helpers and the series' texts, without a JavaFX toolkit. */
class ChartRendererTest {

    private static final long INTERVAL = MetricSampler.INTERVAL_MICROS;

    private static List<MetricSample> samples(int count) {
        List<MetricSample> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(new MetricSample(k * INTERVAL, (k + 1) * INTERVAL, 1_000, 3_000, 2_500, false, false));
        }
        return out;
    }

    @Test
    void theWindowEndsNowButNeverStartsBeforeTimeZero() {
        assertThat(ChartRenderer.windowStartMicros(75_000_000, 60_000_000)).isEqualTo(15_000_000);
        assertThat(ChartRenderer.windowStartMicros(10_000_000, 60_000_000)).isZero();
    }

    @Test
    void mapsSimulatedTimeToXAndBack() {
        long start = 15_000_000;
        long window = 60_000_000;

        assertThat(ChartRenderer.xOf(start, start, window, 40, 600)).isEqualTo(40);
        assertThat(ChartRenderer.xOf(start + window, start, window, 40, 600)).isEqualTo(640);
        assertThat(ChartRenderer.xOf(start + window / 4, start, window, 40, 600)).isEqualTo(190);
        assertThat(ChartRenderer.timeAt(190, start, window, 40, 600)).isEqualTo(start + window / 4);
        assertThat(ChartRenderer.timeAt(ChartRenderer.xOf(47_123_456, start, window, 40, 600), start, window, 40, 600))
                .isCloseTo(47_123_456L, within(1L));
    }

    @Test
    void theScenarioEndIsMarkedOnlyWhenItLiesInTheWindow() {
        long start = 15_000_000;
        long window = 60_000_000;

        assertThat(ChartRenderer.scenarioEndX(45_000_000, start, window, 40, 600)).isEqualTo(340);
        assertThat(ChartRenderer.scenarioEndX(start, start, window, 40, 600)).isEqualTo(40);
        assertThat(ChartRenderer.scenarioEndX(start + window, start, window, 40, 600)).isEqualTo(640);
        assertThat(ChartRenderer.scenarioEndX(start - 1, start, window, 40, 600)).isNaN();
        assertThat(ChartRenderer.scenarioEndX(start + window + 1, start, window, 40, 600)).isNaN();
        assertThat(ChartRenderer.scenarioEndX(ChartRenderer.NO_SCENARIO_END, start, window, 40, 600)).isNaN();
    }

    @Test
    void theLegendHasOneWordingThatFitsTheNarrowestChartAt1280By720() {
        assertThat(ChartRenderer.LEGEND).isEqualTo("shaded: fault \u00b7 hatched: writes blocked");
        // the renderer's generous width estimate at 13 px, against the ~300 px inside a 316 px chart
        assertThat(ChartRenderer.LEGEND.length() * ChartRenderer.BASE_FONT_PX * 0.56).isLessThanOrEqualTo(300);
    }

    @Test
    void findsTheFirstSampleEndingAfterATimeByBinarySearch() {
        List<MetricSample> samples = samples(240);

        assertThat(ChartRenderer.firstEndingAfter(samples, -1)).isZero();
        assertThat(ChartRenderer.firstEndingAfter(samples, 0)).isZero();
        assertThat(ChartRenderer.firstEndingAfter(samples, INTERVAL)).isEqualTo(1);
        assertThat(ChartRenderer.firstEndingAfter(samples, INTERVAL + 1)).isEqualTo(1);
        assertThat(ChartRenderer.firstEndingAfter(samples, 240 * INTERVAL)).isEqualTo(240);
        assertThat(ChartRenderer.firstEndingAfter(List.of(), 5)).isZero();
    }

    @Test
    void theLatestShownSampleIsTheNewestEndingByNowInsideTheWindow() {
        List<MetricSample> samples = samples(240);

        assertThat(ChartRenderer.latestShown(samples, 30_100_000, 60_000_000).endMicros()).isEqualTo(30_000_000);
        assertThat(ChartRenderer.latestShown(samples, 200_000, 60_000_000)).isNull();
        assertThat(ChartRenderer.latestShown(samples, 500_000_000, 60_000_000)).isNull();
    }

    @Test
    void seriesReadTheirValueInTheirUnitAndKeepNaNAsNoValue() {
        MetricSample sample = new MetricSample(0, INTERVAL, 996, 2_876.5, Double.NaN, false, false);

        assertThat(Series.ACK_WRITES_PER_SECOND.valueOf(sample)).isEqualTo(996);
        assertThat(Series.COMMIT_LATENCY_MS.valueOf(sample)).isCloseTo(2.8765, within(1e-12));
        assertThat(Series.REPLICA_LAG_MS.valueOf(sample)).isNaN();
        assertThat(Series.ACK_WRITES_PER_SECOND.title()).isEqualTo("Acknowledged writes/s");
        assertThat(Series.COMMIT_LATENCY_MS.title()).isEqualTo("Commit latency (mean, ms)");
        assertThat(Series.REPLICA_LAG_MS.title()).isEqualTo("Replica lag (max, ms)");
    }

    @Test
    void currentValuesReadAloudWithGroupedThousandsAndFewDecimals() {
        assertThat(Series.ACK_WRITES_PER_SECOND.formatValue(1_002.4)).isEqualTo("1,002 writes/s");
        assertThat(Series.ACK_WRITES_PER_SECOND.formatValue(1_234_567)).isEqualTo("1,234,567 writes/s");
        assertThat(Series.ACK_WRITES_PER_SECOND.formatValue(0)).isEqualTo("0 writes/s");
        assertThat(Series.COMMIT_LATENCY_MS.formatValue(2.8765)).isEqualTo("2.9 ms");
        assertThat(Series.COMMIT_LATENCY_MS.formatValue(3.0)).isEqualTo("3 ms");
        assertThat(Series.REPLICA_LAG_MS.formatValue(0.456)).isEqualTo("0.46 ms");
        assertThat(Series.REPLICA_LAG_MS.formatValue(Double.NaN)).isEqualTo("\u2014 no reader up");
        assertThat(Series.COMMIT_LATENCY_MS.formatValue(Double.NaN)).isEqualTo("\u2014 no acks");
    }

    @Test
    void aNarrowChartShowsTheNumberWithoutItsUnitAndCutsTheTitle() {
        assertThat(Series.ACK_WRITES_PER_SECOND.formatCompactValue(1_002.4)).isEqualTo("1,002");
        assertThat(Series.REPLICA_LAG_MS.formatCompactValue(Double.NaN)).isEqualTo("\u2014");
        assertThat(ChartRenderer.fitted("Acknowledged writes/s", 14, 1_000)).isEqualTo("Acknowledged writes/s");
        String cut = ChartRenderer.fitted("Acknowledged writes/s", 14, 100);
        assertThat(cut).endsWith("\u2026").hasSizeLessThan(13);
        assertThat("Acknowledged writes/s").startsWith(cut.substring(0, cut.length() - 1));
    }

    @Test
    void axisLabelsAreShort() {
        assertThat(ChartText.formatTick(0)).isEqualTo("0");
        assertThat(ChartText.formatTick(2.5)).isEqualTo("2.5");
        assertThat(ChartText.formatTick(0.25)).isEqualTo("0.25");
        assertThat(ChartText.formatTick(500)).isEqualTo("500");
        assertThat(ChartText.formatTick(2_000)).isEqualTo("2k");
        assertThat(ChartText.formatTick(2_500)).isEqualTo("2.5k");
        assertThat(ChartText.formatTick(5_000_000)).isEqualTo("5M");
        assertThat(ChartText.formatTick(niceHalf(0.1))).isEqualTo("0.05");
    }

    @Test
    void theXAxisSaysSimulatedSeconds() {
        assertThat(ChartText.formatSeconds(45_000_000, 60_000_000)).isEqualTo("t=45s");
        assertThat(ChartText.formatSeconds(105_400_000, 60_000_000)).isEqualTo("t=105s");
        assertThat(ChartText.formatSeconds(0, 60_000_000)).isEqualTo("t=0s");
        // a short window keeps a tenth, or both edges could read alike
        assertThat(ChartText.formatSeconds(4_250_000, 5_000_000)).isEqualTo("t=4.3s");
    }

    private static double niceHalf(double max) {
        return ValueAxis.niceMax(max) / 2;
    }
}
