package dev.auroralab.engine.sim;

/**
 * A seeded random stream whose whole state is one field, so a copy of the engine carries on with the same draws.
 *
 * <p>It is SplitMix64 with the golden gamma, the generator behind {@link java.util.SplittableRandom}, and
 * {@link #nextInt(int)} uses the same bounded draw, so for a given seed it yields exactly the numbers
 * {@code new SplittableRandom(seed).nextInt(bound)} yields (SimRandomTest checks this): runs recorded before the
 * engine became copyable replay unchanged. SplittableRandom itself cannot be copied without advancing it.
 */
public final class SimRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long seed;

    public SimRandom(long seed) {
        this.seed = seed;
    }

    /** An independent stream at the same point: both give the same draws from here on. */
    public SimRandom copy() {
        return new SimRandom(seed);
    }

    /** A uniform int in [0, bound). {@code bound} must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // reject the over-represented top of the range
        }
        return r;
    }

    public int nextInt() {
        return mix32(seed += GOLDEN_GAMMA);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
