package dev.auroralab.ui;

import java.util.Locale;

/**
 * Number texts for what is redrawn every frame: the canvas chips, the charts, the clock.
 *
 * <p>Why not {@code String.format}: each call builds a {@code Formatter}, parses the pattern with a regex and, for
 * every number, a fresh {@code DecimalFormatSymbols}; with about a hundred numbers a frame on the largest topology
 * that was the biggest source of garbage on the FX thread, and garbage means collector pauses in the p99 frame
 * time (bench-render, issue 3). The output is the same on every machine: digits, "," between thousands, "." before
 * decimals, as {@code Locale.ROOT} would print them.
 */
public final class Numbers {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Numbers() {
    }

    /** 1234567 → "1,234,567"; the same text as {@code String.format(Locale.ROOT, "%,d", v)}. */
    public static String grouped(long v) {
        if (v == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%,d", v);
        }
        StringBuilder out = new StringBuilder(27);
        if (v < 0) {
            out.append('-');
            v = -v;
        }
        String digits = Long.toString(v);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /**
     * {@code v} with exactly {@code decimals} decimals (0 to 6), halves rounded away from zero: "3.0", "12.35".
     * Rounds the double as stored (2.675 is really 2.67499…), where {@code %.2f} rounds its shortest decimal text;
     * the two can differ in the last digit on such ties. Not-a-number and huge values fall back to the formatter.
     */
    public static String fixed(double v, int decimals) {
        if (decimals < 0 || decimals >= POWERS.length) {
            throw new IllegalArgumentException("decimals must be 0 to " + (POWERS.length - 1) + ": " + decimals);
        }
        long p = POWERS[decimals];
        double scaled = Math.abs(v) * p;
        if (!(scaled < 1e17)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        long units = Math.round(scaled);
        StringBuilder out = new StringBuilder(24);
        if (v < 0 && units != 0) {
            out.append('-');
        }
        out.append(units / p);
        if (decimals > 0) {
            out.append('.');
            String frac = Long.toString(units % p);
            out.append("000000", 0, decimals - frac.length()).append(frac);
        }
        return out.toString();
    }

    /** {@code v} rounded to at most {@code decimals} decimals, without trailing zeros: "2.5", "3", "0.05". */
    public static String trimmed(double v, int decimals) {
        String s = fixed(v, decimals);
        int dot = s.indexOf('.');
        if (dot >= 0) {
            int end = s.length();
            while (end > dot + 1 && s.charAt(end - 1) == '0') {
                end--;
            }
            if (end == dot + 1) {
                end = dot;
            }
            s = s.substring(0, end);
        }
        return s;
    }
}
