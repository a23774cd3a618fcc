package dev.auroralab.ui.charts;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Measures text in one font by adding up per-character advances, each measured once.
 *
 * <p>Why not measure each string with a {@link Text} node: that builds a text layout, glyph runs and bounds for
 * every call, garbage on every update of the headline strip (decision 0009). A canvas has no measuring call. The
 * strip's texts are digits, a few words and a handful of symbols, so a table of ASCII advances filled when the font
 * is set, plus the few other characters met, measures them without allocating. JavaFX lays simple Latin text out
 * without kerning, so the sum is the drawn width (a test holds it to within a pixel of a {@code Text}'s own).
 *
 * <p>Use it on the JavaFX application thread, one per font.
 */
final class TextMeter {

    private static final int OTHER_CAPACITY = 32;

    private final Text probe = new Text();
    private final double[] ascii = new double[128];
    private final char[] otherChars = new char[OTHER_CAPACITY];
    private final double[] otherWidths = new double[OTHER_CAPACITY];
    private int otherCount;

    TextMeter(Font font) {
        probe.setFont(font);
        for (char c = ' '; c < 127; c++) {
            ascii[c] = measured(c);
        }
    }

    /** The width of {@code text} as drawn in this meter's font. */
    double width(String text) {
        double sum = 0;
        for (int i = 0; i < text.length(); i++) {
            sum += advance(text.charAt(i));
        }
        return sum;
    }

    private double advance(char c) {
        if (c < ascii.length) {
            return ascii[c];
        }
        for (int k = 0; k < otherCount; k++) {
            if (otherChars[k] == c) {
                return otherWidths[k];
            }
        }
        double w = measured(c);
        // a table this size holds every symbol the strip uses; beyond it a character is measured each time
        if (otherCount < OTHER_CAPACITY) {
            otherChars[otherCount] = c;
            otherWidths[otherCount] = w;
            otherCount++;
        }
        return w;
    }

    private double measured(char c) {
        probe.setText(String.valueOf(c));
        return probe.getLayoutBounds().getWidth();
    }
}
