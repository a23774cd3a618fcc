package dev.auroralab.ui.charts;

import dev.auroralab.run.MetricSample;
import dev.auroralab.run.MetricSampler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Where the y axis ends: the levels the line holds, not a short spike. */
class ValueAxisTest {

    private static final long INTERVAL = MetricSampler.INTERVAL_MICROS;
    private static final Series LATENCY = Series.COMMIT_LATENCY_MS;
    private static final Series ACKS = Series.ACK_WRITES_PER_SECOND;

    /** {@code count} back-to-back samples whose commit latency (ms) and writes/s are both {@code value(k)}. */
    private static List<MetricSample> samples(int count, IntToDoubleFunction value) {
        List<MetricSample> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double v = value.applyAsDouble(k);
            out.add(new MetricSample(k * INTERVAL, (k + 1) * INTERVAL, v, v * 1_000, 2_500, false, false));
        }
        return out;
    }

    private static double top(List<MetricSample> samples, Series series) {
        return ValueAxis.top(samples, 0, samples.size(), series);
    }

    @Test
    void aShortSpikeLeavesTheAxisNearTheNormalLevel() {
        // an AZ+1 stall's end: 3 ms, then one quarter second at 20,004 ms, then 3 ms again
        List<MetricSample> window = samples(240, k -> k == 120 ? 20_004 : 3);

        assertThat(top(window, LATENCY)).isEqualTo(5);
        assertThat(ChartRenderer.peakText(LATENCY, 20_004)).isEqualTo("peak 20,004 ms");
    }

    @Test
    void aSpikeShorterThanTwoSecondsIsClippedAndOneOfTwoSecondsIsALevel() {
        List<MetricSample> shortSpike = samples(240, k -> k >= 100 && k < 107 ? 40 : 3);
        List<MetricSample> heldRise = samples(240, k -> k >= 100 && k < 108 ? 40 : 3);

        assertThat(top(shortSpike, LATENCY)).isEqualTo(5);
        assertThat(top(heldRise, LATENCY)).isEqualTo(50);
    }

    @Test
    void aSustainedRiseTakesTheAxisUp() {
        // a write burst: 1,000 writes/s for 40 s, then 100,000 for 20 s
        List<MetricSample> window = samples(240, k -> k < 160 ? 1_000 : 100_000);

        assertThat(top(window, ACKS)).isEqualTo(100_000);
        assertThat(ValueAxis.heldLevel(window, 0, window.size(), ACKS)).isEqualTo(100_000);
    }

    @Test
    void modestPeaksAndNoiseAreCoveredRatherThanClipped() {
        // lag between 2.6 and 4.2 ms: the peak is under four times the held level, so the axis covers it
        List<MetricSample> window = samples(240, k -> k % 40 == 7 ? 4.2 : 2.6 + (k % 5) * 0.1);

        assertThat(top(window, LATENCY)).isEqualTo(5);
        assertThat(top(samples(240, k -> k % 40 == 7 ? 11 : 3), LATENCY)).isEqualTo(20);
    }

    @Test
    void aWindowHoldingOnlyTheSpikeShowsItInFull() {
        // during a stall the latency has no value and writes/s are 0: the spike is all there is
        List<MetricSample> stall = samples(240, k -> k == 230 ? 9_881 : Double.NaN);
        List<MetricSample> noWrites = samples(240, k -> k == 230 ? 80_997 : 0);

        assertThat(top(stall, LATENCY)).isEqualTo(10_000);
        assertThat(ValueAxis.heldLevel(stall, 0, stall.size(), LATENCY)).isNaN();
        assertThat(top(noWrites, ACKS)).isEqualTo(100_000);
    }

    @Test
    void aMissingValueEndsARunSoNoLevelIsHeldAcrossAGap() {
        // 40 ms for 1.5 s, a gap, 40 ms for 1.5 s: never two seconds in a row
        List<MetricSample> window = samples(240, k -> k >= 100 && k < 106 || k >= 107 && k < 113 ? 40
                : k == 106 ? Double.NaN : 3);

        assertThat(top(window, LATENCY)).isEqualTo(5);
    }

    @Test
    void nothingOutsideTheGivenWindowAffectsTheAxis() {
        // 40 ms held for 10 s before the window and after it, 3 and 4 ms inside: only samples [40, 200) are shown
        List<MetricSample> all = samples(240, k -> k < 40 || k >= 200 ? 40 : k >= 190 ? 4 : 3);

        assertThat(ValueAxis.top(all, 40, 200, LATENCY)).isEqualTo(5);
        assertThat(ValueAxis.heldLevel(all, 40, 200, LATENCY)).isEqualTo(4);
        assertThat(top(all, LATENCY)).isEqualTo(50);
    }

    @Test
    void aHoleInTimeEndsARun() {
        List<MetricSample> window = new ArrayList<>(samples(4, k -> 40));
        // the next four start 10 s later (a new baseline): eight samples, but no two seconds back to back
        for (int k = 0; k < 4; k++) {
            long start = (44 + k) * INTERVAL;
            window.add(new MetricSample(start, start + INTERVAL, 40, 40_000, 2_500, false, false));
        }

        assertThat(ValueAxis.heldLevel(window, 0, window.size(), LATENCY)).isNaN();
        assertThat(ValueAxis.heldLevel(samples(8, k -> 40), 0, 8, LATENCY)).isEqualTo(40);
    }

    @Test
    void theHeldLevelIsTheLargestMinimumOverAnyTwoSecondRun() {
        // brute force over every run of 8 samples, on seeded noisy windows with spikes and gaps
        for (long seed = 1; seed <= 200; seed++) {
            java.util.Random random = new java.util.Random(seed);
            List<MetricSample> window = samples(120, k -> random.nextInt(20) == 0 ? Double.NaN
                    : random.nextInt(30) == 0 ? 1_000 * random.nextDouble() : 3 + random.nextDouble());
            double expected = Double.NaN;
            for (int i = 0; i + 8 <= window.size(); i++) {
                double min = Double.POSITIVE_INFINITY;
                for (int j = i; j < i + 8; j++) {
                    min = Math.min(min, LATENCY.valueOf(window.get(j)));
                }
                if (!Double.isNaN(min) && !(min <= expected)) {
                    expected = min;
                }
            }
            double held = ValueAxis.heldLevel(window, 0, window.size(), LATENCY);
            assertThat(held).as("reproduce with seed=%d", seed).isEqualTo(expected);
        }
    }

    @Test
    void niceAxisMaximumIsTheNextOneTwoOrFiveStep() {
        assertThat(ValueAxis.niceMax(1_000)).isEqualTo(1_000);
        assertThat(ValueAxis.niceMax(1_030)).isEqualTo(2_000);
        assertThat(ValueAxis.niceMax(2_600)).isEqualTo(5_000);
        assertThat(ValueAxis.niceMax(5_000.1)).isEqualTo(10_000);
        assertThat(ValueAxis.niceMax(2.9)).isEqualTo(5);
        assertThat(ValueAxis.niceMax(0.3)).isCloseTo(0.5, within(1e-12));
        assertThat(ValueAxis.niceMax(0.07)).isCloseTo(0.1, within(1e-12));
        assertThat(ValueAxis.niceMax(1)).isEqualTo(1);
        assertThat(ValueAxis.niceMax(1e-3)).isCloseTo(1e-3, within(1e-15));
    }

    @Test
    void niceAxisMaximumIsOneWhenThereIsNothingPositiveToShow() {
        assertThat(ValueAxis.niceMax(0)).isEqualTo(1);
        assertThat(ValueAxis.niceMax(-5)).isEqualTo(1);
        assertThat(ValueAxis.niceMax(Double.NaN)).isEqualTo(1);
        assertThat(ValueAxis.niceMax(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(top(samples(10, k -> Double.NaN), LATENCY)).isEqualTo(1);
    }
}
