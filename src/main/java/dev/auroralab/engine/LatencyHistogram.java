package dev.auroralab.engine;

/**
 * A log-linear histogram of microsecond latencies (about 3 % relative precision) for commit latency p50/p99/max,
 * cheap enough to record every one of millions of commits.
 */
public final class LatencyHistogram {

    private static final int SUB_BUCKETS = 64;
    private static final int MAGNITUDES = 40;
    private final long[] counts;
    private long total;
    private long max;
    private long sumMicros;

    public LatencyHistogram() {
        this.counts = new long[SUB_BUCKETS * MAGNITUDES];
    }

    private LatencyHistogram(LatencyHistogram from) {
        this.counts = from.counts.clone();
        this.total = from.total;
        this.max = from.max;
        this.sumMicros = from.sumMicros;
    }

    /** An independent copy: recording into one leaves the other as it was. */
    public LatencyHistogram copy() {
        return new LatencyHistogram(this);
    }

    public void record(long micros) {
        long v = Math.max(0, micros);
        counts[bucketOf(v)]++;
        total++;
        sumMicros += v;
        if (v > max) {
            max = v;
        }
    }

    public long count() {
        return total;
    }

    /** Sum of every recorded latency: a chart takes the difference of two readings to plot the mean per interval. */
    public long sumMicros() {
        return sumMicros;
    }

    public long maxMicros() {
        return max;
    }

    /** The value at {@code percentile} (0-100), as the upper edge of its bucket but never above the max seen. */
    public long percentileMicros(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        rank = Math.max(1, Math.min(total, rank));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, upperEdge(i));
            }
        }
        return max;
    }

    private static int bucketOf(long v) {
        if (v < SUB_BUCKETS) {
            return (int) v;
        }
        // shift so the top six bits remain: v >>> magnitude lies in [32, 63]
        int magnitude = 63 - Long.numberOfLeadingZeros(v) - 5;
        return Math.min(SUB_BUCKETS * MAGNITUDES - 1, magnitude * SUB_BUCKETS + (int) (v >>> magnitude));
    }

    private static long upperEdge(int bucket) {
        int magnitude = bucket / SUB_BUCKETS;
        long sub = bucket % SUB_BUCKETS;
        if (magnitude == 0) {
            return sub;
        }
        return ((sub + 1) << magnitude) - 1;
    }
}
