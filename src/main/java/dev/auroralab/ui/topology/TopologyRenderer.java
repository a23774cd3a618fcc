package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.MessageKind;
import dev.auroralab.engine.storage.SegmentState;
import static dev.auroralab.ui.topology.PageDrawing.BODY;
import static dev.auroralab.ui.topology.PageDrawing.BOLD;
import static dev.auroralab.ui.topology.PageDrawing.SMALL;
import static dev.auroralab.ui.topology.PageDrawing.SMALL_BOLD;
import static dev.auroralab.ui.topology.PageDrawing.TITLE;
import static dev.auroralab.ui.topology.PageDrawing.arrow;
import static dev.auroralab.ui.topology.PageDrawing.diamond;
import static dev.auroralab.ui.topology.PageDrawing.grouped;
import static dev.auroralab.ui.topology.PageDrawing.hatch;
import static dev.auroralab.ui.topology.PageDrawing.millis;
import static dev.auroralab.ui.topology.PageDrawing.ring;
import static dev.auroralab.ui.topology.PageDrawing.text;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.teach.FailureDistance;
import dev.auroralab.teach.SingleFault;
import dev.auroralab.ui.Palette;
import dev.auroralab.ui.Selection;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the topology: a pure function of (snapshot, layout, palette, selection). Nothing here remembers the previous
 * frame; a message in flight is drawn at (now - sent) / (arrives - sent) of the way along its path, so pausing,
 * stepping and changing speed never tear the picture. Every state has a glyph, a pattern or a word as well as a
 * colour (docs/decisions/0006).
 */
public final class TopologyRenderer {

    private static final Color ON_LIGHT_FILL = Color.BLACK;

    private TopologyRenderer() {
    }

    public static void draw(GraphicsContext g, double canvasW, double canvasH, TopologyLayout.Fit fit, EngineSnapshot s,
            TopologyLayout l, Palette p, Selection selection) {
        draw(g, canvasW, canvasH, fit, s, l, p, selection, null);
    }

    /**
     * The page, with the distance-to-failure marks of {@code distance} (worked out from the whole snapshot; null
     * while the overlay is off) on the elements of the region drawn.
     */
    public static void draw(GraphicsContext g, double canvasW, double canvasH, TopologyLayout.Fit fit, EngineSnapshot s,
            TopologyLayout l, Palette p, Selection selection, FailureDistance distance) {
        g.save();
        g.setFill(p.background());
        g.fillRect(0, 0, canvasW, canvasH);
        g.translate(fit.offsetX(), fit.offsetY());
        g.scale(fit.scale(), fit.scale());
        g.setTextBaseline(VPos.CENTER);
        g.setLineCap(StrokeLineCap.BUTT);

        for (String az : s.azs()) {
            drawAz(g, az, s.downAzs().contains(az), l, p);
        }
        // the titles go over the arrows, which pass under them as under the cards: "AZ us-east-1b" stays readable
        drawEndpointArrows(g, s, l, p);
        drawStorage(g, s, l, p);
        // messages go under the instance cards and the titles: with many replicas, redo and boxcar paths cross other
        // cards, and a dot must never sit on a replica's name
        drawMessages(g, s, l, p);
        for (String az : s.azs()) {
            drawAzTitle(g, az, s.downAzs().contains(az), l, p,
                    DistanceMarks.tag(distance, SingleFault.Kind.AZ, az));
        }
        drawEndpointPills(g, s, l, p);
        for (InstanceSnapshot i : s.instances()) {
            Box b = l.instances.get(i.id());
            if (b != null) {
                drawInstance(g, i, b, s, p, DistanceMarks.words(distance, SingleFault.Kind.INSTANCE, i.id()));
            }
        }
        ProtectionGroupRows.drawProtectionGroups(g, s, l, p, distance);
        ProtectionGroupRows.drawMoreGroups(g, l, p);
        TopologyLegend.drawLegend(g, l.legend, l.compact, p);
        DistanceMarks.draw(g, distance, s, l, p);
        drawSelection(g, selection, l, p);
        g.restore();
    }

    // ---- AZ columns -------------------------------------------------------------------------------------------------

