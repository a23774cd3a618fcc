package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.ui.Hatch;
import dev.auroralab.ui.Numbers;
import dev.auroralab.ui.Palette;
import dev.auroralab.ui.Selection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;

/**
 * Draws the topology: a pure function of (snapshot, layout, palette, selection). Nothing here remembers the previous
 * frame; a message in flight is drawn at (now - sent) / (arrives - sent) of the way along its path, so pausing,
 * stepping and changing speed never tear the picture. Every state has a glyph, a pattern or a word as well as a
 * colour (docs/decisions/0006).
 */
public final class TopologyRenderer {

    private static final String FAMILY = "System";
    /*
     * Sizes in page units: the smallest is 13, so text stays at 11 px or more down to the view's readable scale
     * (TopologyView.MIN_READABLE_SCALE), and reaches 16 px in presenter mode at 1280x720.
     */
    private static final Font TITLE = Font.font(FAMILY, FontWeight.BOLD, 16);
    private static final Font BOLD = Font.font(FAMILY, FontWeight.BOLD, 14);
    private static final Font BODY = Font.font(FAMILY, FontWeight.NORMAL, 14);
    private static final Font SMALL = Font.font(FAMILY, FontWeight.NORMAL, 13);
    private static final Font SMALL_BOLD = Font.font(FAMILY, FontWeight.BOLD, 13);
    /** The smallest text size on the page, in page units. */
    public static final double SMALLEST_TEXT = 13;
    private static final Color ON_LIGHT_FILL = Color.BLACK;

    private TopologyRenderer() {
    }

    public static void draw(GraphicsContext g, double canvasW, double canvasH, TopologyLayout.Fit fit, EngineSnapshot s,
            TopologyLayout l, Palette p, Selection selection) {
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
            drawAzTitle(g, az, s.downAzs().contains(az), l, p);
        }
        drawEndpointPills(g, s, l, p);
        for (InstanceSnapshot i : s.instances()) {
            Box b = l.instances.get(i.id());
            if (b != null) {
                drawInstance(g, i, b, s, p);
            }
        }
        drawProtectionGroups(g, s, l, p);
        drawMoreGroups(g, l, p);
        drawLegend(g, l.legend, l.compact, p);
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

