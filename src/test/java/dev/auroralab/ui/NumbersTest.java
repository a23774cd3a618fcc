package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void groupedPrintsWhatFormatWouldForAnyLong() {
        SplittableRandom r = new SplittableRandom(5);
        long[] fixedCases = {0, 7, -7, 999, 1_000, -1_000, 123_456_789, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : fixedCases) {
            assertThat(Numbers.grouped(v)).isEqualTo(String.format(Locale.ROOT, "%,d", v));
        }
        for (int i = 0; i < 10_000; i++) {
            long v = r.nextLong() >> r.nextInt(64);
            assertThat(Numbers.grouped(v)).isEqualTo(String.format(Locale.ROOT, "%,d", v));
        }
    }

    @Test
    void fixedPrintsWhatFormatWouldAwayFromExactTiesAndMinusZero() {
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 10_000; i++) {
            int decimals = r.nextInt(0, 4);
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(0, 9));
            double scaled = Math.abs(v) * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-3) {
                continue; // a tie: the two round different representations of it (see Numbers.fixed)
            }
            String expected = String.format(Locale.ROOT, "%." + decimals + "f", v);
            // the one deliberate difference: a negative that rounds to zero prints as zero, not "-0.0"
            expected = expected.matches("-0(\\.0*)?") ? expected.substring(1) : expected;
            assertThat(Numbers.fixed(v, decimals)).as("%s to %d decimals", v, decimals).isEqualTo(expected);
        }
    }

    @Test
    void fixedPadsTheDecimalsAndNeverPrintsMinusZero() {
        assertThat(Numbers.fixed(2.9, 1)).isEqualTo("2.9");
        assertThat(Numbers.fixed(0.05, 3)).isEqualTo("0.050");
        assertThat(Numbers.fixed(12, 2)).isEqualTo("12.00");
        assertThat(Numbers.fixed(-0.0001, 1)).isEqualTo("0.0");
        assertThat(Numbers.fixed(-1.25, 1)).isEqualTo("-1.3");
        assertThat(Numbers.fixed(Double.NaN, 1)).isEqualTo("NaN");
        assertThatThrownBy(() -> Numbers.fixed(1, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trimmedDropsTrailingZerosAndTheDot() {
        assertThat(Numbers.trimmed(2.5, 2)).isEqualTo("2.5");
        assertThat(Numbers.trimmed(3, 2)).isEqualTo("3");
        assertThat(Numbers.trimmed(0.05, 3)).isEqualTo("0.05");
        assertThat(Numbers.trimmed(-0.001, 2)).isEqualTo("0");
    }
}
