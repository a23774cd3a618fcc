package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.ui.ActionMenus;
import dev.auroralab.ui.DistanceOverlay;
import dev.auroralab.ui.Palette;
import dev.auroralab.ui.Selection;
import dev.auroralab.ui.SimulationViewModel;
import dev.auroralab.ui.TopologyActions;
import javafx.geometry.Side;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/**
 * The global strip over the topology: one card per region of a Global Database and the replication arrows between
 * them, on a canvas redrawn with every snapshot (like the topology, decision 0007). A click on a card selects the
 * region and shows it in the topology below; a right-click opens its actions. It takes no room at all for a
 * single-region cluster: not visible, not managed.
 */
public final class GlobalStripView extends Pane {

    public static final String STYLE_CLASS = "global-strip";
    public static final String CANVAS_ID = "globalStripCanvas";
    /** The strip grows with the window up to this scale; past it the cards would only take height from the topology. */
    public static final double MAX_SCALE = 1.3;

    private final SimulationViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ContextMenu menu = new ContextMenu();
    private final Tooltip tip = new Tooltip();
    private Palette palette = Palette.LIGHT;
    private GlobalStripLayout layout;
    private boolean compact;
    private double maxScale = MAX_SCALE;

    /**
     * Compact cards (name and role only) and a lower top scale: presenter mode and short windows, where the strip
     * must leave the topology its room.
     */
    public void setCompact(boolean on) {
        if (on == compact) {
            return;
        }
        compact = on;
        maxScale = on ? 1.0 : MAX_SCALE;
        layout = null;
        redraw();
        requestLayout();
    }

    public boolean isCompact() {
        return compact;
    }
    private long drawNanos;

    public GlobalStripView(SimulationViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE_CLASS);
        canvas.setId(CANVAS_ID);
        canvas.setFocusTraversable(false);
        getChildren().add(canvas);
        vm.snapshotProperty().addListener((o, a, b) -> onSnapshot());
        vm.selectionProperty().addListener((o, a, b) -> redraw());
        vm.chosenRegionProperty().addListener((o, a, b) -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        tip.setShowDelay(javafx.util.Duration.millis(400));
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        Tooltip.install(canvas, tip);
        onSnapshot();
    }

