package dev.auroralab.ui;

import javafx.scene.paint.Color;

/**
 * The colours the canvas and the charts draw with, one set per theme ({@link Theme} names them). State colours come
 * from the Okabe–Ito palette, which stays distinguishable for the common forms of colour blindness; every state also
 * has a shape, a pattern or a word, so no fact is carried by colour alone (docs/decisions/0006). The contrast each
 * colour must reach is written below and checked by PaletteContrastTest.
 *
 * @param background canvas background
 * @param surface boxes (AZ columns, instances, nodes)
 * @param surfaceRaised the selected or hovered box
 * @param border box outlines, at least 3:1 on background and surface
 * @param text body text, contrast at least 4.5:1 on background and surface (7:1 in high contrast)
 * @param mutedText secondary text, still at least 4.5:1
 * @param grid chart grid lines and separators
 * @param faultShade translucent fill for fault periods and down AZs; text on it keeps its contrast
 * @param fault outlines and hatches of what is out, and the alarm words on the global strip: at least 4.5:1 on
 *     background
 * @param ok a fill under black ink, like catchingUp, replacing and destroyed (which takes the background as ink);
 *     {@link Contrast#inkOn} picks the ink for any fill
 */
public record Palette(String name, Color background, Color surface, Color surfaceRaised, Color border, Color text,
        Color mutedText, Color grid, Color faultShade, Color ok, Color fault, Color catchingUp, Color replacing,
        Color destroyed, Color writer, Color boxcar, Color ack, Color redo, Color selection, Color warning) {

    // Okabe & Ito (2008), "Color Universal Design"
    public static final Color OI_ORANGE = Color.web("#E69F00");
    public static final Color OI_SKY_BLUE = Color.web("#56B4E9");
    public static final Color OI_BLUISH_GREEN = Color.web("#009E73");
    public static final Color OI_YELLOW = Color.web("#F0E442");
    public static final Color OI_BLUE = Color.web("#0072B2");
    public static final Color OI_VERMILLION = Color.web("#D55E00");
    public static final Color OI_REDDISH_PURPLE = Color.web("#CC79A7");

    /**
     * Okabe–Ito vermillion at 90 % of its brightness: the alarm words on the global strip are drawn in the fault
     * colour, and the original (3.9:1 on white) falls short of 4.5:1 for text; this one reaches 4.6:1 with the same hue.
     */
    static final Color VERMILLION_ON_WHITE = Color.web("#C05500");

    /**
     * GitHub Primer's greys under Okabe–Ito states. The outlines are a touch darker than Primer's #8c959f, which gives
     * 2.9:1 on the surface; this grey gives 3.1:1.
     */
    public static final Palette LIGHT = new Palette("light", Color.web("#ffffff"), Color.web("#f6f8fa"),
            Color.web("#eaeef2"), Color.web("#858e98"), Color.web("#1f2328"), Color.web("#57606a"),
            Color.web("#d0d7de"), Color.web("#D55E00", 0.12), OI_BLUISH_GREEN, VERMILLION_ON_WHITE, OI_ORANGE,
            OI_SKY_BLUE, Color.web("#24292f"), OI_BLUE, OI_BLUE, OI_BLUISH_GREEN, OI_REDDISH_PURPLE,
            Color.web("#0969da"), OI_ORANGE);

    public static final Palette DARK = new Palette("dark", Color.web("#0d1117"), Color.web("#161b22"),
            Color.web("#21262d"), Color.web("#6e7681"), Color.web("#e6edf3"), Color.web("#9da7b3"),
            Color.web("#30363d"), Color.web("#D55E00", 0.18), OI_BLUISH_GREEN, OI_VERMILLION, OI_ORANGE,
            OI_SKY_BLUE, Color.web("#b1bac4"), OI_SKY_BLUE, OI_SKY_BLUE, OI_BLUISH_GREEN, OI_REDDISH_PURPLE,
            Color.web("#58a6ff"), OI_YELLOW);

    /**
     * High contrast, on black. Why black: the chips carry black ink on light state fills, and light fills stand out
     * from a black page (8.9:1 and more) where on white they would melt into it (a yellow or sky-blue chip on white is
     * under 2:1); bright lines and hatches also survive a washed-out projector better on black, and black is the
     * default of most systems' high-contrast modes. Text is white (21:1), secondary text light grey (12.5:1), outlines
     * mid grey (8.6:1). The states are Okabe–Ito hues made lighter, so black ink on them reaches 7:1 or more, and
     * they stay apart under the common colour-vision deficiencies. Yellow is kept for the selection, like the focus
     * ring of the controls (high-contrast.css); warning shares catching-up's orange, as in the light palette.
     */
    public static final Palette HIGH_CONTRAST = new Palette("high-contrast", Color.web("#000000"),
            Color.web("#141414"), Color.web("#2a2a2a"), Color.web("#a6a6a6"), Color.web("#ffffff"),
            Color.web("#c8c8c8"), Color.web("#808080"), Color.web("#FF7A33", 0.3), HighContrast.GREEN,
            HighContrast.VERMILLION, HighContrast.ORANGE, HighContrast.SKY_BLUE, Color.web("#dadada"),
            HighContrast.BLUE, HighContrast.BLUE, HighContrast.GREEN, HighContrast.PURPLE, HighContrast.YELLOW,
            HighContrast.ORANGE);

    /** Okabe–Ito hues lightened for a black page; black ink on each reads at 7:1 or better. */
    private static final class HighContrast {
        static final Color GREEN = Color.web("#00C08B");
        static final Color VERMILLION = Color.web("#FF7A33");
        static final Color ORANGE = Color.web("#FFB000");
        static final Color SKY_BLUE = Color.web("#9DD9FF");
        static final Color BLUE = Color.web("#5CB0FF");
        static final Color PURPLE = Color.web("#EE99CC");
        static final Color YELLOW = Color.web("#FFE600");

        private HighContrast() {
        }
    }
}
