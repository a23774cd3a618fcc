package dev.auroralab.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimRandomTest {

    @Test
    void drawsTheSameBoundedIntsAsSplittableRandomForEverySeedAndBound() {
        int[] bounds = {1, 2, 3, 5, 7, 64, 100, 4096, 1_000_003, Integer.MAX_VALUE};
        for (long seed = -50; seed < 200; seed++) {
            long s = seed * 0x9E3779B97F4A7C15L;
            SplittableRandom reference = new SplittableRandom(s);
            SimRandom ours = new SimRandom(s);
            for (int i = 0; i < 400; i++) {
                int bound = bounds[i % bounds.length];
                assertThat(ours.nextInt(bound)).as("seed %d draw %d bound %d", s, i, bound)
                        .isEqualTo(reference.nextInt(bound));
            }
        }
    }

    @Test
    void aCopyContinuesWithTheSameDrawsAndLeavesTheOriginalAlone() {
        SimRandom a = new SimRandom(42);
        a.nextInt(10);
        SimRandom b = a.copy();
        int[] fromCopy = new int[50];
        for (int i = 0; i < 50; i++) {
            fromCopy[i] = b.nextInt(1000);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(a.nextInt(1000)).isEqualTo(fromCopy[i]);
        }
    }
}
