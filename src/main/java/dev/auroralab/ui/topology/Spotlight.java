package dev.auroralab.ui.topology;

import dev.auroralab.ui.Palette;
import dev.auroralab.ui.Selection;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;

/**
 * A lesson step's spotlight over the topology: everything but the named elements is dimmed, and each named element
 * gets a thick dashed ring, so it stands out by shape and contrast, not by colour alone. A pure function of (layout,
 * elements), drawn after the topology in the same coordinates.
 */
public final class Spotlight {

    /** How much the rest of the picture is dimmed: enough to lead the eye, not enough to hide it. */
    static final double DIM_ALPHA = 0.45;

    private Spotlight() {
    }

    /** The boxes of {@code elements} in {@code l} (a copy is its chip on its node and its chip in its PG's row). */
    static List<Box> boxes(TopologyLayout l, List<Selection> elements) {
        List<Box> out = new ArrayList<>();
        for (Selection s : elements) {
            switch (s.kind()) {
                case AVAILABILITY_ZONE -> add(out, l.azColumns.get(s.id()));
                case INSTANCE -> add(out, l.instances.get(s.id()));
                case STORAGE_NODE -> add(out, l.nodes.get(s.id()));
                case ENDPOINT -> add(out, "cluster".equals(s.id()) ? l.writerEndpoint
                        : "reader".equals(s.id()) ? l.readerEndpoint : null);
                case SEGMENT -> {
                    add(out, l.nodeChips.get(s.id()));
                    add(out, l.pgChips.get(s.id()));
                }
                case PROTECTION_GROUP -> {
                    // the group's row and its six copies on their storage nodes: "two in each AZ" is seen there
                    add(out, l.pgRows.get(s.id()));
                    l.nodeChips.entrySet().stream().filter(e -> e.getKey().startsWith(s.id() + "/"))
                            .sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> add(out, e.getValue()));
                }
                default -> {
                }
            }
        }
        return out;
    }

    private static void add(List<Box> out, Box b) {
        if (b != null) {
            out.add(b);
        }
    }

    /**
     * Draws the spotlight; nothing when {@code elements} is empty or names nothing on this page.
     *
     * @param g the topology's canvas, not yet transformed
     */
    public static void draw(GraphicsContext g, double canvasW, double canvasH, TopologyLayout.Fit fit,
            TopologyLayout l, Palette p, List<Selection> elements) {
        List<Box> boxes = boxes(l, elements);
        if (boxes.isEmpty()) {
            return;
        }
        g.save();
        g.translate(fit.offsetX(), fit.offsetY());
        g.scale(fit.scale(), fit.scale());
        double pad = 5;
        // the whole page with a hole for each element (even-odd: the holes are left undimmed)
        g.beginPath();
        double x0 = -fit.offsetX() / fit.scale();
        double y0 = -fit.offsetY() / fit.scale();
        g.rect(x0, y0, canvasW / fit.scale(), canvasH / fit.scale());
        for (Box b : boxes) {
            g.rect(b.x() - pad, b.y() - pad, b.w() + 2 * pad, b.h() + 2 * pad);
        }
        g.setFillRule(FillRule.EVEN_ODD);
        Color bg = p.background();
        g.setFill(Color.color(bg.getRed(), bg.getGreen(), bg.getBlue(), DIM_ALPHA));
        g.fill();
        g.setStroke(p.selection());
        g.setLineWidth(4);
        g.setLineDashes(10, 6);
        for (Box b : boxes) {
            g.strokeRoundRect(b.x() - pad, b.y() - pad, b.w() + 2 * pad, b.h() + 2 * pad, 12, 12);
        }
        g.restore();
    }
}
