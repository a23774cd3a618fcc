package dev.auroralab.ui;

import javafx.scene.canvas.GraphicsContext;

/**
 * Diagonal hatching cut to a box by arithmetic, not by {@code GraphicsContext.clip()}.
 *
 * <p>Why: on the software pipeline a canvas clip makes JavaFX allocate a canvas-sized mask texture on every frame that
 * uses it (5 MiB at 1440×900). At 30–50 frames/s that fed a young-generation pause every second or so, and those pauses
 * set the window's p99 frame time (bench-render, issue 3).
 */
public final class Hatch {

    private Hatch() {
    }

    /**
     * Strokes 45° lines rising to the right across the box, with the stroke settings already on {@code g}. A line meets
     * the box's bottom edge wherever x ≡ {@code phase} (mod {@code spacing}), so a caller can anchor the pattern to
     * something that moves (the charts anchor it to simulated time).
     */
    public static void diagonal(GraphicsContext g, double x, double y, double w, double h, double spacing,
            double phase) {
        lines(x, y, w, h, spacing, phase, g::strokeLine);
    }

    /** Receives one line segment: from (x1, y1) to (x2, y2). */
    @FunctionalInterface
    public interface LineSink {
        void line(double x1, double y1, double x2, double y2);
    }

    /** The lines of {@link #diagonal}, each already cut to the box, handed to {@code sink}. */
    public static void lines(double x, double y, double w, double h, double spacing, double phase, LineSink sink) {
        if (w <= 0 || h <= 0 || !(spacing > 0)) {
            return;
        }
        double bottom = y + h;
        double right = x + w;
        // the first line whose upper end (u + h) reaches the box's left edge
        double u = x - h + floorMod(phase - (x - h), spacing);
        for (; u < right; u += spacing) {
            double t0 = Math.max(0, x - u);
            double t1 = Math.min(h, right - u);
            if (t1 > t0) {
                sink.line(u + t0, bottom - t0, u + t1, bottom - t1);
            }
        }
    }

    static double floorMod(double a, double m) {
        double r = a % m;
        return r < 0 ? r + m : r;
    }
}
