package dev.auroralab.ui;

import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

/**
 * How a reading column right of the picture (a lesson's caption, a practice question) fits the window: a share of the
 * window's width between a narrow and a wide limit, and larger type (the {@code :roomy} pseudo-class, styled in
 * aurora-lab.css) from {@link #ROOMY_WINDOW_PX}, so on a 1080p projector the column does not read smaller than the
 * diagram.
 *
 * @param minPx the width at 1280x720 and below
 * @param maxPx the widest it gets
 * @param share the part of the window's width it takes between the two
 */
public record ColumnFit(double minPx, double maxPx, double share) {

    /** From this window width the column's type grows. */
    public static final double ROOMY_WINDOW_PX = 1700;
    private static final PseudoClass ROOMY = PseudoClass.getPseudoClass("roomy");

    /** Sizes {@code column} for a window {@code windowWidthPx} wide. */
    public void apply(Region column, double windowWidthPx) {
        double w = Math.round(Math.max(minPx, Math.min(maxPx, windowWidthPx * share)));
        column.setPrefWidth(w);
        column.setMinWidth(w);
        column.setMaxWidth(w);
        markRoomy(column, windowWidthPx);
    }

    /** Sets {@code :roomy} on {@code n} when the window is {@link #ROOMY_WINDOW_PX} wide or more (a band's type too). */
    public static void markRoomy(javafx.scene.Node n, double windowWidthPx) {
        n.pseudoClassStateChanged(ROOMY, windowWidthPx >= ROOMY_WINDOW_PX);
    }
}