    private void onSnapshot() {
        EngineSnapshot s = vm.snapshot();
        boolean global = s != null && s.isGlobal();
        if (global != isVisible()) {
            setVisible(global);
            setManaged(global);
            if (!global) {
                layout = null;
            }
        }
        if (global) {
            redraw();
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth();
        if (layout == null || w <= 0) {
            return 0;
        }
        return Math.ceil(layout.fit(w, maxScale).scale() * layout.height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    public void setPalette(Palette p) {
        this.palette = p;
        redraw();
    }

    public GlobalStripLayout layoutNow() {
        return layout;
    }

    /** Nanoseconds the last redraw took on the JavaFX thread, for the render bench. */
    public long lastDrawNanos() {
        return drawNanos;
    }

    /** Marks the region cards whose failure is not safe while the distance-to-failure overlay is on. */
    public void follow(DistanceOverlay overlay) {
        this.distance = overlay;
        overlay.shownProperty().addListener((o, a, b) -> redraw());
    }

    private DistanceOverlay distance;

    public void redraw() {
        EngineSnapshot s = vm.snapshot();
        if (s == null || !s.isGlobal()) {
            return;
        }
        long t0 = System.nanoTime();
        GlobalStripLayout previous = layout;
        layout = GlobalStripLayout.of(s, previous, compact);
        if (previous == null || previous.height != layout.height) {
            requestLayout();
        }
        if (getWidth() > 0 && getHeight() > 0) {
            GlobalStripRenderer.draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
                    layout.fit(canvas.getWidth(), maxScale), s, layout, palette, vm.viewedRegion(), vm.selection(),
                    distance == null ? null : distance.current());
        }
        drawNanos = System.nanoTime() - t0;
    }

    /** The region at a point in canvas pixels, or null. */
    public Selection elementAt(double px, double py) {
        if (layout == null) {
            return null;
        }
        TopologyLayout.Fit fit = layout.fit(canvas.getWidth(), maxScale);
        return layout.hitTest(fit.toLogicalX(px), fit.toLogicalY(py));
    }

    /** Canvas-pixel centre of a region's card, or null. */
    public double[] centreOf(String region) {
        Box b = layout == null ? null : layout.cards.get(region);
        if (b == null) {
            return null;
        }
        TopologyLayout.Fit fit = layout.fit(canvas.getWidth(), maxScale);
        return new double[] {fit.offsetX() + b.cx() * fit.scale(), fit.offsetY() + b.cy() * fit.scale()};
    }

    private void onPress(MouseEvent e) {
        menu.hide();
        Selection s = elementAt(e.getX(), e.getY());
        if (s == null) {
            return;
        }
        vm.select(s);
        if (e.getButton() == MouseButton.SECONDARY || e.isPopupTrigger()) {
            showMenu(s, e.getScreenX(), e.getScreenY());
        }
    }

    private void onMove(MouseEvent e) {
        if (layout == null) {
            return;
        }
        TopologyLayout.Fit fit = layout.fit(canvas.getWidth(), maxScale);
        double x = fit.toLogicalX(e.getX());
        double y = fit.toLogicalY(e.getY());
        String lag = layout.lagLabelAt(x, y);
        Selection s = layout.hitTest(x, y);
        EngineSnapshot snap = vm.snapshot();
        RegionSnapshot r = s == null || snap == null ? null : snap.regionSnapshot(s.id());
        String text = r == null ? null : lag != null ? lagTip(r) : cardTip(r);
        String why = text == null || lag != null || distance == null ? null : distance.tooltipLine(s);
        text = why == null ? text : text + "\n" + why;
        if (text == null) {
            tip.hide();
        } else if (!text.equals(tip.getText())) {
            tip.setText(text);
        }
    }

    static String cardTip(RegionSnapshot r) {
        return "Region " + r.region() + " · " + GlobalStripRenderer.roleWord(r)
                + (r.primary() ? "" : "\nRPO lag " + GlobalStripRenderer.duration(r.rpoLagMicros())
                        + " · durability lag " + GlobalStripRenderer.duration(r.durabilityLagMicros()))
                + "\nClick to show it below; right-click for its actions (F fail, R restore, G next region, W why this role)";
    }

    static String lagTip(RegionSnapshot r) {
        return "Replication to " + r.region() + "\nRPO lag " + GlobalStripRenderer.duration(r.rpoLagMicros())
                + ": how old the newest write it holds durably is; a failover to it now would lose the writes"
                + " acknowledged since.\nDurability lag " + GlobalStripRenderer.duration(r.durabilityLagMicros())
                + ": the same for the newest write any of its copies holds.";
    }

    private dev.auroralab.ui.WhyPopOver why;

    /** Where the card menu's "Why?" item opens the region's trace. */
    public void setWhy(dev.auroralab.ui.WhyPopOver why) {
        this.why = why;
    }

    /** Opens the actions of a region at a screen point, with "Why?" for its role last. */
    public void showMenu(Selection s, double screenX, double screenY) {
        menu.getItems().setAll(ActionMenus.items(s, TopologyActions.forSelection(s, vm.snapshot()), vm::act));
        javafx.scene.control.MenuItem whyItem = why == null ? null : why.menuItem(s, canvas, screenX, screenY);
        if (whyItem != null) {
            menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), whyItem);
        }
        if (!menu.getItems().isEmpty()) {
            menu.show(canvas, screenX, screenY);
        }
    }

    /** The selected region's menu, opened on its card (Shift+F10 with a region selected). */
    public void showMenuForSelection() {
        Selection sel = vm.selection();
        if (sel == null || sel.kind() != Selection.Kind.REGION) {
            return;
        }
        double[] c = centreOf(sel.id());
        if (c != null && canvas.getScene() != null) {
            var p = canvas.localToScreen(c[0], c[1]);
            showMenu(sel, p.getX(), p.getY());
        } else {
            menu.getItems().setAll(ActionMenus.items(sel, TopologyActions.forSelection(sel, vm.snapshot()), vm::act));
            menu.show(canvas, Side.TOP, 20, 20);
        }
    }
}
