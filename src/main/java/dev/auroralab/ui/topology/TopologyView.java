package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.ui.ActionMenus;
import dev.auroralab.teach.FailureDistance;
import dev.auroralab.ui.DistanceOverlay;
import dev.auroralab.ui.Palette;
import dev.auroralab.ui.Selection;
import dev.auroralab.ui.SimulationViewModel;
import dev.auroralab.ui.TopologyActions;
import java.util.List;
import javafx.geometry.Side;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;

/**
 * The canvas that shows the topology, redrawn whenever the view model publishes a snapshot. A click selects what is
 * under the mouse; a right-click also opens that element's actions. Canvas drawing was chosen over a scene graph of
 * nodes because the largest topology has hundreds of moving parts per frame (docs/decisions/0007).
 */
public final class TopologyView extends Pane {

    /** A lesson step's elements to spotlight (the rest dimmed); empty for none. */
    private java.util.List<dev.auroralab.ui.Selection> spotlight = java.util.List.of();

    /** Spotlights {@code elements} (a lesson step's highlight); an empty list turns the spotlight off. */
    public void setSpotlight(java.util.List<dev.auroralab.ui.Selection> elements) {
        spotlight = elements == null ? java.util.List.of() : java.util.List.copyOf(elements);
        redraw();
    }

    /** The elements spotlit now (tests; empty for none). */
    public java.util.List<dev.auroralab.ui.Selection> spotlight() {
        return spotlight;
    }

    public static final String STYLE_CLASS = "topology-view";
    public static final String CANVAS_ID = "topologyCanvas";

    private final SimulationViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final ContextMenu menu = new ContextMenu();
    private final Tooltip tip = new Tooltip();
    private Palette palette = Palette.LIGHT;
    private TopologyLayout layout;
    private boolean compact;
    private final DistanceOverlay distance;

    /** Presenter mode's page: lower (no storage caption, a one-line legend), so it is drawn larger. */
    public void setCompact(boolean on) {
        if (on != compact) {
            compact = on;
            redraw();
            requestLayout();
        }
    }
    private long drawNanos;

