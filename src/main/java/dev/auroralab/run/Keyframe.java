package dev.auroralab.run;

import dev.auroralab.engine.AuroraEngine;

/**
 * A copy of the whole run at one sample edge, to replay from: the engine (never advanced: a seek copies it again),
 * the charts' sampler, and where the run stood in its log. Taken as the run leaves the edge, so everything at that
 * instant (events, then commands) is in it.
 *
 * @param atMicros the sample edge, a multiple of {@link MetricSampler#INTERVAL_MICROS}
 * @param applied how many entries of the branch's log were applied
 * @param nextEdgeMicros the next sample edge the run will stop at
 * @param eventCount how many events the engine's log held
 * @param bytes about what it takes in memory on its own ({@link AuroraEngine#footprintBytes()}); the blocks of old
 *     boxcars it shares with other keyframes are counted once by {@link Run#keyframeBytes()}
 */
record Keyframe(long atMicros, AuroraEngine engine, MetricSampler sampler, int applied, long nextEdgeMicros,
        int eventCount, long firedCount, long bytes) {
}
