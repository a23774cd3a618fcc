package dev.auroralab.ui.topology;

import dev.auroralab.engine.storage.SegmentState;
import static dev.auroralab.ui.topology.PageDrawing.SMALL;
import static dev.auroralab.ui.topology.PageDrawing.SMALL_BOLD;
import static dev.auroralab.ui.topology.PageDrawing.diamond;
import static dev.auroralab.ui.topology.PageDrawing.text;

import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.ui.Palette;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The topology's legend: the copies' states by chip and glyph, the three kinds of message by shape, what hatching and dashes mean. */
final class TopologyLegend {

    private TopologyLegend() {
    }

    private static final SegmentState[] LEGEND_STATES = {SegmentState.UP, SegmentState.CATCHING_UP,
        SegmentState.REPLACING, SegmentState.DOWN, SegmentState.DESTROYED};
    private static final SegmentSnapshot[] LEGEND_CHIPS = java.util.Arrays.stream(LEGEND_STATES)
            .map(st -> new SegmentSnapshot("", "", ' ', "", "", st, 0, false, true, false)).toArray(SegmentSnapshot[]::new);
    private static final Map<String, Double> LEGEND_WIDTHS = new HashMap<>();

    /**
     * Two lines: the copies' states and what hatching and dashes mean; then the messages and what a faded outline
     * means. Each item is placed after the measured width of the one before, so none runs into the next.
     */
    static void drawLegend(GraphicsContext g, Box b, boolean oneLine, Palette p) {
        double line = oneLine ? b.h() : b.h() / 2;
        double y = b.y() + line / 2;
        double x = b.x();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(SMALL);
        for (int k = 0; k < LEGEND_STATES.length; k++) {
            SegmentState st = LEGEND_STATES[k];
            TopologyRenderer.chip(g, new Box(x, y - 9, 24, 18), LEGEND_CHIPS[k], TopologyRenderer.glyph(st), p, SMALL_BOLD);
            g.setFill(p.text());
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.LEFT);
            text(g, st.label(), x + 29, y);
            x += 29 + legendWidth(st.label()) + 16;
        }
        if (oneLine) {
            // presenter mode: the states and the messages on one line; the explanations are the presenter's to give
            x += 8;
        } else {
            g.setFill(p.mutedText());
            text(g, "· hatched: out or blocked · dashed outline: changing", x, y);
            y += line;
            x = b.x();
        }
        g.setFill(p.boxcar());
        g.fillRect(x + 1, y - 4.5, 9, 9);
        g.setFill(p.text());
        text(g, "boxcar → copy", x + 16, y);
        x += 16 + legendWidth("boxcar → copy") + 20;
        g.setFill(p.ack());
        g.fillOval(x + 1, y - 4.5, 9, 9);
        g.setFill(p.text());
        text(g, "ack → writer", x + 16, y);
        x += 16 + legendWidth("ack → writer") + 20;
        g.setFill(p.redo());
        diamond(g, x + 6, y, 6);
        g.setFill(p.text());
        text(g, "redo → replica", x + 16, y);
        x += 16 + legendWidth("redo → replica") + 20;
        if (!oneLine) {
            g.setFill(p.mutedText());
            text(g, "· faded outline: not counted in the quorum", x, y);
        }
    }

    /** A legend word's width at the legend's font, in page units, measured once. */
    private static double legendWidth(String text) {
        return LEGEND_WIDTHS.computeIfAbsent(text, t -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text(t);
            probe.setFont(SMALL);
            return probe.getLayoutBounds().getWidth();
        });
    }
}
