package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.ui.ActionMenus;
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

    public static final String STYLE_CLASS = "topology-view";
    public static final String CANVAS_ID = "topologyCanvas";

    private final SimulationViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ContextMenu menu = new ContextMenu();
    private final Tooltip tip = new Tooltip();
    private Palette palette = Palette.LIGHT;
    private TopologyLayout layout;
    private long drawNanos;

    public TopologyView(SimulationViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE_CLASS);
        canvas.setId(CANVAS_ID);
        canvas.setFocusTraversable(false);
        vbar.setOrientation(javafx.geometry.Orientation.VERTICAL);
        vbar.setVisible(false);
        vbar.setFocusTraversable(false);
        getChildren().addAll(canvas, vbar);
        setMinSize(200, 150);
        vbar.valueProperty().addListener((o, a, b) -> redraw());
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (vbar.isVisible()) {
                vbar.setValue(Math.max(0, Math.min(vbar.getMax(), vbar.getValue() - e.getDeltaY())));
                e.consume();
            }
        });
        vm.snapshotProperty().addListener((o, a, b) -> redraw());
        vm.selectionProperty().addListener((o, a, b) -> redraw());
        vm.chosenRegionProperty().addListener((o, a, b) -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        tip.setShowDelay(javafx.util.Duration.millis(400));
        Tooltip.install(canvas, tip);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        boolean scroll = layout != null && layout.overflows(w, h, MIN_READABLE_SCALE);
        double barW = scroll ? Math.max(12, vbar.prefWidth(-1)) : 0;
        vbar.setVisible(scroll);
        if (scroll) {
            vbar.resizeRelocate(w - barW, 0, barW, h);
        }
        double cw = w - barW;
        // a change of the scroll value redraws through its listener; a change of size redraws here
        updateScrollRange(cw, h);
        if (canvas.getWidth() != cw || canvas.getHeight() != h) {
            canvas.setWidth(cw);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** The scroll bar's range in canvas pixels: how far the page at its readable scale reaches below the view. */
    private void updateScrollRange(double cw, double h) {
        if (layout == null || !vbar.isVisible()) {
            vbar.setValue(0);
            return;
        }
        double pageH = layout.height * layout.fit(cw, h, MIN_READABLE_SCALE, 0).scale();
        double overflow = Math.max(0, pageH - h);
        vbar.setMin(0);
        vbar.setMax(overflow);
        vbar.setVisibleAmount(overflow * h / Math.max(1, pageH));
        vbar.setUnitIncrement(40);
        vbar.setBlockIncrement(h * 0.8);
        if (vbar.getValue() > overflow) {
            vbar.setValue(overflow);
        }
    }

    private TopologyLayout.Fit fit() {
        return layout.fit(canvas.getWidth(), canvas.getHeight(), MIN_READABLE_SCALE, vbar.getValue());
    }

    /** The height the page needs at this width: the charts below take whatever is left over. */
    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth();
        if (layout == null || w <= 0) {
            return 400;
        }
        return Math.ceil(w / TopologyLayout.WIDTH * layout.height);
    }

    /**
     * Below this scale the page stops shrinking to fit the height and scrolls instead: at 0.8 the smallest text (12 px
     * on the page) is still about 10 px on screen. Only the largest topologies (15 replicas, 10 groups) reach it.
     */
    public static final double MIN_READABLE_SCALE = 0.8;

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
        layout = TopologyLayout.of(s, previous);
        if (previous == null || previous.height != layout.height) {
            // the page's height changed: so do this view's preferred and minimum heights
            requestLayout();
        }
        TopologyRenderer.draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), fit(), s, layout,
                palette, vm.selection());
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
        }
        requestFocus();
    }

    private void onMove(MouseEvent e) {
        Selection s = elementAt(e.getX(), e.getY());
        String text = s == null ? null : s.describe() + " · click to inspect, right-click for actions (F fail, R restore)";
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
        if (c == null || !vbar.isVisible()) {
            return;
        }
        double margin = 60;
        if (c[1] < margin || c[1] > canvas.getHeight() - margin) {
            vbar.setValue(Math.max(0, Math.min(vbar.getMax(), vbar.getValue() + c[1] - canvas.getHeight() / 2)));
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
        return ActionMenus.items(s, TopologyActions.forSelection(s, vm.viewSnapshot()), vm::act);
    }
}
