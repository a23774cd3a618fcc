package dev.auroralab.ui.topology;

import dev.auroralab.ui.Hatch;
import dev.auroralab.ui.Numbers;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.transform.Affine;

/**
 * What every drawing on the topology's page and the global strip's shares: the page's fonts, text drawn unscaled at a
 * scaled size (decision 0009), hatching, arrows, selection rings, the redo diamond, and numbers as the page writes them.
 * FX thread only, like the canvases.
 */
final class PageDrawing {

    private static final String FAMILY = "System";
    /*
     * Sizes in page units: the smallest is 13, so text stays at 11 px or more down to the view's readable scale
     * (TopologyView.MIN_READABLE_SCALE), and reaches 16 px in presenter mode at 1280x720.
     */
    static final Font TITLE = Font.font(FAMILY, FontWeight.BOLD, 16);
    static final Font BOLD = Font.font(FAMILY, FontWeight.BOLD, 14);
    static final Font BODY = Font.font(FAMILY, FontWeight.NORMAL, 14);
    static final Font SMALL = Font.font(FAMILY, FontWeight.NORMAL, 13);
    static final Font SMALL_BOLD = Font.font(FAMILY, FontWeight.BOLD, 13);
    /** The smallest text size on the page, in page units. */
    static final double SMALLEST_TEXT = 13;

    private PageDrawing() {
    }

    static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2 - 2);
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double len = 9;
        double a1 = angle + Math.PI - 0.4;
        double a2 = angle + Math.PI + 0.4;
        g.setLineDashes();
        g.strokeLine(x2, y2, x2 + len * Math.cos(a1), y2 + len * Math.sin(a1));
        g.strokeLine(x2, y2, x2 + len * Math.cos(a2), y2 + len * Math.sin(a2));
    }

    static void ring(GraphicsContext g, Box b) {
        if (b != null) {
            g.strokeRoundRect(b.x() - 3, b.y() - 3, b.w() + 6, b.h() + 6, 10, 10);
        }
    }

    static void hatch(GraphicsContext g, Box b, Color c, double alpha, double step) {
        hatch(g, b, c, alpha, step, b.x() - b.h());
    }

    /** Hatches the box; its lines cross the box's bottom edge where x ≡ {@code phase} (mod {@code step}). */
    static void hatch(GraphicsContext g, Box b, Color c, double alpha, double step, double phase) {
        g.save();
        g.setStroke(c);
        g.setGlobalAlpha(alpha);
        g.setLineWidth(1.5);
        Hatch.diagonal(g, b.x(), b.y(), b.w(), b.h(), step, phase);
        g.restore();
    }

    private static final double[] DIAMOND_X = new double[4];
    private static final double[] DIAMOND_Y = new double[4];

    /** A redo dot. The corner arrays are reused (FX thread only): fillPolygon copies them into the draw buffer. */
    static void diamond(GraphicsContext g, double x, double y, double r) {
        DIAMOND_X[0] = x;
        DIAMOND_X[1] = x + r;
        DIAMOND_X[2] = x;
        DIAMOND_X[3] = x - r;
        DIAMOND_Y[0] = y - r;
        DIAMOND_Y[1] = y;
        DIAMOND_Y[2] = y + r;
        DIAMOND_Y[3] = y;
        g.fillPolygon(DIAMOND_X, DIAMOND_Y, 4);
    }

    // ---- text ---------------------------------------------------------------------------------------------------------

    /*
     * Text is drawn with a translate-only transform, at its font size times the page scale, instead of under the page's
     * scale transform. Under any scale the software pipeline draws each glyph as an outline (FreeType decomposition and a
     * path fill per glyph, every frame), which cost the render thread more than the rest of the canvas together and
     * allocated about 25 MB/s (bench-render, issue 3). Unscaled, the glyphs come from JavaFX's glyph cache.
     * The scratch transform and the font cache are used on the FX thread only, like the canvas itself.
     */
    private static final Affine PAGE = new Affine();
    private static final Map<Font, Font> SCALED_FONTS = new HashMap<>();
    private static double scaledFontsFor = 1;

    static void text(GraphicsContext g, String s, double x, double y) {
        text(g, s, x, y, Double.NaN);
    }

    static void text(GraphicsContext g, String s, double x, double y, double maxWidth) {
        g.getTransform(PAGE);
        double sc = PAGE.getMxx();
        Font logical = g.getFont();
        g.setFont(scaled(logical, sc));
        g.setTransform(1, 0, 0, 1, PAGE.getTx(), PAGE.getTy());
        if (Double.isNaN(maxWidth)) {
            g.fillText(s, x * sc, y * sc);
        } else {
            g.fillText(s, x * sc, y * sc, maxWidth * sc);
        }
        g.setTransform(PAGE);
        g.setFont(logical);
    }

    private static Font scaled(Font f, double sc) {
        if (sc == 1) {
            return f;
        }
        if (sc != scaledFontsFor) {
            SCALED_FONTS.clear();
            scaledFontsFor = sc;
        }
        return SCALED_FONTS.computeIfAbsent(f, k -> Font.font(k.getFamily(),
                k.getStyle().toLowerCase(Locale.ROOT).contains("bold") ? FontWeight.BOLD : FontWeight.NORMAL,
                k.getSize() * sc));
    }

    private static final Map<Font, Map<String, Double>> WIDTHS = new HashMap<>();

    /** A text's width at a page font, in page units, measured once per text (labels come from a short list). */
    static double widthOf(String s, Font f) {
        return WIDTHS.computeIfAbsent(f, k -> new HashMap<>()).computeIfAbsent(s, t -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text(t);
            probe.setFont(f);
            return probe.getLayoutBounds().getWidth();
        });
    }

    static String grouped(long v) {
        return Numbers.grouped(v);
    }

    static String millis(long micros) {
        return Numbers.fixed(micros / 1e3, micros >= 10_000 ? 0 : 1) + " ms";
    }
}
