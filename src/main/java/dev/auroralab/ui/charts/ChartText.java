package dev.auroralab.ui.charts;

import dev.auroralab.ui.Numbers;

/**
 * Number and time texts of the charts. Hand-written rather than a locale formatter because they run every frame for
 * three charts, and because the charts should print the same digits on every machine (screenshots in lesson notes).
 */
final class ChartText {

    private ChartText() {
    }

    /** A current value, read aloud easily: thousands grouped with commas, one decimal below 100, two below 1. */
    static String formatNumber(double value) {
        double a = Math.abs(value);
        if (a < 1) {
            return Numbers.trimmed(value, 2);
        }
        if (a < 100) {
            return Numbers.trimmed(value, 1);
        }
        return Numbers.grouped(Math.round(value));
    }

    /** A y-axis label: short, since the axis is narrow ("0", "2.5", "500", "2k", "1.5M"). */
    static String formatTick(double value) {
        double a = Math.abs(value);
        if (a >= 1_000_000) {
            return Numbers.trimmed(value / 1_000_000, 2) + "M";
        }
        if (a >= 1_000) {
            return Numbers.trimmed(value / 1_000, 2) + "k";
        }
        return Numbers.trimmed(value, 3);
    }

    /**
     * A simulated time on the x axis, "t=45s"; with a tenth of a second when the window is shorter than 10 s, where
     * whole seconds would label both edges alike.
     */
    static String formatSeconds(long micros, long windowMicros) {
        if (windowMicros < 10_000_000L) {
            return "t=" + Numbers.trimmed(micros / 1e6, 1) + "s";
        }
        return "t=" + Math.round(micros / 1e6) + "s";
    }
}
