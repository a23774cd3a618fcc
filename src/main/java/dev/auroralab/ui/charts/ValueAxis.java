package dev.auroralab.ui.charts;

import dev.auroralab.run.MetricSample;
import java.util.List;

/**
 * Where a chart's y axis ends: high enough for every level the line holds, not for a short spike.
 *
 * <p>The rule, in the words a teacher could say: <em>the axis covers every level the line held for at least
 * {@link #HOLD_MICROS two seconds}; a value more than {@link #SPIKE_RATIO four times} the highest such level is a
 * spike, drawn clipped at the top edge with a ▲ and its peak written out.</em> In steps:
 * <ol>
 *   <li>the held level is the highest value the line stays at or above for two seconds in a row (the largest minimum
 *       over any two-second run of present, back-to-back samples);</li>
 *   <li>when there is no such level (no two-second run in the window, or it is 0) nothing is a spike: the axis
 *       covers the window's maximum, as a plain autoscale would;</li>
 *   <li>otherwise the axis covers the largest value up to four times the held level, rounded up to a 1-2-5 step.</li>
 * </ol>
 *
 * <p>Why this rule. Taking the window's maximum (the old rule) let one interval flatten the rest for the whole
 * minute it stays in view: at the end of an AZ+1 stall, a quarter second acknowledges 20 s of queued writes, whose
 * mean commit latency is about 10,000 ms against 3 ms before and after, and a line of 3 ms on a 10,000 ms axis is a
 * line on the floor. A percentile (cover 95 % of the samples) would also clip that spike, but it treats twelve
 * scattered noisy samples like one three-second event, and it needs a sorted copy of the window in every frame. A
 * held level asks the question the learner asks, "is this a blip or a new level?": a rise that lasts (the replica
 * lag of a write burst, a workload turned up) takes the axis up within two seconds, while a blip of a few samples
 * does not. The ratio keeps ordinary charts as they were: noise and modest peaks (lag 4 ms over a 2.6 ms floor) stay
 * under four times the held level, so the axis still covers everything and nothing is clipped. Step 2 is what makes
 * a window that holds only the spike sensible: during a stall the latency has no value (no acks) and the
 * acknowledged writes are 0, so the spike is all there is, and it is shown in full.
 *
 * <p>Only the samples passed in count, so nothing outside the visible window moves the axis. The cost is a few
 * passes over the window: the held level looks ahead at most two seconds of samples from each one (8 at 250 ms) and
 * stops as soon as a run cannot beat the best so far, so it stays linear in the window's samples and allocates
 * nothing.
 */
public final class ValueAxis {

    /** How long a level must hold to count as the line's level rather than a spike. */
    public static final long HOLD_MICROS = 2_000_000L;
    /** How far above the held level a value must be to count as a spike and be clipped. */
    public static final double SPIKE_RATIO = 4;

    private ValueAxis() {
    }

    /**
     * The top of the y axis for {@code series} over {@code samples[from, to)}: a 1-2-5 step covering every value
     * except spikes (see the class comment); 1 when there is no positive value.
     */
    public static double top(List<MetricSample> samples, int from, int to, Series series) {
        double max = Double.NaN;
        for (int i = from; i < to; i++) {
            double v = series.valueOf(samples.get(i));
            if (!Double.isNaN(v) && !(v <= max)) {
                max = v;
            }
        }
        double held = heldLevel(samples, from, to, series);
        if (!(held > 0)) {
            return niceMax(max);
        }
        double limit = SPIKE_RATIO * held;
        double covered = held;
        for (int i = from; i < to; i++) {
            double v = series.valueOf(samples.get(i));
            if (v > covered && v <= limit) {
                covered = v;
            }
        }
        return niceMax(covered);
    }

    /**
     * The highest value the line stays at or above for {@link #HOLD_MICROS} in a row, over present, back-to-back
     * samples of {@code samples[from, to)}; NaN when no run is that long. A missing value or a hole in time ends a
     * run, because a line broken there holds no level across it.
     */
    public static double heldLevel(List<MetricSample> samples, int from, int to, Series series) {
        double best = Double.NaN;
        for (int i = from; i < to; i++) {
            MetricSample first = samples.get(i);
            double min = series.valueOf(first);
            if (Double.isNaN(min) || min <= best) {
                // a run starting here cannot beat the best so far
                continue;
            }
            long runEnd = first.endMicros();
            for (int j = i + 1; runEnd - first.startMicros() < HOLD_MICROS; j++) {
                if (j >= to) {
                    min = Double.NaN;
                    break;
                }
                MetricSample s = samples.get(j);
                double v = series.valueOf(s);
                if (Double.isNaN(v) || s.startMicros() != runEnd || v <= best) {
                    min = Double.NaN;
                    break;
                }
                min = Math.min(min, v);
                runEnd = s.endMicros();
            }
            if (!Double.isNaN(min)) {
                best = min;
            }
        }
        return best;
    }

    /**
     * The smallest 1-2-5 step (…, 0.5, 1, 2, 5, 10, 20, …) at or above {@code max}, so the top grid line carries a
     * round label and half of it (the middle line) is round too. 1 when there is no positive value to show.
     */
    public static double niceMax(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            return 1;
        }
        double base = Math.pow(10, Math.floor(Math.log10(max)));
        double m = max / base;
        // a hair of tolerance so that 1000 stays 1000 despite log10 rounding
        double step = m <= 1 + 1e-9 ? 1 : m <= 2 + 1e-9 ? 2 : m <= 5 + 1e-9 ? 5 : 10;
        return step * base;
    }
}
