package dev.auroralab.ui.topology;

import static dev.auroralab.ui.topology.PageDrawing.BOLD;
import static dev.auroralab.ui.topology.PageDrawing.SMALL;
import static dev.auroralab.ui.topology.PageDrawing.text;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.teach.FailureDistance;
import dev.auroralab.teach.SingleFault;
import dev.auroralab.ui.Contrast;
import dev.auroralab.ui.Palette;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The distance-to-failure overlay on the topology: every element whose one more fault is not safe gets a warning
 * triangle (a shape, so the mark never rests on colour): a copy on its chip in its group's row, a storage node in its
 * corner, with a dashed border, an instance and an AZ beside their label ("failover ~27 s (model) · reads stop",
 * "writes stop +3"; an instance also a dashed ring). Each protection group gets a line saying what one more of its
 * copies does, and the page a caption that counts them. A pure function of the distance, the snapshot drawn, the
 * layout and the palette, like the rest of the page (decision 0020).
 */
final class DistanceMarks {

    /** The triangle's size in page units on a copy's chip, and beside a label. */
    static final double CHIP_MARK = 13;
    static final double LABEL_MARK = 15;

    private DistanceMarks() {
    }

    /** "writes stop", or "writes stop +2" when the fault has more effects than the first: the words on the page. */
    static String tag(SingleFault f) {
        return f == null || f.safe() ? null
                : f.shortLabel(f.worst()) + (f.effects().size() > 1 ? " +" + (f.effects().size() - 1) : "");
    }

    /** The tag of an element of the page, or null when the overlay is off or failing it is safe. */
    static String tag(FailureDistance d, SingleFault.Kind kind, String id) {
        return d == null ? null : tag(d.fault(kind, id));
    }

    /** All the effects' words of an element ("failover ~27 s (model) · reads stop"), or null when safe or off. */
    static String words(FailureDistance d, SingleFault.Kind kind, String id) {
        SingleFault f = d == null ? null : d.fault(kind, id);
        return f == null || f.safe() ? null : f.label();
    }

    /** Rings, triangles and the caption; the AZ and instance labels and the groups' lines are drawn with them. */
    static void draw(GraphicsContext g, FailureDistance d, EngineSnapshot s, TopologyLayout l, Palette p) {
        if (d == null) {
            return;
        }
        for (InstanceSnapshot i : s.instances()) {
            Box b = l.instances.get(i.id());
            if (b != null && tag(d, SingleFault.Kind.INSTANCE, i.id()) != null) {
                ring(g, b, 4, p);
            }
        }
        for (StorageNodeSnapshot n : s.storageNodes()) {
            Box b = l.nodes.get(n.id());
            if (b != null && tag(d, SingleFault.Kind.STORAGE_NODE, n.id()) != null) {
                // on the node's own border: the gap to the next node is too narrow for a ring outside it
                ring(g, b, 0, p);
                triangle(g, b.right() - 10, b.y() + 2, CHIP_MARK, p);
            }
        }
        List<ProtectionGroupSnapshot> groups = s.volume().protectionGroups();
        for (int k = 0; k < l.pgDrawn && k < groups.size(); k++) {
            for (SegmentSnapshot seg : groups.get(k).segments()) {
                if (tag(d, SingleFault.Kind.COPY, seg.id()) == null) {
                    continue;
                }
                // on the copy's chip in its group's row, standing out of its top right corner so the copy's name,
                // glyph and SCL stay readable (the chip inside its storage node is left alone: the node has its own
                // mark, and a dozen small triangles there hid the node's name)
                Box row = l.pgChips.get(seg.id());
                if (row != null) {
                    triangle(g, row.right() - 4, row.y() - 7, CHIP_MARK, p);
                }
            }
        }
        caption(g, d, s, l, p);
    }

