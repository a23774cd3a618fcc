package dev.auroralab.ui;

import javafx.scene.paint.Color;

/**
 * WCAG 2.x contrast arithmetic: relative luminance, the contrast ratio of two colours, and a translucent colour laid
 * over an opaque one. The palettes are judged by these numbers (PaletteContrastTest), and the canvas picks the ink
 * for text on a coloured fill with {@link #inkOn}, so a theme that changes a fill cannot leave its text unreadable.
 *
 * <p>Why sRGB values straight from {@link Color}: JavaFX colours are sRGB with components in 0..1, which is what the
 * WCAG formula takes. The 0.04045 threshold is the sRGB standard's; WCAG 2.x prints 0.03928, and for 8-bit colours
 * the two agree on every value.
 */
public final class Contrast {

    /** Body text: WCAG 2.x level AA. */
    public static final double TEXT_AA = 4.5;
    /** Body text: WCAG 2.x level AAA; what high contrast asks of its text. */
    public static final double TEXT_AAA = 7;
    /** Outlines, icons and other graphics a reader must see (WCAG 2.1, 1.4.11). */
    public static final double GRAPHICS = 3;

    private Contrast() {
    }

    /** Relative luminance, 0 for black to 1 for white; alpha is ignored (lay a translucent colour {@link #over} first). */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** The contrast ratio, 1 (none) to 21 (black on white); the same whichever colour is the text. */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** What the eye sees where {@code top} (maybe translucent) is painted over the opaque {@code bottom}. */
    public static Color over(Color top, Color bottom) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + bottom.getRed() * (1 - a),
                top.getGreen() * a + bottom.getGreen() * (1 - a), top.getBlue() * a + bottom.getBlue() * (1 - a));
    }

    /**
     * Black or white, whichever reads better on {@code fill}: the ink for a word or glyph drawn on a coloured chip or
     * badge. On every fill at least one of the two reaches 4.5:1 (the worse case, a mid grey, still gives 4.58:1).
     */
    public static Color inkOn(Color fill) {
        return ratio(Color.BLACK, fill) >= ratio(Color.WHITE, fill) ? Color.BLACK : Color.WHITE;
    }
}