    private static void drawAzTitle(GraphicsContext g, String az, boolean down, TopologyLayout l, Palette p) {
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

    static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2 - 2);
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double len = 9;
        double a1 = angle + Math.PI - 0.4;
        double a2 = angle + Math.PI + 0.4;
        g.setLineDashes();
        g.strokeLine(x2, y2, x2 + len * Math.cos(a1), y2 + len * Math.sin(a1));
        g.strokeLine(x2, y2, x2 + len * Math.cos(a2), y2 + len * Math.sin(a2));
    }

    // ---- instances -----------------------------------------------------------------------------------------------------

    private static void drawInstance(GraphicsContext g, InstanceSnapshot i, Box b, EngineSnapshot s, Palette p) {
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
    private static void chip(GraphicsContext g, Box c, SegmentSnapshot seg, String text, Palette p, Font font) {
        Color fill;
        Color ink = ON_LIGHT_FILL;
        boolean dashed = false;
        switch (seg.state()) {
            case "up" -> fill = p.ok();
            case "catching up" -> fill = p.catchingUp();
            case "replacing" -> {
                fill = p.replacing();
                dashed = true;
            }
            case "destroyed" -> {
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
        if ("down".equals(seg.state())) {
            hatch(g, c, p.fault(), 0.6, 6);
        }
        g.setStroke("down".equals(seg.state()) ? p.fault() : p.text());
        g.setLineWidth("down".equals(seg.state()) ? 2 : 1);
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
        if ("destroyed".equals(seg.state())) {
            g.setStroke(p.fault());
            g.setLineWidth(2);
            g.strokeLine(c.x() + 3, c.cy(), c.right() - 3, c.cy());
        }
        g.setGlobalAlpha(1);
    }

    public static String glyph(String state) {
        return switch (state) {
            case "up" -> "✓";
            case "down" -> "✕";
            case "catching up" -> "↻";
            case "replacing" -> "+";
            case "destroyed" -> "✖";
            default -> "?";
        };
    }

    // ---- protection groups -------------------------------------------------------------------------------------------

    private static void drawProtectionGroups(GraphicsContext g, EngineSnapshot s, TopologyLayout l, Palette p) {
        if (l.pgRows.isEmpty()) {
            return;
        }
        Box first = l.pgRows.values().iterator().next();
        g.setFill(p.text());
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.LEFT);
        text(g, "Protection groups · 6 copies each, 2 per AZ · a write needs 4 of 6, a read 3 of 6",
                first.x(), first.y() - 12);
        List<ProtectionGroupSnapshot> groups = s.volume().protectionGroups();
        for (int k = 0; k < l.pgDrawn && k < groups.size(); k++) {
            ProtectionGroupSnapshot pg = groups.get(k);
            Box row = l.pgRows.get(pg.id());
            if (row == null) {
                continue;
            }
            boolean broken = !pg.writeQuorum();
            g.setFill(broken ? p.faultShade() : p.surface());
            g.fillRoundRect(row.x(), row.y(), row.w(), row.h(), 8, 8);
            if (!pg.readQuorum()) {
                hatch(g, row, p.fault(), 0.3, 10);
            }
            g.setFill(p.text());
            g.setFont(BOLD);
            g.setTextAlign(TextAlignment.LEFT);
            text(g, shortPg(pg.id()), row.x() + 8, row.cy(), TopologyLayout.PG_LABEL - 12);
            for (SegmentSnapshot seg : pg.segments()) {
                Box chip = l.pgChips.get(seg.id());
                if (chip != null) {
                    chip(g, chip, seg, seg.letter() + " " + glyph(seg.state()) + " " + grouped(seg.scl()), p,
                            SMALL_BOLD);
                }
            }
            double gx = l.gaugeX;
            double room = row.right() - gx - 6;
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(p.text());
            g.setFont(BOLD);
            if (l.gaugeOnThreeLines) {
                text(g, writeGauge(pg), gx, row.y() + 9, room);
                text(g, readGauge(pg), gx, row.y() + 25, room);
                g.setFont(SMALL);
                g.setFill(p.mutedText());
                text(g, quorumSets(pg), gx, row.y() + 40, room);
            } else {
                g.setFont(SMALL_BOLD);
                text(g, gauge(pg), gx, row.y() + 9, room);
                g.setFont(SMALL);
                g.setFill(p.mutedText());
                text(g, quorumSets(pg), gx, row.y() + 24, room);
            }
        }
    }

    /** "+ 13,095 more protection groups not drawn (pg-12 to pg-13106)", under the rows of a very large volume. */
    private static void drawMoreGroups(GraphicsContext g, TopologyLayout l, Palette p) {
        Box b = l.moreGroups;
        if (b == null) {
            return;
        }
        int more = l.pgTotal - l.pgDrawn;
        g.setFill(p.text());
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.LEFT);
        text(g, "+ " + grouped(more) + " more protection groups not drawn (pg-" + l.pgDrawn + " to pg-"
                + (l.pgTotal - 1) + "): the inspector, the event log and the charts count every one", b.x() + 8,
                b.cy(), b.w() - 16);
    }

    /** "writes 5/6 (need 4) ✓ · reads 5/6 (need 3) ✓": the line a teacher points at. */
    public static String gauge(ProtectionGroupSnapshot pg) {
        return writeGauge(pg) + " · " + readGauge(pg);
    }

    /** "writes 5/6 (need 4) ✓": the gauge's first half, a line of its own when the row is narrow. */
    public static String writeGauge(ProtectionGroupSnapshot pg) {
        return "writes " + pg.writableCopies() + "/" + pg.copiesInModel() + " (need " + pg.writeQuorumNeeded() + ") "
                + (pg.writeQuorum() ? "✓" : "✗");
    }

    /** "reads 5/6 (need 3) ✓". */
    public static String readGauge(ProtectionGroupSnapshot pg) {
        return "reads " + pg.readableCopies() + "/" + pg.copiesInModel() + " (need " + pg.readQuorumNeeded() + ") "
                + (pg.readQuorum() ? "✓" : "✗");
    }

    /** The quorum sets in force: two during a membership change (ABCDEF ∧ ABCDEG), with the degraded 3/4 noted. */
    public static String quorumSets(ProtectionGroupSnapshot pg) {
        String sets = String.join(" ∧ ", pg.writeSet());
        String degraded = pg.degradedExcludedAz() == null ? "" : " · degraded, " + pg.degradedExcludedAz() + " left out";
        return "write set " + sets + degraded + " · epoch " + pg.membershipEpoch();
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
            String far = "ack".equals(m.kind()) ? m.from() : m.to();
            int kind = switch (m.kind()) {
                case "boxcar" -> 0;
                case "ack" -> 1;
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
                case "boxcar" -> p.boxcar();
                case "ack" -> p.ack();
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
                case "boxcar" -> {
                    g.fillRect(x - 4.5, y - 4.5, 9, 9);
                    g.strokeRect(x - 4.5, y - 4.5, 9, 9);
                }
                case "ack" -> {
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

    private static final double[] DIAMOND_X = new double[4];
    private static final double[] DIAMOND_Y = new double[4];

    /** A redo dot. The corner arrays are reused (FX thread only): fillPolygon copies them into the draw buffer. */
    private static void diamond(GraphicsContext g, double x, double y, double r) {
        DIAMOND_X[0] = x;
        DIAMOND_X[1] = x + r;
        DIAMOND_X[2] = x;
        DIAMOND_X[3] = x - r;
        DIAMOND_Y[0] = y - r;
        DIAMOND_Y[1] = y;
        DIAMOND_Y[2] = y + r;
        DIAMOND_Y[3] = y;
        g.fillPolygon(DIAMOND_X, DIAMOND_Y, 4);
    }

    // ---- legend and selection -------------------------------------------------------------------------------------------

    private static final String[] LEGEND_STATES = {"up", "catching up", "replacing", "down", "destroyed"};
    private static final SegmentSnapshot[] LEGEND_CHIPS = java.util.Arrays.stream(LEGEND_STATES)
            .map(st -> new SegmentSnapshot("", "", ' ', "", "", st, 0, false, true)).toArray(SegmentSnapshot[]::new);
    private static final Map<String, Double> LEGEND_WIDTHS = new HashMap<>();

    /**
     * Two lines: the copies' states and what hatching and dashes mean; then the messages and what a faded outline
     * means. Each item is placed after the measured width of the one before, so none runs into the next.
     */
    private static void drawLegend(GraphicsContext g, Box b, boolean oneLine, Palette p) {
        double line = oneLine ? b.h() : b.h() / 2;
        double y = b.y() + line / 2;
        double x = b.x();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(SMALL);
        for (int k = 0; k < LEGEND_STATES.length; k++) {
            String st = LEGEND_STATES[k];
            chip(g, new Box(x, y - 9, 24, 18), LEGEND_CHIPS[k], glyph(st), p, SMALL_BOLD);
            g.setFill(p.text());
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.LEFT);
            text(g, st, x + 29, y);
            x += 29 + legendWidth(st) + 16;
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

    static void ring(GraphicsContext g, Box b) {
        if (b != null) {
            g.strokeRoundRect(b.x() - 3, b.y() - 3, b.w() + 6, b.h() + 6, 10, 10);
        }
    }

    static void hatch(GraphicsContext g, Box b, Color c, double alpha, double step) {
        hatch(g, b, c, alpha, step, b.x() - b.h());
    }

    /** Hatches the box; its lines cross the box's bottom edge where x ≡ {@code phase} (mod {@code step}). */
    private static void hatch(GraphicsContext g, Box b, Color c, double alpha, double step, double phase) {
        g.save();
        g.setStroke(c);
        g.setGlobalAlpha(alpha);
        g.setLineWidth(1.5);
        Hatch.diagonal(g, b.x(), b.y(), b.w(), b.h(), step, phase);
        g.restore();
    }

    // ---- text ---------------------------------------------------------------------------------------------------------

    /*
     * Text is drawn with a translate-only transform, at its font size times the page scale, instead of under the page's
     * scale transform. Under any scale the software pipeline draws each glyph as an outline (FreeType decomposition and a
     * path fill per glyph, every frame), which cost the render thread more than the rest of the canvas together and
     * allocated about 25 MB/s (bench-render, issue 3). Unscaled, the glyphs come from JavaFX's glyph cache.
     * The scratch transform and the font cache are used on the FX thread only, like the canvas itself.
     */
    private static final Affine PAGE = new Affine();
    private static final Map<Font, Font> SCALED_FONTS = new HashMap<>();
    private static double scaledFontsFor = 1;

    static void text(GraphicsContext g, String s, double x, double y) {
        text(g, s, x, y, Double.NaN);
    }

    static void text(GraphicsContext g, String s, double x, double y, double maxWidth) {
        g.getTransform(PAGE);
        double sc = PAGE.getMxx();
        Font logical = g.getFont();
        g.setFont(scaled(logical, sc));
        g.setTransform(1, 0, 0, 1, PAGE.getTx(), PAGE.getTy());
        if (Double.isNaN(maxWidth)) {
            g.fillText(s, x * sc, y * sc);
        } else {
            g.fillText(s, x * sc, y * sc, maxWidth * sc);
        }
        g.setTransform(PAGE);
        g.setFont(logical);
    }

    private static Font scaled(Font f, double sc) {
        if (sc == 1) {
            return f;
        }
        if (sc != scaledFontsFor) {
            SCALED_FONTS.clear();
            scaledFontsFor = sc;
        }
        return SCALED_FONTS.computeIfAbsent(f, k -> Font.font(k.getFamily(),
                k.getStyle().toLowerCase(Locale.ROOT).contains("bold") ? FontWeight.BOLD : FontWeight.NORMAL,
                k.getSize() * sc));
    }

    static String grouped(long v) {
        return Numbers.grouped(v);
    }

    static String millis(long micros) {
        return Numbers.fixed(micros / 1e3, micros >= 10_000 ? 0 : 1) + " ms";
    }
}
