package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The + and - ladder, the speed labels and the logarithmic slider. */
class SpeedLadderTest {

    private static final double[] LADDER = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100};

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource({"1, 1×", "0.01, 1/100×", "2, 2×", "100, 100×", "0.5, 1/2×", "0.2, 1/5×", "0.05, 1/20×",
            "0.1, 1/10×", "1.5, 1.5×", "12.34, 12.3×", "0.3, 0.30×", "0.03, 0.03×"})
    void speedsReadAsWholeMultiplesOrAsOneOverN(double speed, String label) {
        assertThat(SpeedLadder.label(speed)).isEqualTo(label);
    }

    @Test
    void everyRungOfTheLadderHasAShortLabel() {
        List<String> labels = new ArrayList<>();
        for (double s : LADDER) {
            labels.add(SpeedLadder.label(s));
        }
        assertThat(labels).containsExactly("1/100×", "1/50×", "1/20×", "1/10×", "1/5×", "1/2×", "1×", "2×", "5×",
                "10×", "20×", "50×", "100×");
    }

    @Test
    void nextAndPreviousWalkTheOneTwoFiveLadderAndStopAtItsEnds() {
        for (int i = 0; i < LADDER.length; i++) {
            assertThat(SpeedLadder.next(LADDER[i])).isEqualTo(LADDER[Math.min(i + 1, LADDER.length - 1)]);
            assertThat(SpeedLadder.previous(LADDER[i])).isEqualTo(LADDER[Math.max(i - 1, 0)]);
        }
        assertThat(SpeedLadder.next(3)).isEqualTo(5);
        assertThat(SpeedLadder.previous(3)).isEqualTo(2);
        assertThat(SpeedLadder.next(1000)).isEqualTo(100);
        assertThat(SpeedLadder.previous(0.001)).isEqualTo(0.01);
    }

    @Test
    void aSpeedThatIsARungUpToRoundingStepsToTheNextRungNotOntoItself() {
        // what the slider gives back for 2x after log10 and pow
        double almostTwo = SpeedLadder.fromSlider(SpeedLadder.toSlider(2));
        assertThat(SpeedLadder.next(almostTwo)).isEqualTo(5);
        assertThat(SpeedLadder.previous(almostTwo)).isEqualTo(1);
        assertThat(SpeedLadder.next(1.9999999)).isEqualTo(5);
        assertThat(SpeedLadder.previous(2.0000001)).isEqualTo(1);
    }

    @Test
    void theSliderIsLog10OfTheSpeedFromMinusTwoToTwo() {
        assertThat(SpeedLadder.toSlider(SimulationViewModel.MIN_SPEED)).isCloseTo(-2, within(1e-12));
        assertThat(SpeedLadder.toSlider(1)).isZero();
        assertThat(SpeedLadder.toSlider(10)).isCloseTo(1, within(1e-12));
        assertThat(SpeedLadder.toSlider(SimulationViewModel.MAX_SPEED)).isCloseTo(2, within(1e-12));
        assertThat(SpeedLadder.fromSlider(-2)).isCloseTo(0.01, within(1e-15));
        assertThat(SpeedLadder.fromSlider(0)).isEqualTo(1);
        assertThat(SpeedLadder.fromSlider(2)).isCloseTo(100, within(1e-12));
        // each notch multiplies the speed by the same factor
        double notch = 0.25;
        for (double p = -2; p < 2; p += notch) {
            assertThat(SpeedLadder.fromSlider(p + notch) / SpeedLadder.fromSlider(p))
                    .isCloseTo(Math.pow(10, notch), within(1e-9));
        }
    }

    @Test
    void sliderPositionAndSpeedRoundTrip() {
        for (double s : LADDER) {
            assertThat(SpeedLadder.fromSlider(SpeedLadder.toSlider(s))).isCloseTo(s, within(s * 1e-12));
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 1_000; i++) {
            double p = r.nextDouble(-2, 2);
            assertThat(SpeedLadder.toSlider(SpeedLadder.fromSlider(p))).isCloseTo(p, within(1e-12));
        }
    }
}