    private static void drawAz(GraphicsContext g, String az, boolean down, TopologyLayout l, Palette p) {
        Box col = l.azColumns.get(az);
        g.setFill(p.surface());
        g.fillRoundRect(col.x(), col.y(), col.w(), col.h(), 12, 12);
        if (down) {
            g.setFill(p.faultShade());
            g.fillRoundRect(col.x(), col.y(), col.w(), col.h(), 12, 12);
            hatch(g, col, p.fault(), 0.35, 14);
        }
        g.setStroke(down ? p.fault() : p.border());
        g.setLineWidth(down ? 2.5 : 1);
        if (down) {
            g.setLineDashes(8, 5);
        }
        g.strokeRoundRect(col.x(), col.y(), col.w(), col.h(), 12, 12);
        g.setLineDashes();
        // "Storage" label over the node grid
        Double storageTop = l.storageTops.get(az);
        if (storageTop != null) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(SMALL);
            g.setFill(p.mutedText());
            text(g, "storage nodes · the copies they hold (group·copy)", col.x() + 10, storageTop - 10, col.w() - 20);
        }
    }

    private static void drawAzTitle(GraphicsContext g, String az, boolean down, TopologyLayout l, Palette p,
            String distanceTag) {
        Box col = l.azColumns.get(az);
        Box h = l.azHeaders.get(az);
        // repaint the title band inside the border, so endpoint arrows crossing it are hidden behind it
        double inset = 2;
        g.setFill(p.surface());
        g.fillRoundRect(h.x() + inset, h.y() + inset, h.w() - 2 * inset, h.h() - inset, 10, 10);
        if (down) {
            g.setFill(p.faultShade());
            g.fillRoundRect(h.x() + inset, h.y() + inset, h.w() - 2 * inset, h.h() - inset, 10, 10);
            // continue the column's hatch: its lines cross the band's bottom edge further right, by the height between
            // the column's bottom edge and the band's
            hatch(g, new Box(h.x() + inset, h.y() + inset, h.w() - 2 * inset, h.h() - inset), p.fault(), 0.35, 14,
                    col.x() - col.h() + (col.bottom() - h.bottom()));
        }
        g.setFill(p.text());
        g.setFont(TITLE);
        g.setTextAlign(TextAlignment.LEFT);
        text(g, "AZ " + az, h.x() + 10, h.cy());
        if (distanceTag != null) {
            // the overlay's word takes the place of "up": an AZ that is out has no fault left to offer
            DistanceMarks.label(g, distanceTag, h.right() - 10, h.cy(),
                    h.x() + 10 + PageDrawing.widthOf("AZ " + az, TITLE) + 10, p);
            return;
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(down ? BOLD : SMALL);
        g.setFill(down ? p.text() : p.mutedText());
        text(g, down ? "✕ AZ OUT" : "up", h.right() - 10, h.cy());
    }

    // ---- endpoints ----------------------------------------------------------------------------------------------------

    /** Arrows from each endpoint to the instances it reaches now; drawn first, under the cards and titles. */
    private static void drawEndpointArrows(GraphicsContext g, EngineSnapshot s, TopologyLayout l, Palette p) {
        String writerTarget = s.endpoints().clusterEndpoint();
        List<String> readers = s.endpoints().readerEndpoint();
        Box we = l.writerEndpoint;
        if (writerTarget != null && l.instances.containsKey(writerTarget)) {
            Box t = l.instances.get(writerTarget);
            g.setStroke(p.writer());
            g.setLineWidth(2.5);
            arrow(g, we.cx(), we.bottom(), t.cx(), t.y());
        }
        Box re = l.readerEndpoint;
        g.setStroke(p.mutedText());
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        for (String r : readers) {
            Box t = l.instances.get(r);
            if (t != null) {
                arrow(g, re.cx(), re.bottom(), t.cx() + 12, t.y());
            }
        }
        g.setLineDashes();
    }

    private static void drawEndpointPills(GraphicsContext g, EngineSnapshot s, TopologyLayout l, Palette p) {
        String writerTarget = s.endpoints().clusterEndpoint();
        List<String> readers = s.endpoints().readerEndpoint();
        Box we = l.writerEndpoint;
        Box re = l.readerEndpoint;
        // in a Global Database the endpoint can reach an instance of another region (during a switchover): say which
        String where = writerTarget == null || l.instances.containsKey(writerTarget) ? "" : regionOf(writerTarget, s);
        pill(g, we, "Cluster endpoint (writes) → " + (writerTarget == null ? "nowhere" : writerTarget + where), p,
                p.writer(), false);
        String targets = readers.isEmpty() ? "nowhere"
                : readers.size() <= 3 ? String.join(", ", readers) : readers.size() + " instances";
        pill(g, re, "Reader endpoint → " + targets, p, p.mutedText(), true);
    }

    /** " (in us-east-1)" for an instance drawn in no card of this view, or "" when no region holds it. */
    private static String regionOf(String instanceId, EngineSnapshot s) {
        for (EngineSnapshot.RegionSnapshot r : s.regions()) {
            for (InstanceSnapshot i : r.instances()) {
                if (i.id().equals(instanceId)) {
                    return " (in " + r.region() + ")";
                }
            }
        }
        return "";
    }

    private static void pill(GraphicsContext g, Box b, String text, Palette p, Color accent, boolean dashed) {
        g.setFill(p.surfaceRaised());
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), b.h(), b.h());
        g.setStroke(accent);
        g.setLineWidth(2);
        if (dashed) {
            g.setLineDashes(6, 4);
        }
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), b.h(), b.h());
        g.setLineDashes();
        g.setFill(p.text());
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.CENTER);
        text(g, text, b.cx(), b.cy(), b.w() - 16);
    }

    // ---- instances -----------------------------------------------------------------------------------------------------

    private static void drawInstance(GraphicsContext g, InstanceSnapshot i, Box b, EngineSnapshot s, Palette p,
            String distanceTag) {
        boolean writer = i.role() == InstanceRole.WRITER;
        boolean down = i.status() == InstanceStatus.DOWN;
        boolean transitional = !down && i.status() != InstanceStatus.UP;
        double arc = writer ? 4 : 16;
        g.setFill(p.background());
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), arc, arc);
        if (down) {
            g.setFill(p.faultShade());
            g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), arc, arc);
            hatch(g, b, p.fault(), 0.45, 9);
        }
        g.setStroke(down ? p.fault() : writer ? p.writer() : p.border());
        g.setLineWidth(writer ? 3.5 : 1.5);
        if (transitional) {
            g.setLineDashes(6, 4);
        }
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), arc, arc);
        g.setLineDashes();

        // badge: a filled square "W" for the writer, a hollow circle "R" for a reader (shape, not only colour)
        double bx = b.x() + 16;
        double by = b.y() + 16;
        g.setLineWidth(2);
        if (writer) {
            g.setFill(p.writer());
            g.fillRect(bx - 10, by - 10, 20, 20);
            // white on the light theme's dark blue, black on the lighter blues of dark and high contrast
            g.setFill(dev.auroralab.ui.Contrast.inkOn(p.writer()));
        } else {
            g.setStroke(p.text());
            g.strokeOval(bx - 10, by - 10, 20, 20);
            g.setFill(p.text());
        }
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.CENTER);
        text(g, writer ? "W" : "R", bx, by + 1);

        // line 1: what it is (role, id, tier) and, on the right, its class; line 2: its state and its numbers
        boolean oldWriter = s.failoverInProgress() != null && i.id().equals(s.failoverInProgress().from());
        String title = writer ? "WRITER " + i.id() : oldWriter ? i.id() + " · old writer" : i.id() + " · tier " + i.tier();
        String cls = shortClass(i.instanceClass());
        double classW = cls.length() * 7.4;
        g.setFont(SMALL);
        g.setFill(p.mutedText());
        g.setTextAlign(TextAlignment.RIGHT);
        text(g, cls, b.right() - 8, b.y() + 16, classW);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.text());
        g.setFont(BOLD);
        text(g, title, b.x() + 32, b.y() + 16, b.w() - 32 - classW - 16);
        String status = down ? "✕ DOWN" : i.status() == InstanceStatus.UP ? "up" : "⟳ " + i.status().label();
        String numbers;
        if (writer && !down) {
            numbers = "VDL " + grouped(s.volume().vdl()) + " · VCL " + grouped(s.volume().vcl());
        } else if (i.status() == InstanceStatus.UP) {
            numbers = "lag " + millis(i.lagMicros()) + " · LSN " + grouped(i.appliedLsn());
        } else {
            numbers = "not serving";
        }
        g.setFont(down ? BOLD : BODY);
        if (distanceTag != null) {
            // the overlay's words take the numbers' place: what failing this instance next would do
            String shown = status + " · ";
            text(g, shown, b.x() + 10, b.y() + 38, b.w() - 18);
            DistanceMarks.labelAfter(g, distanceTag, b.x() + 10 + PageDrawing.widthOf(shown, BODY), b.y() + 38,
                    b.right() - 8, p);
            return;
        }
        text(g, status + " · " + numbers, b.x() + 10, b.y() + 38, b.w() - 18);
    }

    private static String shortClass(String c) {
        return c.startsWith("db.") ? c.substring(3) : c;
    }

    // ---- storage ---------------------------------------------------------------------------------------------------

    private static void drawStorage(GraphicsContext g, EngineSnapshot s, TopologyLayout l, Palette p) {
        for (StorageNodeSnapshot n : s.storageNodes()) {
            Box b = l.nodes.get(n.id());
            if (b == null) {
                continue;
            }
            g.setFill(p.background());
            g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 6, 6);
            if (!n.up()) {
                hatch(g, b, p.fault(), 0.35, 9);
            }
            g.setStroke(n.up() ? p.border() : p.fault());
            g.setLineWidth(n.up() ? 1 : 2);
            g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 6, 6);
            g.setFill(p.mutedText());
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.LEFT);
            Integer hidden = l.copiesNotDrawn.get(n.id());
            text(g, (n.up() ? "" : "✕ ") + shortNode(n.id()) + (hidden == null ? "" : " +" + grouped(hidden)),
                    b.x() + 5, b.y() + 10, b.w() - 10);
        }
        List<ProtectionGroupSnapshot> groups = s.volume().protectionGroups();
        for (int k = 0; k < l.pgDrawn && k < groups.size(); k++) {
            ProtectionGroupSnapshot pg = groups.get(k);
            String pgNo = pgNumber(pg.id());
            for (SegmentSnapshot seg : pg.segments()) {
                Box chip = l.nodeChips.get(seg.id());
                if (chip != null) {
                    chip(g, chip, seg, pgNo + seg.letter() + glyph(seg.state()), p, SMALL_BOLD);
                }
            }
        }
    }

    /**
     * "pg-0" for "pg-0" and for a secondary region's "eu-west-1/pg-0": the region is the view's title already, and
     * the row and chip have room for the group's own name only.
     */
    public static String shortPg(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }

    /** "0" for "pg-0" or "eu-west-1/pg-0": the group's number on a copy's chip ("0A"). */
    static String pgNumber(String id) {
        String shortId = shortPg(id);
        return shortId.startsWith("pg-") ? shortId.substring(3) : shortId;
    }

    private static String shortNode(String id) {
        return "node " + id.substring(id.lastIndexOf('-') + 1);
    }

    /** A copy: fill, outline and glyph all say its state. */
    static void chip(GraphicsContext g, Box c, SegmentSnapshot seg, String text, Palette p, Font font) {
        Color fill;
        Color ink = ON_LIGHT_FILL;
        boolean dashed = false;
        switch (seg.state()) {
            case UP -> fill = p.ok();
            case CATCHING_UP -> fill = p.catchingUp();
            case REPLACING -> {
                fill = p.replacing();
                dashed = true;
            }
            case DESTROYED -> {
                fill = p.destroyed();
                ink = p.background();
            }
            default -> {
                fill = p.background();
                ink = p.text();
            }
        }
        g.setFill(fill);
        g.fillRoundRect(c.x(), c.y(), c.w(), c.h(), 5, 5);
        if (seg.state() == SegmentState.DOWN) {
            hatch(g, c, p.fault(), 0.6, 6);
        }
        g.setStroke(seg.state() == SegmentState.DOWN ? p.fault() : p.text());
        g.setLineWidth(seg.state() == SegmentState.DOWN ? 2 : 1);
        if (dashed) {
            g.setLineDashes(4, 3);
        }
        if (!seg.inQuorumModel()) {
            g.setLineDashes(2, 3);
            g.setGlobalAlpha(0.7);
        }
        g.strokeRoundRect(c.x(), c.y(), c.w(), c.h(), 5, 5);
        g.setLineDashes();
        g.setFill(ink);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        text(g, text, c.cx(), c.cy() + 1, c.w() - 4);
        if (seg.state() == SegmentState.DESTROYED) {
            g.setStroke(p.fault());
            g.setLineWidth(2);
            g.strokeLine(c.x() + 3, c.cy(), c.right() - 3, c.cy());
        }
        g.setGlobalAlpha(1);
    }

    public static String glyph(SegmentState state) {
        return switch (state) {
            case UP -> "✓";
            case DOWN -> "✕";
            case CATCHING_UP -> "↻";
            case REPLACING -> "+";
            case DESTROYED -> "✖";
        };
    }

    // ---- messages ------------------------------------------------------------------------------------------------------

    /** At most this many dots per path: at 200,000 writes/s a replica has dozens of redo batches on the wire. */
    static final int DOTS_PER_PATH = 4;

    private static void drawMessages(GraphicsContext g, EngineSnapshot s, TopologyLayout l, Palette p) {
        long now = s.nowMicros();
        List<MessageSnapshot> ms = s.messagesInFlight();
        java.util.Arrays.fill(l.dotsOnPath, (byte) 0);
        // newest first (the list is sorted by send time), so the dots kept are the latest on each path
        for (int k = ms.size() - 1; k >= 0; k--) {
            MessageSnapshot m = ms.get(k);
            Box from = endpointOf(m.from(), l);
            Box to = endpointOf(m.to(), l);
            if (from == null || to == null) {
                continue;
            }
            // a path is known by its far end (the copy of a boxcar or an ack, the replica of a redo) and its kind
            String far = m.kind() == MessageKind.ACK ? m.from() : m.to();
            int kind = switch (m.kind()) {
                case BOXCAR -> 0;
                case ACK -> 1;
                default -> 2;
            };
            int path = 3 * l.messageEnds.get(far) + kind;
            int onPath = Math.min(DOTS_PER_PATH + 1, l.dotsOnPath[path] + 1);
            l.dotsOnPath[path] = (byte) onPath;
            // instances send and receive at the bottom edge of their card, so the dots never sit on its text
            double fx = from.cx();
            double fy = l.instances.containsKey(m.from()) ? from.bottom() : from.cy();
            double tx = to.cx();
            double ty = l.instances.containsKey(m.to()) ? to.bottom() : to.cy();
            Color c = switch (m.kind()) {
                case BOXCAR -> p.boxcar();
                case ACK -> p.ack();
                default -> p.redo();
            };
            if (onPath == 1) {
                g.setGlobalAlpha(0.22);
                g.setStroke(c);
                g.setLineWidth(1);
                g.strokeLine(fx, fy, tx, ty);
                g.setGlobalAlpha(1);
            }
            if (onPath > DOTS_PER_PATH) {
                continue;
            }
            double f = m.arrivesMicros() <= m.sentMicros() ? 1
                    : Math.max(0, Math.min(1, (double) (now - m.sentMicros()) / (m.arrivesMicros() - m.sentMicros())));
            double x = fx + (tx - fx) * f;
            double y = fy + (ty - fy) * f;
            g.setFill(c);
            g.setStroke(p.background());
            g.setLineWidth(1);
            switch (m.kind()) {
                case BOXCAR -> {
                    g.fillRect(x - 4.5, y - 4.5, 9, 9);
                    g.strokeRect(x - 4.5, y - 4.5, 9, 9);
                }
                case ACK -> {
                    g.fillOval(x - 4.5, y - 4.5, 9, 9);
                    g.strokeOval(x - 4.5, y - 4.5, 9, 9);
                }
                default -> diamond(g, x, y, 6);
            }
        }
    }

    private static Box endpointOf(String id, TopologyLayout l) {
        Box b = l.instances.get(id);
        return b != null ? b : l.nodeChips.get(id);
    }

    // ---- legend and selection -------------------------------------------------------------------------------------------

    private static void drawSelection(GraphicsContext g, Selection sel, TopologyLayout l, Palette p) {
        if (sel == null) {
            return;
        }
        g.setStroke(p.selection());
        g.setLineWidth(3);
        switch (sel.kind()) {
            case AVAILABILITY_ZONE -> ring(g, l.azColumns.get(sel.id()));
            case INSTANCE -> ring(g, l.instances.get(sel.id()));
            case STORAGE_NODE -> ring(g, l.nodes.get(sel.id()));
            case SEGMENT -> {
                ring(g, l.nodeChips.get(sel.id()));
                ring(g, l.pgChips.get(sel.id()));
            }
            case PROTECTION_GROUP -> ring(g, l.pgRows.get(sel.id()));
            case ENDPOINT -> ring(g, "cluster".equals(sel.id()) ? l.writerEndpoint : l.readerEndpoint);
            default -> {
            }
        }
    }

}
