package dev.auroralab.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * How the window shares its room: the picture (banner, notes, the global strip, the topology) on the left, the side
 * panel on the right; the charts under the topology, or in their place a one-line strip of the three headline numbers.
 *
 * <p>The topology is the picture and gets the room first: the side panel (Ctrl+1) and the charts (Ctrl+2) collapse
 * and come back, each splitter remembering where the learner put it; on a narrow window (under
 * {@link #NARROW_WIDTH} px) the side panel starts hidden, on a short one (under {@link #SHORT_HEIGHT} px) the charts
 * start as the headline strip. Presenter mode saves this state and puts it back exactly when it ends.
 */
public final class PanelLayout {

    /** A window narrower than this starts without the side panel (a 1024x768 projector). */
    public static final double NARROW_WIDTH = 1200;
    /** A window shorter than this starts with the charts collapsed to the headline strip (1280x720, 1366x768). */
    public static final double SHORT_HEIGHT = 800;

    /** The charts are shown only with at least this much height (their titles, values and a readable line). */
    public static final double CHARTS_MIN_PX = 150;
    /** ... and take at most this much when they come by themselves; the learner may drag them taller. */
    public static final double CHARTS_MAX_PX = 280;

    /**
     * Everything that presenter mode changes and gives back. The panels' sizes are in pixels ({@code NaN}: not known
     * yet), so they come back exactly even though the window changed size meanwhile (full screen); the dividers are
     * the same as fractions, for saving between runs.
     */
    public record State(boolean sideShown, boolean chartsShown, boolean notesShown, double sideDivider,
            double chartsDivider, boolean chartsAuto, double sidePx, double chartsPx) {
    }

    private final SplitPane mainSplit = new SplitPane();
    private final SplitPane pictureSplit = new SplitPane();
    private final VBox left;
    private final Node side;
    private final Node topology;
    private final Node notes;
    private final Node headline;
    private final FoldingPanel sideFold;
    private final FoldingPanel chartsFold;
    private final java.util.List<Node> above;
    /**
     * Whether the charts come and go with the room (true until the learner shows or hides them, or a saved layout
     * says): they are shown when the topology, at the scale its width gives it, leaves them {@link #CHARTS_MIN_PX}.
     */
    private boolean chartsAuto = true;
    /** What the last automatic decision was made for (the room, the topology's wish, the nodes above it). */
    private double autoWidth = Double.NaN;
    private double autoHeight = Double.NaN;
    private double autoWish = Double.NaN;
    private int autoAbove = -1;
    private final ReadOnlyBooleanWrapper sideShown = new ReadOnlyBooleanWrapper(this, "sideShown", true);
    private final ReadOnlyBooleanWrapper chartsShown = new ReadOnlyBooleanWrapper(this, "chartsShown", true);
    private final ReadOnlyBooleanWrapper notesShown = new ReadOnlyBooleanWrapper(this, "notesShown", true);

    /**
     * @param above what sits over the topology, top to bottom (banner, notes, alarm, strip, region bar)
     * @param notes the scenario's notes, one of {@code above}, which Ctrl+3 hides and shows
     * @param topology the picture, which takes the room left
     * @param bottom the charts (or the charts and the ledger as tabs) under the topology
     * @param headline the strip of headline numbers shown in the charts' place while they are collapsed
     * @param side the side panel
     */
    public PanelLayout(java.util.List<Node> above, Node notes, Node topology, Node bottom, Node headline, Node side) {
        this.side = side;
        this.topology = topology;
        this.notes = notes;
        this.headline = headline;
        pictureSplit.setOrientation(Orientation.VERTICAL);
        pictureSplit.getStyleClass().add("picture-split");
        pictureSplit.getItems().add(topology);
        chartsFold = new FoldingPanel(pictureSplit, bottom, WindowPrefs.DEFAULT_CHARTS_DIVIDER);
        chartsFold.show();
        sideFold = new FoldingPanel(mainSplit, side, WindowPrefs.DEFAULT_SIDE_DIVIDER);
        this.above = java.util.List.copyOf(above);
        left = new VBox() {
            @Override
            protected void layoutChildren() {
                autoCharts(getWidth(), getHeight());
                super.layoutChildren();
                sideFold.placeAfterLayout();
                chartsFold.placeAfterLayout();
            }
        };
        left.getChildren().addAll(above);
        left.getChildren().add(pictureSplit);
        VBox.setVgrow(pictureSplit, Priority.ALWAYS);
        if (headline != null) {
            left.getChildren().add(headline);
            show(headline, false);
        }
        mainSplit.getItems().add(left);
        sideFold.show();
        if (side instanceof Region r) {
            r.setMinWidth(280);
        }
    }

    /** The node to put in the window's centre. */
    public SplitPane root() {
        return mainSplit;
    }

    // =================================================================================================================
    // Start, and what is saved between runs
    // =================================================================================================================

    /**
     * Sets the panels for a window of this size: as saved (if anything was), but a narrow window hides the side panel
     * and a short one collapses the charts whatever was saved, so a laptop's layout never crowds a projector.
     */
    public void start(double windowWidth, double windowHeight, WindowPrefs saved) {
        if (saved != null) {
            sideFold.comeBackAt(saved.sideDivider(), Double.NaN);
            chartsFold.comeBackAt(saved.chartsDivider(), Double.NaN);
        }
        boolean side = (saved == null || saved.sideShown()) && windowWidth >= NARROW_WIDTH;
        setSideShown(side);
        // the charts follow the room unless the learner chose to hide them last time
        chartsAuto = saved == null || saved.chartsShown();
        if (!chartsAuto) {
            setChartsShown(false);
        }
    }

    /**
     * While the charts follow the room: shows them when the topology keeps the height its width gives it and the
     * charts still get {@link #CHARTS_MIN_PX}, and collapses them to the headline strip otherwise. Decided from what
     * does not depend on the charts (the room, what sits above, the topology's wish), so it never flips back and forth.
     */
    private void autoCharts(double width, double height) {
        if (!chartsAuto || chartsFold.item() == null || width <= 0 || height <= 0) {
            return;
        }
        // decided again only when the room or the topology's wish changed: a layout pass can come every frame
        double wish = topology.prefHeight(width);
        if (width == autoWidth && height == autoHeight && wish == autoWish && aboveKey() == autoAbove) {
            return;
        }
        autoWidth = width;
        autoHeight = height;
        autoWish = wish;
        autoAbove = aboveKey();
        double aboveH = 0;
        for (Node n : above) {
            if (n.isManaged()) {
                Insets m = VBox.getMargin(n);
                aboveH += n.prefHeight(width) + (m == null ? 0 : m.getTop() + m.getBottom());
            }
        }
        double splitH = height - aboveH;
        double free = splitH - wish;
        boolean show = free >= CHARTS_MIN_PX;
        if (show != chartsShown.get()) {
            if (show) {
                chartsFold.comeBackAt(1 - Math.min(free, CHARTS_MAX_PX) / Math.max(1, splitH),
                        Math.min(free, CHARTS_MAX_PX));
            }
            setChartsShown(show);
        }
    }

    /** The splitters' positions now (0 to 1), for saving: the remembered one while a panel is hidden. */
    public double sideDivider() {
        return sideFold.fraction();
    }

    public double chartsDivider() {
        return chartsFold.fraction();
    }

    /** The side panel's width as shown, or as it will come back (NaN while never known). */
    public double sidePx() {
        return sideFold.px();
    }

    /** The charts' height as shown, or as they will come back (NaN while never known). */
    public double chartsPx() {
        return chartsFold.px();
    }

    // =================================================================================================================
    // Collapse and come back
    // =================================================================================================================

    public ReadOnlyBooleanProperty sideShownProperty() {
        return sideShown.getReadOnlyProperty();
    }

    public boolean isSideShown() {
        return sideShown.get();
    }

    public ReadOnlyBooleanProperty chartsShownProperty() {
        return chartsShown.getReadOnlyProperty();
    }

    public boolean isChartsShown() {
        return chartsShown.get();
    }

    public ReadOnlyBooleanProperty notesShownProperty() {
        return notesShown.getReadOnlyProperty();
    }

    public boolean isNotesShown() {
        return notesShown.get();
    }

    /** Ctrl+1. */
    public void toggleSide() {
        setSideShown(!sideShown.get());
    }

    /** A key of what sits above the topology: which nodes take room, and their heights. */
    private int aboveKey() {
        int key = 17;
        for (Node n : above) {
            key = 31 * key + (n.isManaged() ? Double.hashCode(n.getLayoutBounds().getHeight()) : 0);
        }
        return key;
    }

    /** Ctrl+2: the learner's choice, which the room no longer overrides. */
    public void toggleCharts() {
        chooseCharts(!chartsShown.get());
    }

    /** Shows or collapses the charts as the learner chose (the menu, the button, Ctrl+2). */
    public void chooseCharts(boolean on) {
        chartsAuto = false;
        setChartsShown(on);
    }


    /** Ctrl+3. */
    public void toggleNotes() {
        setNotesShown(!notesShown.get());
    }

    public void setSideShown(boolean on) {
        if (on) {
            sideFold.show();
            left.requestLayout();
        } else {
            sideFold.hide();
        }
        side.setVisible(on);
        sideShown.set(on);
    }

    public void setChartsShown(boolean on) {
        if (on) {
            chartsFold.show();
            left.requestLayout();
        } else {
            chartsFold.hide();
        }
        if (headline != null) {
            show(headline, !on);
        }
        chartsShown.set(on);
    }

    public void setNotesShown(boolean on) {
        if (notes != null) {
            show(notes, on);
        }
        notesShown.set(on);
    }

    /**
     * Puts another node under the topology (the charts alone for one region, the charts and the ledger as tabs for a
     * Global Database), in the same place and state.
     */
    public void setBottom(Node newBottom) {
        if (newBottom != chartsFold.item()) {
            chartsFold.replace(newBottom);
            left.requestLayout();
        }
    }

    // =================================================================================================================
    // Presenter mode
    // =================================================================================================================

    /** Everything presenter mode changes, to put back when it ends. */
    public State state() {
        return new State(sideShown.get(), chartsShown.get(), notesShown.get(), sideDivider(), chartsDivider(),
                chartsAuto, sidePx(), chartsPx());
    }

    /** Puts back a saved state exactly: panels, notes and both splitters (at their pixel sizes). */
    public void restore(State st) {
        chartsAuto = st.chartsAuto();
        // hide first, so that showing places the splitters afresh at the sizes saved
        setSideShown(false);
        setChartsShown(false);
        sideFold.comeBackAt(st.sideDivider(), st.sidePx());
        chartsFold.comeBackAt(st.chartsDivider(), st.chartsPx());
        setSideShown(st.sideShown());
        setChartsShown(st.chartsShown());
        setNotesShown(st.notesShown());
    }


    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
