package dev.auroralab.run;

/**
 * One fixed interval of simulated time, {@code [startMicros, endMicros)}, as the three charts plot it. Made by
 * {@link MetricSampler}; plain data so that samples compare, print and test without a toolkit.
 *
 * <p>A value that does not exist is {@link Double#NaN}, never 0: "no write was acknowledged, so there is no mean
 * latency" and "no reader is up, so there is no lag" are facts a chart must show as a gap, while a 0 would claim a
 * perfect measurement. Records compare doubles with {@link Double#compare}, so two NaN samples are still equal (the
 * determinism tests rely on it). {@link #hasCommitLatency()} and {@link #hasReplicaLag()} say it in words.
 *
 * @param startMicros simulated start of the interval, a multiple of {@link MetricSampler#INTERVAL_MICROS}
 * @param endMicros simulated end of the interval (exclusive), {@code startMicros + INTERVAL_MICROS}
 * @param ackWritesPerSecond writes acknowledged in the interval per simulated second; 0 (never NaN) when none
 * @param meanCommitLatencyMicros mean commit latency of the writes acknowledged in the interval; NaN when none were
 * @param maxReplicaLagMicros the largest lag among readers that are up, peak over the interval; NaN when no reader
 *     was up
 * @param writesBlocked whether the volume refused writes (status not WRITABLE) at some point seen in the interval
 * @param faultActive whether some fault or recovery was visible in the interval: an AZ down, an instance not up, a
 *     storage node or copy not up, or a failover in progress; in a Global Database also a region that is out or
 *     resyncing, or any of the above in another region
 */
public record MetricSample(long startMicros, long endMicros, double ackWritesPerSecond,
        double meanCommitLatencyMicros, double maxReplicaLagMicros, boolean writesBlocked, boolean faultActive) {

    /** Whether any write was acknowledged in the interval, so that a mean commit latency exists. */
    public boolean hasCommitLatency() {
        return !Double.isNaN(meanCommitLatencyMicros);
    }

    /** Whether some reader was up in the interval, so that a replica lag exists. */
    public boolean hasReplicaLag() {
        return !Double.isNaN(maxReplicaLagMicros);
    }
}
