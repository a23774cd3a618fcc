package dev.auroralab.engine.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A bounded draw needs a positive bound, as SplittableRandom's does (SimRandomTest checks the draws themselves). */
class SimRandomBoundTest {

    @Test
    void aBoundOfZeroOrLessIsRefused() {
        SimRandom r = new SimRandom(7);
        assertThatThrownBy(() -> r.nextInt(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound must be positive: 0");
        assertThatThrownBy(() -> r.nextInt(-3)).isInstanceOf(IllegalArgumentException.class);
    }
}
