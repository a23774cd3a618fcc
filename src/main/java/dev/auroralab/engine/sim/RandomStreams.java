package dev.auroralab.engine.sim;

import java.util.SplittableRandom;

/**
 * One root seed split into an independent stream per subsystem, as TigerBeetle's VOPR does: adding a random draw in
 * one subsystem (say, latency jitter) does not shift the draws of another (say, the failover tie-break), so a change
 * in one place does not reshuffle every scenario's run.
 */
public final class RandomStreams {

    public final SplittableRandom latency;
    public final SplittableRandom workload;
    public final SplittableRandom faults;
    public final SplittableRandom tieBreaks;

    public RandomStreams(long rootSeed) {
        this.latency = stream(rootSeed, "latency");
        this.workload = stream(rootSeed, "workload");
        this.faults = stream(rootSeed, "faults");
        this.tieBreaks = stream(rootSeed, "tie-breaks");
    }

    private static SplittableRandom stream(long rootSeed, String subsystem) {
        // String.hashCode is specified by the JLS, so the derived seeds are stable across JVMs.
        return new SplittableRandom(mix64(rootSeed * 0x9E3779B97F4A7C15L + subsystem.hashCode()));
    }

    /** Stafford variant 13 of the SplitMix64 finaliser: spreads nearby seeds far apart. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
