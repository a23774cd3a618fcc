package dev.auroralab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The look of the whole window, controls and canvas together: the AtlantaFX theme the controls take, an optional
 * stylesheet of our own laid over it, and the {@link Palette} the canvas, the global strip and the charts draw with.
 * One type names them, so a menu, a key that cycles and the command line cannot disagree on what a theme is.
 *
 * <p>High contrast starts from PrimerDark, whose structure (dark surfaces, light text) it keeps, and
 * high-contrast.css overrides the looked-up colours at .root: black background, white text, strong borders and
 * a thick yellow focus ring. Only the colours and widths change, so every control AtlantaFX styles follows.
 */
public enum Theme {
    LIGHT("Light", new PrimerLight(), null, Palette.LIGHT),
    DARK("Dark", new PrimerDark(), null, Palette.DARK),
    HIGH_CONTRAST("High contrast", new PrimerDark(), "high-contrast.css", Palette.HIGH_CONTRAST);

    private final String label;
    private final String userAgentStylesheet;
    private final boolean dark;
    private final String extraStylesheet;
    private final Palette palette;

    Theme(String label, atlantafx.base.theme.Theme base, String extraResource, Palette palette) {
        this.label = label;
        this.userAgentStylesheet = base.getUserAgentStylesheet();
        this.dark = base.isDarkMode();
        this.extraStylesheet = extraResource == null ? null
                : Theme.class.getResource(extraResource).toExternalForm();
        this.palette = palette;
    }

    /** The name in menus: "Light", "Dark", "High contrast". */
    public String label() {
        return label;
    }

    /** The name on the command line and in files: "light", "dark", "high-contrast" (the palette's name too). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The AtlantaFX user-agent stylesheet the controls start from. */
    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** Whether the controls are light on dark (for icons or images that have a light and a dark version). */
    public boolean dark() {
        return dark;
    }

    /** The URL of the stylesheet laid over the user-agent one and over aurora-lab.css, when the theme has one. */
    public Optional<String> extraStylesheet() {
        return Optional.ofNullable(extraStylesheet);
    }

    /** The colours of the canvas, the global strip and the charts. */
    public Palette palette() {
        return palette;
    }

    /** The theme after this one, back to the first after the last: for a key that cycles. */
    public Theme next() {
        Theme[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    /**
     * The theme a person or a file names: its id, its constant or its label, in any case, with "-", "_" or a space
     * between words ("high-contrast", "HIGH_CONTRAST", "High contrast"). Empty for anything else.
     */
    public static Optional<Theme> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Theme t : values()) {
            if (t.id().equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Puts {@code theme} on: the user-agent stylesheet (global to the application) and, on {@code scene}, the theme's
     * own stylesheet in place of any other theme's, last in the list so it wins over aurora-lab.css. Other stylesheets
     * stay where they are. Call on the FX thread. The canvas is not redrawn here: hand {@link #palette()} to the views.
     */
    public static void apply(Theme theme, Scene scene) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet);
        swapExtra(theme, scene.getStylesheets());
    }

    /**
     * The same for a node that has a scene of its own and does not take the main scene's stylesheets, such as an
     * alert's dialog pane ({@code alert.getDialogPane()}); the user-agent stylesheet is left alone.
     */
    public static void apply(Theme theme, Parent root) {
        swapExtra(theme, root.getStylesheets());
    }

    private static void swapExtra(Theme theme, List<String> stylesheets) {
        for (Theme t : values()) {
            if (t.extraStylesheet != null) {
                stylesheets.remove(t.extraStylesheet);
            }
        }
        if (theme.extraStylesheet != null) {
            stylesheets.add(theme.extraStylesheet);
        }
    }
}