    public TopologyView(SimulationViewModel vm) {
        this.vm = vm;
        this.distance = new DistanceOverlay(vm);
        distance.setOnReady(this::redraw);
        distance.shownProperty().addListener((o, a, b) -> {
            redraw();
            requestLayout();
        });
        getStyleClass().add(STYLE_CLASS);
        canvas.setId(CANVAS_ID);
        canvas.setFocusTraversable(false);
        vbar.setOrientation(javafx.geometry.Orientation.VERTICAL);
        vbar.setVisible(false);
        vbar.setFocusTraversable(false);
        hbar.setOrientation(javafx.geometry.Orientation.HORIZONTAL);
        hbar.setVisible(false);
        hbar.setFocusTraversable(false);
        getChildren().addAll(canvas, vbar, hbar);
        setMinSize(200, 150);
        vbar.valueProperty().addListener((o, a, b) -> redraw());
        hbar.valueProperty().addListener((o, a, b) -> redraw());
        zoom.addListener((o, a, b) -> {
            requestLayout();
            redraw();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown()) {
                // Ctrl+wheel zooms around the mouse, as in every drawing program
                if (e.getDeltaY() != 0) {
                    zoomAt(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX(), e.getY());
                }
                e.consume();
                return;
            }
            boolean sideways = e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY());
            ScrollBar bar = sideways ? hbar : vbar;
            double delta = sideways ? (e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY()) : e.getDeltaY();
            if (bar.isVisible()) {
                bar.setValue(Math.max(0, Math.min(bar.getMax(), bar.getValue() - delta)));
                e.consume();
            }
        });
        vm.snapshotProperty().addListener((o, a, b) -> redraw());
        vm.selectionProperty().addListener((o, a, b) -> redraw());
        vm.chosenRegionProperty().addListener((o, a, b) -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        tip.setShowDelay(javafx.util.Duration.millis(400));
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        Tooltip.install(canvas, tip);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        // which bars are needed depends on the other's room: settle it in two passes
        boolean needV = false;
        boolean needH = false;
        for (int pass = 0; pass < 2 && layout != null; pass++) {
            double cw = w - (needV ? barSize(vbar) : 0);
            double ch = h - (needH ? barSize(hbar) : 0);
            double scale = scaleFor(cw, ch);
            needV = layout.height * scale > ch + 0.5;
            needH = TopologyLayout.WIDTH * scale > cw + 0.5;
        }
        double vw = needV ? barSize(vbar) : 0;
        double hh = needH ? barSize(hbar) : 0;
        vbar.setVisible(needV);
        hbar.setVisible(needH);
        double cw = w - vw;
        double ch = h - hh;
        if (needV) {
            vbar.resizeRelocate(cw, 0, vw, ch);
        }
        if (needH) {
            hbar.resizeRelocate(0, ch, cw, hh);
        }
        // a change of a scroll value redraws through its listener; a change of size redraws here
        updateScrollRanges(cw, ch);
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            redraw();
        }
    }

    private static double barSize(ScrollBar bar) {
        return Math.max(12, bar.getOrientation() == javafx.geometry.Orientation.VERTICAL ? bar.prefWidth(-1)
                : bar.prefHeight(-1));
    }

    /** The scroll bars' ranges in canvas pixels: how far the page at its scale reaches past the view. */
    private void updateScrollRanges(double cw, double ch) {
        if (layout == null) {
            vbar.setValue(0);
            hbar.setValue(0);
            return;
        }
        double scale = fit().scale();
        range(vbar, layout.height * scale, ch);
        range(hbar, TopologyLayout.WIDTH * scale, cw);
    }

    private static void range(ScrollBar bar, double page, double view) {
        if (!bar.isVisible()) {
            bar.setValue(0);
            return;
        }
        double overflow = Math.max(0, page - view);
        bar.setMin(0);
        bar.setMax(overflow);
        bar.setVisibleAmount(overflow * view / Math.max(1, page));
        bar.setUnitIncrement(40);
        bar.setBlockIncrement(view * 0.8);
        if (bar.getValue() > overflow) {
            bar.setValue(overflow);
        }
    }

    private TopologyLayout.Fit fit() {
        double cw = canvas.getWidth();
        double ch = canvas.getHeight();
        return layout.atScale(scaleFor(cw, ch), cw, ch, hbar.getValue(), vbar.getValue());
    }

    /**
     * The page's scale on a canvas of this size: its fit, or when zoomed a multiple of the fit to the whole view (as
     * if it had no scroll bars), so that the bars a zoom brings do not change the zoom.
     */
    private double scaleFor(double cw, double ch) {
        return zoom.get() == 1 ? layout.fitScale(cw, ch, MIN_READABLE_SCALE)
                : Math.max(0.1, layout.fitScale(getWidth(), getHeight(), MIN_READABLE_SCALE) * zoom.get());
    }

    /** The scale the page is drawn at now (canvas pixels per page unit), or 0 before the first layout. */
    public double scale() {
        return layout == null || canvas.getWidth() <= 0 ? 0 : fit().scale();
    }

    /** The smallest text on the page, in canvas pixels, as drawn now (the page's smallest size times the scale). */
    public double smallestTextPx() {
        return PageDrawing.SMALLEST_TEXT * scale();
    }

    /** Whether the page is scrolled or cut by the view: some of it is out of sight. */
    public boolean scrolls() {
        return vbar.isVisible() || hbar.isVisible();
    }

    /** The height the page needs at this width, at the scale the width gives it (at most the preferred scale). */
    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth();
        if (layout == null || w <= 0) {
            return 400;
        }
        return Math.ceil(Math.min(w / TopologyLayout.WIDTH, PREFERRED_SCALE) * layout.height);
    }

    /**
     * Below this scale the page stops shrinking to fit the height and scrolls instead: the smallest text (13 units on
     * the page) is then still 11 px on screen. Only the largest topologies (15 replicas, 10 groups) reach it.
     */
    public static final double MIN_READABLE_SCALE = 11.0 / PageDrawing.SMALLEST_TEXT;
    /** The scale the page asks for when it has room (its preferred height); it grows past it to fill the view. */
    static final double PREFERRED_SCALE = 1.3;
    /** Zoom limits, as a factor of the fit (1 = fit). */
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 4;
    private static final double ZOOM_STEP = 1.25;

    private final javafx.beans.property.DoubleProperty zoom = new javafx.beans.property.SimpleDoubleProperty(this,
            "zoom", 1);

    /** The canvas's zoom as a factor of the fit: 1 fits the page to the view (Ctrl+0), more enlarges and scrolls. */
    public javafx.beans.property.DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Ctrl+plus: one step larger, up to {@link #MAX_ZOOM}. */
    public void zoomIn() {
        setZoom(zoom.get() * ZOOM_STEP);
    }

    /** Ctrl+minus: one step smaller, down to {@link #MIN_ZOOM}. */
    public void zoomOut() {
        setZoom(zoom.get() / ZOOM_STEP);
    }

    /** Ctrl+0: the whole page fits the view again. */
    public void zoomToFit() {
        setZoom(1);
    }

    /** Sets the zoom (clamped; a value within 2 % of 1 snaps to the fit, so steps in and out come back to it). */
    public void setZoom(double z) {
        if (Double.isNaN(z)) {
            return;
        }
        double clamped = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
        zoom.set(Math.abs(clamped - 1) < 0.02 ? 1 : clamped);
    }

    /** Zooms by {@code factor} keeping the page point under (px, py) where it is (Ctrl+wheel). */
    private void zoomAt(double factor, double px, double py) {
        if (layout == null) {
            return;
        }
        TopologyLayout.Fit before = fit();
        double lx = before.toLogicalX(px);
        double ly = before.toLogicalY(py);
        setZoom(zoom.get() * factor);
        layoutChildren();
        TopologyLayout.Fit after = fit();
        // scroll so that the logical point is back under the mouse
        hbar.setValue(Math.max(0, Math.min(hbar.getMax(), lx * after.scale() - px)));
        vbar.setValue(Math.max(0, Math.min(vbar.getMax(), ly * after.scale() - py)));
        redraw();
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    public void setPalette(Palette p) {
        this.palette = p;
        redraw();
    }

    /** Nanoseconds the last redraw took on the JavaFX thread (recording the draw commands), for the render bench. */
    public long lastDrawNanos() {
        return drawNanos;
    }

    /** The distance-to-failure overlay drawn on this picture (key D): its state, and the marks' analysis. */
    public DistanceOverlay distance() {
        return distance;
    }

    public TopologyLayout layoutNow() {
        return layout;
    }

    public void redraw() {
        // in a Global Database, the region the learner chose (the primary unless they picked another)
        EngineSnapshot s = vm.viewSnapshot();
        if (s == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        TopologyLayout previous = layout;
        layout = TopologyLayout.of(s, previous, compact, distance.isShown());
        if (previous == null || previous.height != layout.height) {
            // the page's height changed: so do this view's preferred and minimum heights
            requestLayout();
        }
        FailureDistance d = distance.current();
        TopologyRenderer.draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), fit(), s, layout,
                palette, vm.selection(), d);
        String pending = distance.pendingNote();
        if (pending != null) {
            // a huge volume's analysis is being worked out off this thread: the caption says so
            DistanceMarks.drawNote(canvas.getGraphicsContext2D(), fit(), d, s, layout, palette, pending);
        }
        Spotlight.draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), fit(), layout, palette,
                spotlight);
        drawNanos = System.nanoTime() - t0;
    }

    /** The element at a point in canvas pixels, or null. */
    public Selection elementAt(double px, double py) {
        if (layout == null) {
            return null;
        }
        TopologyLayout.Fit fit = fit();
        return layout.hitTest(fit.toLogicalX(px), fit.toLogicalY(py));
    }

    /** A box of the page in canvas pixels as drawn now ({x, y, w, h}), or null before the first layout. */
    public double[] onCanvas(Box b) {
        if (layout == null || b == null) {
            return null;
        }
        TopologyLayout.Fit fit = fit();
        return new double[] {fit.offsetX() + b.x() * fit.scale(), fit.offsetY() + b.y() * fit.scale(),
                b.w() * fit.scale(), b.h() * fit.scale()};
    }

    /** The canvas the page is drawn on (its size is the part of the view not taken by scroll bars). */
    public Canvas canvas() {
        return canvas;
    }

    /** Canvas-pixel centre of an element, for tests and for placing menus. */
    public double[] centreOf(Selection s) {
        if (layout == null || s == null) {
            return null;
        }
        Box b = switch (s.kind()) {
            case INSTANCE -> layout.instances.get(s.id());
            case STORAGE_NODE -> layout.nodes.get(s.id());
            case SEGMENT -> layout.pgChips.get(s.id());
            case AVAILABILITY_ZONE -> layout.azHeaders.get(s.id());
            case PROTECTION_GROUP -> layout.pgRows.get(s.id());
            case ENDPOINT -> "cluster".equals(s.id()) ? layout.writerEndpoint : layout.readerEndpoint;
            default -> null;
        };
        if (b == null) {
            return null;
        }
        TopologyLayout.Fit fit = fit();
        // a protection group row is covered by its copies in the middle: its label is the group's own spot
        double x = s.kind() == Selection.Kind.PROTECTION_GROUP ? b.x() + 30 : b.cx();
        return new double[] {fit.offsetX() + x * fit.scale(), fit.offsetY() + b.cy() * fit.scale()};
    }

    private void onPress(MouseEvent e) {
        menu.hide();
        Selection s = elementAt(e.getX(), e.getY());
        vm.select(s);
        if (e.getButton() == MouseButton.SECONDARY || e.isPopupTrigger()) {
            showMenu(s, e.getScreenX(), e.getScreenY());
        } else if (why != null && s != null && s.kind() == Selection.Kind.PROTECTION_GROUP) {
            // a group's row is its quorum gauge: a click asks why it reads what it reads (its copies are chips)
            why.show(dev.auroralab.teach.WhySubject.pg(s.id()), canvas, e.getScreenX(), e.getScreenY());
        }
        requestFocus();
    }

    private dev.auroralab.ui.WhyPopOver why;

    /** Where a click on a protection group's row and the menus' "Why?" item open their trace. */
    public void setWhy(dev.auroralab.ui.WhyPopOver why) {
        this.why = why;
    }

    private void onMove(MouseEvent e) {
        Selection s = elementAt(e.getX(), e.getY());
        String distanceLine = distance.tooltipLine(s);
        String text = s == null ? null : (s.kind() == Selection.Kind.PROTECTION_GROUP
                ? s.describe() + " · click: why does its gauge read so? (W) · right-click for actions"
                : s.describe() + " · click to inspect, right-click for actions (F fail, R restore, W why)")
                + (distanceLine == null ? "" : "\n" + distanceLine);
        if (text == null) {
            tip.hide();
        } else if (!text.equals(tip.getText())) {
            tip.setText(text);
        }
    }

    /** Opens the actions of {@code s} at a screen point; public so keyboard users (the menu key) reach it too. */
    public void showMenu(Selection s, double screenX, double screenY) {
        menu.getItems().setAll(menuItems(s));
        if (!menu.getItems().isEmpty()) {
            menu.show(canvas, screenX, screenY);
        }
    }

    /**
     * Selects the next ({@code step} = 1) or previous (-1) element in {@link TopologyLayout#keyboardOrder()}, wrapping
     * around; with nothing selected, the first or the last.
     */
    public void selectAdjacent(int step) {
        if (layout == null) {
            return;
        }
        java.util.List<Selection> order = new java.util.ArrayList<>();
        EngineSnapshot s = vm.snapshot();
        if (s != null && s.isGlobal()) {
            // the regions first: choosing one brings its own elements into the walk
            s.regions().forEach(r -> order.add(Selection.region(r.region())));
        }
        order.addAll(layout.keyboardOrder());
        int at = order.indexOf(vm.selection());
        int next = at < 0 ? (step > 0 ? 0 : order.size() - 1) : Math.floorMod(at + step, order.size());
        vm.select(order.get(next));
        reveal(order.get(next));
    }

    /** Scrolls, when the page scrolls at all, so that the element is in view. */
    public void reveal(Selection s) {
        double[] c = centreOf(s);
        if (c == null) {
            return;
        }
        double margin = 60;
        if (vbar.isVisible() && (c[1] < margin || c[1] > canvas.getHeight() - margin)) {
            vbar.setValue(Math.max(0, Math.min(vbar.getMax(), vbar.getValue() + c[1] - canvas.getHeight() / 2)));
        }
        if (hbar.isVisible() && (c[0] < margin || c[0] > canvas.getWidth() - margin)) {
            hbar.setValue(Math.max(0, Math.min(hbar.getMax(), hbar.getValue() + c[0] - canvas.getWidth() / 2)));
        }
    }

    public void showMenuForSelection() {
        double[] c = centreOf(vm.selection());
        if (c != null) {
            var p = canvas.localToScreen(c[0], c[1]);
            showMenu(vm.selection(), p.getX(), p.getY());
        } else {
            menu.getItems().setAll(menuItems(vm.selection()));
            menu.show(canvas, Side.TOP, 20, 20);
        }
    }

    private List<MenuItem> menuItems(Selection s) {
        List<MenuItem> items = new java.util.ArrayList<>(
                ActionMenus.items(s, TopologyActions.forSelection(s, vm.viewSnapshot()), vm::act));
        double[] c = centreOf(s);
        var at = c == null || canvas.getScene() == null ? null : canvas.localToScreen(c[0], c[1]);
        MenuItem whyItem = why == null || at == null ? null : why.menuItem(s, canvas, at.getX(), at.getY());
        if (whyItem != null) {
            if (!items.isEmpty()) {
                items.add(new javafx.scene.control.SeparatorMenuItem());
            }
            items.add(whyItem);
        }
        return items;
    }
}