    /** A region card of the Global Database's strip whose failure is not safe: a dashed ring and a triangle. */
    static void drawRegions(GraphicsContext g, FailureDistance d, EngineSnapshot s, GlobalStripLayout l, Palette p) {
        if (d == null) {
            return;
        }
        for (var e : l.cards.entrySet()) {
            if (tag(d, SingleFault.Kind.REGION, e.getKey()) != null) {
                Box b = e.getValue();
                ring(g, b, 4, p);
                // bottom right: the top right holds the managed RPO's tag, the left the region's badge and words
                triangle(g, b.right() - 14, b.bottom() - LABEL_MARK - 3, LABEL_MARK, p);
            }
        }
    }

    /**
     * The caption again, with a note ("working it out for 26,215 protection groups…", "updating…") while the
     * analysis of a huge volume is worked out off the JavaFX thread; {@code d} is the last one, or null before it.
     */
    static void drawNote(GraphicsContext g, TopologyLayout.Fit fit, FailureDistance d, EngineSnapshot s,
            TopologyLayout l, Palette p, String note) {
        g.save();
        g.translate(fit.offsetX(), fit.offsetY());
        g.scale(fit.scale(), fit.scale());
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        caption(g, d, s, l, p, note);
        g.restore();
    }

    /** The caption, on the protection groups' title line: how many single faults do what, in the region drawn. */
    private static void caption(GraphicsContext g, FailureDistance d, EngineSnapshot s, TopologyLayout l, Palette p) {
        caption(g, d, s, l, p, null);
    }

