package dev.auroralab.ui;

/**
 * The simulation speeds a presenter steps through with + and -: 1-2-5 steps from 1/100x to 100x, and the
 * logarithmic mapping the speed slider uses, so each notch of the slider multiplies the speed by the same factor.
 */
public final class SpeedLadder {

    private static final double[] STEPS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100};

    private SpeedLadder() {
    }

    public static double next(double speed) {
        for (double s : STEPS) {
            if (s > speed * 1.0001) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    public static double previous(double speed) {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < speed * 0.9999) {
                return STEPS[i];
            }
        }
        return STEPS[0];
    }

    /** Slider position (log10 of the speed, -2..2) to speed. */
    public static double fromSlider(double position) {
        return Math.pow(10, position);
    }

    public static double toSlider(double speed) {
        return Math.log10(speed);
    }

    /** "1x", "0.05x", "1/100x" style label: fractions below 1 read as 1/n when n is whole. */
    public static String label(double speed) {
        if (speed >= 1) {
            return (speed == Math.rint(speed) ? String.valueOf((long) speed) : Numbers.fixed(speed, 1)) + "×";
        }
        double inverse = 1 / speed;
        if (Math.abs(inverse - Math.rint(inverse)) < 0.01) {
            return "1/" + (long) Math.rint(inverse) + "×";
        }
        return Numbers.fixed(speed, 2) + "×";
    }
}
