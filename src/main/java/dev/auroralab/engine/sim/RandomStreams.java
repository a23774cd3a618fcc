package dev.auroralab.engine.sim;

/**
 * One root seed split into an independent stream per subsystem, as TigerBeetle's VOPR does: adding a random draw in
 * one subsystem (say, latency jitter) does not shift the draws of another (say, the failover tie-break), so a change
 * in one place does not reshuffle every scenario's run. Every stream's state is a value: {@link #copy()} forks them.
 */
public final class RandomStreams {

    public final SimRandom latency;
    public final SimRandom workload;
    public final SimRandom faults;
    public final SimRandom tieBreaks;

    public RandomStreams(long rootSeed) {
        this(stream(rootSeed, "latency"), stream(rootSeed, "workload"), stream(rootSeed, "faults"),
                stream(rootSeed, "tie-breaks"));
    }

    private RandomStreams(SimRandom latency, SimRandom workload, SimRandom faults, SimRandom tieBreaks) {
        this.latency = latency;
        this.workload = workload;
        this.faults = faults;
        this.tieBreaks = tieBreaks;
    }

    /** Independent streams at the same points. */
    public RandomStreams copy() {
        return new RandomStreams(latency.copy(), workload.copy(), faults.copy(), tieBreaks.copy());
    }

    private static SimRandom stream(long rootSeed, String subsystem) {
        // String.hashCode is specified by the JLS, so the derived seeds are stable across JVMs.
        return new SimRandom(mix64(rootSeed * 0x9E3779B97F4A7C15L + subsystem.hashCode()));
    }

    /** Stafford variant 13 of the SplitMix64 finaliser: spreads nearby seeds far apart. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