    private static void caption(GraphicsContext g, FailureDistance d, EngineSnapshot s, TopologyLayout l, Palette p,
            String note) {
        Box b = l.distanceCaption;
        if (b == null) {
            return;
        }
        g.setFill(p.surfaceRaised());
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 8, 8);
        triangle(g, b.x() + 12, b.cy() - LABEL_MARK * 0.45, LABEL_MARK, p);
        String where = s.isGlobal() ? " in " + s.region() : "";
        String caption = d == null ? "Distance to failure: " + note
                : d.caption(s.region()) + where + (note == null ? "" : " · " + note);
        double room = b.w() - 32;
        if (PageDrawing.widthOf(caption, BOLD) > room) {
            // a long count (a Global Database region) drops its filler words before its text is squeezed
            caption = caption.replace(" single faults", "").replace(" single fault", "")
                    .replaceFirst(" · \\d+ safe", "");
        }
        g.setFill(p.text());
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.LEFT);
        text(g, caption, b.x() + 24, b.cy(), room);
        // a failover's "~27 s" on the marks is a model value: said here too, as the marks drop "(model)" when short
        boolean times = d != null && d.count(dev.auroralab.teach.FaultEffect.FAILOVER, s.region()) > 0;
        String hint = times ? "failover times: model values · hover for why · D hides" : "hover for why · D hides";
        double used = PageDrawing.widthOf(caption, BOLD);
        if (times && used + PageDrawing.widthOf(hint, SMALL) + 24 >= room) {
            hint = "failover times: model values";
        }
        if (used + PageDrawing.widthOf(hint, SMALL) + 24 < room) {
            g.setFont(SMALL);
            g.setFill(p.mutedText());
            g.setTextAlign(TextAlignment.RIGHT);
            text(g, hint, b.right() - 8, b.cy());
        }
    }

    /** A group's line under its gauge: what one more of its copies would do, or null when none is marked. */
    static String groupLine(FailureDistance d, ProtectionGroupSnapshot pg) {
        return d == null ? null : dev.auroralab.ui.DistanceOverlay.groupSummary(d, pg);
    }

    /** "one more copy: writes stop", without the copies' letters, for a narrow gauge column; null if none. */
    static String shortGroupLine(FailureDistance d, ProtectionGroupSnapshot pg) {
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        for (SegmentSnapshot seg : pg.segments()) {
            String t = tag(d, SingleFault.Kind.COPY, seg.id());
            if (t != null) {
                words.add(t);
            }
        }
        return words.isEmpty() ? null : "one more copy: " + String.join(" / ", words);
    }

    /**
     * A label with its triangle, right-aligned at {@code right}: "▲ writes stop" on an AZ's title band or an
     * instance's card. Returns the label's left edge.
     */
    static double label(GraphicsContext g, String tag, double right, double cy, double leftLimit, Palette p) {
        if (right - PageDrawing.widthOf(tag, BOLD) - LABEL_MARK - 4 < leftLimit && tag.contains(" +")) {
            tag = tag.substring(0, tag.lastIndexOf(" +")); // the rest is in the caption, the tooltip, the inspector
        }
        if (right - PageDrawing.widthOf(tag, BOLD) - LABEL_MARK - 4 < leftLimit) {
            tag = withoutModelNote(tag);
        }
        double w = Math.min(PageDrawing.widthOf(tag, BOLD), right - leftLimit - LABEL_MARK - 4);
        g.setFill(p.text());
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.RIGHT);
        text(g, tag, right, cy, w);
        double left = right - w - LABEL_MARK - 4;
        triangle(g, left + LABEL_MARK / 2, cy - LABEL_MARK / 2 + 1, LABEL_MARK, p);
        return left;
    }

    /**
     * A label after its triangle, from {@code left}: "▲ failover ~27 s (model) · reads stop" on an instance's second
     * line; when all the words do not fit before {@code right}, the first effect's and how many more ("+1").
     */
    static void labelAfter(GraphicsContext g, String words, double left, double cy, double right, Palette p) {
        triangle(g, left + LABEL_MARK / 2, cy - LABEL_MARK / 2, LABEL_MARK, p);
        double x = left + LABEL_MARK + 4;
        String shown = words;
        String[] parts = words.split(" · ");
        if (parts.length > 1 && x + PageDrawing.widthOf(words, BOLD) > right) {
            shown = parts[0] + " +" + (parts.length - 1);
        }
        if (x + PageDrawing.widthOf(shown, BOLD) > right) {
            shown = withoutModelNote(shown);
        }
        g.setFill(p.text());
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.LEFT);
        text(g, shown, x, cy, right - x);
    }

    /**
     * "failover ~17 s" for "failover ~17 s (model)": the last words to go before the text would be squeezed (the
     * tooltip, the inspector and the reason still say it is a model value).
     */
    static String withoutModelNote(String tag) {
        return tag.replace(" (model)", "");
    }

    /** A dashed ring {@code out} units outside a box: the element is one fault from something. */
    private static void ring(GraphicsContext g, Box b, double out, Palette p) {
        g.setStroke(p.text());
        g.setLineWidth(2);
        g.setLineDashes(4, 3);
        g.strokeRoundRect(b.x() - out, b.y() - out, b.w() + 2 * out, b.h() + 2 * out, 6 + 2 * out, 6 + 2 * out);
        g.setLineDashes();
    }

    /**
     * A warning triangle, point up, whose top sits at ({@code cx}, {@code top}): the warning fill, an outline in the
     * text colour, and an exclamation mark in the ink that reads on the fill, drawn as a bar and a dot (no text, so
     * it stays crisp at any scale).
     */
    static void triangle(GraphicsContext g, double cx, double top, double size, Palette p) {
        double h = size * 0.9;
        double[] xs = {cx, cx + size / 2, cx - size / 2};
        double[] ys = {top, top + h, top + h};
        g.setFill(p.warning());
        g.fillPolygon(xs, ys, 3);
        g.setStroke(p.text());
        g.setLineWidth(1.3);
        g.strokePolygon(xs, ys, 3);
        g.setStroke(Contrast.inkOn(p.warning()));
        g.setLineWidth(Math.max(1.5, size / 8));
        g.strokeLine(cx, top + h * 0.32, cx, top + h * 0.66);
        g.setFill(Contrast.inkOn(p.warning()));
        double dot = Math.max(1.8, size / 7);
        g.fillOval(cx - dot / 2, top + h * 0.76, dot, dot);
    }
}
