package dev.auroralab.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;

/**
 * Where the window was and how its panels were set when it last closed, kept between runs in a small properties file
 * in the user's configuration folder ({@link #defaultFile()}).
 *
 * <p>A file that cannot be read, or holds a value that makes no sense (a width of "wide", a divider of 3), is
 * ignored as a whole with a notice: the window opens at its defaults, and the next close writes a good file. Nothing
 * here may stop the window from opening.
 *
 * @param x left edge in screen pixels, null when never saved (the window is then centred)
 * @param y top edge in screen pixels, null when never saved
 * @param width window width in pixels, more than 0
 * @param height window height in pixels, more than 0
 * @param maximized whether the window was maximized
 * @param sideShown whether the side panel (inspector, event log, workload) was shown
 * @param chartsShown whether the charts were shown (false: the one-line headline strip)
 * @param sideDivider where the picture ends and the side panel starts, 0 to 1 of the width
 * @param chartsDivider where the picture ends and the charts start, 0 to 1 of the height
 * @param theme the theme's name (light, dark, high-contrast), or null for the default
 */
public record WindowPrefs(Double x, Double y, double width, double height, boolean maximized, boolean sideShown,
        boolean chartsShown, double sideDivider, double chartsDivider, String theme) {

    /** The window's size when nothing was saved and the screen has room: 1440x900. */
    public static final double DEFAULT_WIDTH = 1440;
    public static final double DEFAULT_HEIGHT = 900;
    public static final double DEFAULT_SIDE_DIVIDER = 0.76;
    public static final double DEFAULT_CHARTS_DIVIDER = 0.72;
    /** The window never opens smaller than this, even on a smaller screen (then it is the screen's size). */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 480;
    /** Overrides the folder the file lives in (tests, portable installs). */
    public static final String DIR_PROPERTY = "auroralab.config.dir";
    static final String FILE_NAME = "window.properties";

    /** What {@link #load} found: the preferences if the file was good, and a notice if it was there but bad. */
    public record Loaded(Optional<WindowPrefs> prefs, String notice) {
    }

    /**
     * The file in the platform's user configuration folder: {@code $XDG_CONFIG_HOME/aurora-lab} (or
     * {@code ~/.config/aurora-lab}) on Linux, {@code ~/Library/Application Support/Aurora Lab} on macOS,
     * {@code %APPDATA%\Aurora Lab} on Windows; the system property {@value #DIR_PROPERTY} overrides the folder.
     */
    public static Path defaultFile() {
        return configDir().resolve(FILE_NAME);
    }

    /** The user configuration folder of Aurora Lab (it may not exist yet). */
    public static Path configDir() {
        String override = System.getProperty(DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home", ".");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null && !appData.isBlank() ? appData : home, "Aurora Lab");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Aurora Lab");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".config").toString(), "aurora-lab");
    }

    /** Reads the file; a missing file is no notice (a first run), a bad one is ignored with one. */
    public static Loaded load(Path file) {
        if (!Files.exists(file)) {
            return new Loaded(Optional.empty(), null);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return new Loaded(Optional.of(from(p)), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Loaded(Optional.empty(), "The saved window layout in " + file + " could not be read ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); the window opens at its defaults and the file is rewritten when it closes.");
        }
    }

    private static WindowPrefs from(Properties p) {
        double width = number(p, "width", MIN_WIDTH / 2, 100_000);
        double height = number(p, "height", MIN_HEIGHT / 2, 100_000);
        Double x = p.containsKey("x") ? number(p, "x", -100_000, 100_000) : null;
        Double y = p.containsKey("y") ? number(p, "y", -100_000, 100_000) : null;
        String theme = p.getProperty("theme");
        return new WindowPrefs(x, y, width, height, flag(p, "maximized", false), flag(p, "sidePanel.shown", true),
                flag(p, "charts.shown", true), p.containsKey("sidePanel.divider") ? number(p, "sidePanel.divider", 0, 1)
                        : DEFAULT_SIDE_DIVIDER,
                p.containsKey("charts.divider") ? number(p, "charts.divider", 0, 1) : DEFAULT_CHARTS_DIVIDER,
                theme == null || theme.isBlank() ? null : theme.strip());
    }

    private static double number(Properties p, String key, double min, double max) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is '" + v + "', not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(key + " is " + v + ", outside " + (long) min + " to " + (long) max);
        }
        return d;
    }

    private static boolean flag(Properties p, String key, boolean otherwise) {
        String v = p.getProperty(key);
        if (v == null) {
            return otherwise;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " is '" + v + "', not true or false");
        };
    }

    /** Writes the file whole or not at all (a temporary file moved into place), creating the folder if needed. */
    public void save(Path file) throws IOException {
        Properties p = new Properties();
        if (x != null && y != null) {
            p.setProperty("x", fmt(x));
            p.setProperty("y", fmt(y));
        }
        p.setProperty("width", fmt(width));
        p.setProperty("height", fmt(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        p.setProperty("sidePanel.shown", Boolean.toString(sideShown));
        p.setProperty("charts.shown", Boolean.toString(chartsShown));
        p.setProperty("sidePanel.divider", fmt(sideDivider));
        p.setProperty("charts.divider", fmt(chartsDivider));
        if (theme != null) {
            p.setProperty("theme", theme);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringWriter text = new StringWriter();
        p.store(text, "Aurora Lab window layout; delete this file to start from the defaults");
        dev.auroralab.scenario.AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.4f", d);
    }

    /**
     * Where the window opens: the size asked for, never larger than the usable area of the screen it lands on (the
     * visual bounds, without task bars and docks) and never off every screen. A window whose centre is on no screen
     * (a projector unplugged since) is centred on the primary screen.
     *
     * @param wantedX null to centre the window
     * @param visualBounds the usable area of each screen
     * @param primary the primary screen's usable area
     */
    public static Rectangle2D place(Double wantedX, Double wantedY, double wantedW, double wantedH,
            List<Rectangle2D> visualBounds, Rectangle2D primary) {
        Rectangle2D screen = primary;
        if (wantedX != null && wantedY != null) {
            double cx = wantedX + wantedW / 2;
            double cy = wantedY + wantedH / 2;
            Rectangle2D holder = null;
            for (Rectangle2D b : visualBounds) {
                if (b.contains(cx, cy)) {
                    holder = b;
                    break;
                }
            }
            if (holder == null) {
                wantedX = null;
                wantedY = null;
            } else {
                screen = holder;
            }
        }
        double w = Math.min(Math.max(wantedW, Math.min(MIN_WIDTH, screen.getWidth())), screen.getWidth());
        double h = Math.min(Math.max(wantedH, Math.min(MIN_HEIGHT, screen.getHeight())), screen.getHeight());
        double x = wantedX == null ? screen.getMinX() + (screen.getWidth() - w) / 2 : wantedX;
        double y = wantedY == null ? screen.getMinY() + (screen.getHeight() - h) / 2 : wantedY;
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }
}
