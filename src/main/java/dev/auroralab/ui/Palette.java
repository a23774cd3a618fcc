package dev.auroralab.ui;

import javafx.scene.paint.Color;

/**
 * The colours the canvas and the charts draw with, one set per theme. State colours come from the Okabe–Ito palette,
 * which stays distinguishable for the common forms of colour blindness; every state also has a shape, a pattern or a
 * word, so no fact is carried by colour alone (docs/decisions/0006).
 *
 * @param background canvas background
 * @param surface boxes (AZ columns, instances, nodes)
 * @param surfaceRaised the selected or hovered box
 * @param border box outlines
 * @param text body text, contrast at least 4.5:1 on background and surface
 * @param mutedText secondary text, still at least 4.5:1
 * @param grid chart grid lines and separators
 * @param faultShade translucent fill for fault periods and down AZs
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

    public static final Palette LIGHT = new Palette("light", Color.web("#ffffff"), Color.web("#f6f8fa"),
            Color.web("#eaeef2"), Color.web("#8c959f"), Color.web("#1f2328"), Color.web("#57606a"),
            Color.web("#d0d7de"), Color.web("#D55E00", 0.12), OI_BLUISH_GREEN, OI_VERMILLION, OI_ORANGE,
            OI_SKY_BLUE, Color.web("#24292f"), OI_BLUE, OI_BLUE, OI_BLUISH_GREEN, OI_REDDISH_PURPLE,
            Color.web("#0969da"), OI_ORANGE);

    public static final Palette DARK = new Palette("dark", Color.web("#0d1117"), Color.web("#161b22"),
            Color.web("#21262d"), Color.web("#6e7681"), Color.web("#e6edf3"), Color.web("#9da7b3"),
            Color.web("#30363d"), Color.web("#D55E00", 0.18), OI_BLUISH_GREEN, OI_VERMILLION, OI_ORANGE,
            OI_SKY_BLUE, Color.web("#b1bac4"), OI_SKY_BLUE, OI_SKY_BLUE, OI_BLUISH_GREEN, OI_REDDISH_PURPLE,
            Color.web("#58a6ff"), OI_YELLOW);
}
