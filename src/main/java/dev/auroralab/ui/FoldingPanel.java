package dev.auroralab.ui;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The second item of a split pane, which folds away and comes back at the size it had: the side panel beside the
 * picture, the charts under the topology.
 *
 * <p>Its size is remembered in pixels, not as a divider fraction: the window may have changed size meanwhile (full
 * screen for presenter mode), and the panel should come back as wide or as tall as the learner left it. The divider is
 * placed after the layout pass that follows its return, because a split pane that has just gained an item places its
 * dividers from its items' sizes on that pass; a fraction (from the saved layout) serves while no size is known.
 */
final class FoldingPanel {

    private final SplitPane split;
    private Node item;
    private double fraction;
    private double px = Double.NaN;
    private boolean pending;

    /**
     * @param split the split pane whose second item this is (the panel is not added here)
     * @param fraction where its divider sits until the panel has been shown (0 to 1)
     */
    FoldingPanel(SplitPane split, Node item, double fraction) {
        this.split = split;
        this.item = item;
        this.fraction = fraction;
        if (item != null) {
            SplitPane.setResizableWithParent(item, false);
        }
    }

    Node item() {
        return item;
    }

    boolean isIn() {
        return item != null && split.getItems().contains(item);
    }

    /** Adds the panel; its divider is placed by {@link #placeAfterLayout()}. */
    void show() {
        if (item == null || isIn()) {
            return;
        }
        split.getItems().add(item);
        split.setDividerPositions(fraction);
        pending = true;
    }

    /** Removes the panel, remembering its size. */
    void hide() {
        if (!isIn()) {
            return;
        }
        remember();
        split.getItems().remove(item);
    }

    /** Puts another node in the panel's place, at the same size and in the same state (shown or not). */
    void replace(Node other) {
        boolean was = isIn();
        if (was) {
            remember();
            split.getItems().remove(item);
        }
        item = other;
        if (item != null) {
            SplitPane.setResizableWithParent(item, false);
            if (was) {
                split.getItems().add(item);
                pending = true;
            }
        }
    }

    private void remember() {
        if (pending) {
            return;
        }
        fraction = clamp(split.getDividerPositions()[0], fraction);
        double size = along(item);
        if (size > 0) {
            px = size;
        }
    }

    /** After a layout pass: places the divider of a panel that came back (at its size, else at its fraction). */
    void placeAfterLayout() {
        if (!pending || !isIn()) {
            return;
        }
        double room = split.getOrientation() == Orientation.HORIZONTAL ? split.getWidth() : split.getHeight();
        if (room <= 0) {
            return;
        }
        pending = false;
        double pos = clamp(Double.isNaN(px) ? fraction : 1 - (px + dividerPx()) / room, fraction);
        split.setDividerPositions(pos);
        // once more after the split's own next layout, which would otherwise place it from the items' sizes
        Platform.runLater(() -> {
            if (isIn()) {
                split.setDividerPositions(pos);
            }
        });
    }

    /** The divider as a fraction of the split (0 to 1), as shown or as it will come back: for saving. */
    double fraction() {
        return isIn() && !pending ? split.getDividerPositions()[0] : fraction;
    }

    /** The panel's size along the split in pixels, as shown or as it will come back; NaN while never known. */
    double px() {
        return isIn() && !pending && along(item) > 0 ? along(item) : px;
    }

    /** Sets what the panel comes back at: a fraction (a saved layout), and a size in pixels if known (else NaN). */
    void comeBackAt(double fraction, double px) {
        this.fraction = clamp(fraction, this.fraction);
        this.px = px;
    }

    private double along(Node n) {
        return split.getOrientation() == Orientation.HORIZONTAL ? n.getLayoutBounds().getWidth()
                : n.getLayoutBounds().getHeight();
    }

    /** The divider's own thickness: the split's room not given to its items. */
    private double dividerPx() {
        double items = 0;
        for (Node n : split.getItems()) {
            items += along(n);
        }
        double room = split.getOrientation() == Orientation.HORIZONTAL
                ? split.getWidth() - split.getInsets().getLeft() - split.getInsets().getRight()
                : split.getHeight() - split.getInsets().getTop() - split.getInsets().getBottom();
        return Math.max(0, Math.min(12, room - items));
    }

    /** A divider from 0.2 to 0.95; anything else (a broken value) gives way to {@code otherwise}. */
    static double clamp(double d, double otherwise) {
        return d > 0.2 && d < 0.95 ? d : otherwise;
    }
}
