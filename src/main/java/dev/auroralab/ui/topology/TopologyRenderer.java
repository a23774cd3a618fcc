package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceRole;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.ui.Palette;
import dev.auroralab.ui.Selection;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the topology: a pure function of (snapshot, layout, palette, selection). Nothing here remembers the previous
 * frame; a message in flight is drawn at (now - sent) / (arrives - sent) of the way along its path, so pausing,
 * stepping and changing speed never tear the picture. Every state has a glyph, a pattern or a word as well as a
 * colour (docs/decisions/0006).
 */
public final class TopologyRenderer {

    private static final String FAMILY = "System";
    private static final Font TITLE = Font.font(FAMILY, FontWeight.BOLD, 15);
    private static final Font BOLD = Font.font(FAMILY, FontWeight.BOLD, 13);
    private static final Font BODY = Font.font(FAMILY, FontWeight.NORMAL, 13);
    private static final Font SMALL = Font.font(FAMILY, FontWeight.NORMAL, 12);
    private static final Font SMALL_BOLD = Font.font(FAMILY, FontWeight.BOLD, 12);
    private static final Color ON_LIGHT_FILL = Color.BLACK;

    private TopologyRenderer() {
    }

    public static void draw(GraphicsContext g, double canvasW, double canvasH, EngineSnapshot s, TopologyLayout l,
            Palette p, Selection selection) {
        g.save();
        g.setFill(p.background());
        g.fillRect(0, 0, canvasW, canvasH);
        TopologyLayout.Fit fit = l.fit(canvasW, canvasH);
        g.translate(fit.offsetX(), fit.offsetY());
        g.scale(fit.scale(), fit.scale());
        g.setTextBaseline(VPos.CENTER);
        g.setLineCap(StrokeLineCap.BUTT);

        for (String az : s.azs()) {
            drawAz(g, az, s.downAzs().contains(az), l, p);
        }
        drawEndpoints(g, s, l, p);
        for (InstanceSnapshot i : s.instances()) {
            Box b = l.instances.get(i.id());
            if (b != null) {
                drawInstance(g, i, b, s, p);
            }
        }
        drawStorage(g, s, l, p);
        drawProtectionGroups(g, s, l, p);
        drawMessages(g, s, l, p);
        drawLegend(g, l.legend, p);
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
        Box h = l.azHeaders.get(az);
        g.setFill(p.text());
        g.setFont(TITLE);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("AZ " + az, h.x() + 10, h.cy());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(down ? BOLD : SMALL);
        g.setFill(down ? p.text() : p.mutedText());
        g.fillText(down ? "✕ AZ OUT" : "up", h.right() - 10, h.cy());
        // "Storage" label over the node grid
        Box firstNode = l.nodes.values().stream().filter(b -> b.x() >= col.x() && b.right() <= col.right())
                .findFirst().orElse(null);
        if (firstNode != null) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(SMALL);
            g.setFill(p.mutedText());
            g.fillText("storage nodes · copies they hold (group·copy)", col.x() + 10, firstNode.y() - 10);
        }
    }

    // ---- endpoints ----------------------------------------------------------------------------------------------------

    private static void drawEndpoints(GraphicsContext g, EngineSnapshot s, TopologyLayout l, Palette p) {
        String writerTarget = s.endpoints().clusterEndpoint();
        List<String> readers = s.endpoints().readerEndpoint();
        // arrows first, under the cards
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
        pill(g, we, "Cluster endpoint (writes) → " + (writerTarget == null ? "nowhere" : writerTarget), p, p.writer(),
                false);
        String targets = readers.isEmpty() ? "nowhere"
                : readers.size() <= 3 ? String.join(", ", readers) : readers.size() + " instances";
        pill(g, re, "Reader endpoint → " + targets, p, p.mutedText(), true);
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
        g.fillText(text, b.cx(), b.cy(), b.w() - 16);
    }

    private static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2) {
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
            g.setFill(Color.WHITE);
        } else {
            g.setStroke(p.text());
            g.strokeOval(bx - 10, by - 10, 20, 20);
            g.setFill(p.text());
        }
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(writer ? "W" : "R", bx, by + 1);

        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(p.text());
        g.setFont(BOLD);
        boolean oldWriter = s.failoverInProgress() != null && i.id().equals(s.failoverInProgress().from());
        String title = writer ? "WRITER " + i.id() : oldWriter ? i.id() + " · old writer" : i.id() + " · tier " + i.tier();
        g.fillText(title, b.x() + 32, b.y() + 16, b.w() - 38);
        g.setFont(SMALL);
        g.setFill(down ? p.text() : p.mutedText());
        String status = down ? "✕ DOWN" : i.status() == InstanceStatus.UP ? "up" : "⟳ " + i.status().label();
        g.fillText(shortClass(i.instanceClass()) + " · " + status, b.x() + 10, b.y() + 36, b.w() - 16);
        g.setFill(p.text());
        String third;
        if (writer) {
            third = "VDL " + grouped(s.volume().vdl()) + " · VCL " + grouped(s.volume().vcl());
        } else if (i.status() == InstanceStatus.UP) {
            third = "lag " + millis(i.lagMicros()) + " · LSN " + grouped(i.appliedLsn());
        } else {
            third = "no lag shown: not serving";
        }
        g.fillText(third, b.x() + 10, b.y() + 53, b.w() - 16);
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
            g.fillText((n.up() ? "" : "✕ ") + shortNode(n.id()), b.x() + 6, b.y() + 10, b.w() - 12);
        }
        for (ProtectionGroupSnapshot pg : s.volume().protectionGroups()) {
            String pgNo = pg.id().startsWith("pg-") ? pg.id().substring(3) : pg.id();
            for (SegmentSnapshot seg : pg.segments()) {
                Box chip = l.nodeChips.get(seg.id());
                if (chip != null) {
                    chip(g, chip, seg, pgNo + seg.letter() + glyph(seg.state()), p, SMALL_BOLD);
                }
            }
        }
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
        g.fillText(text, c.cx(), c.cy() + 1, c.w() - 4);
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
        g.fillText("Protection groups · 6 copies each, 2 per AZ · a write needs 4 of 6, a read 3 of 6",
                first.x(), first.y() - 12);
        for (ProtectionGroupSnapshot pg : s.volume().protectionGroups()) {
            Box row = l.pgRows.get(pg.id());
            boolean broken = !pg.writeQuorum();
            g.setFill(broken ? p.faultShade() : p.surface());
            g.fillRoundRect(row.x(), row.y(), row.w(), row.h(), 8, 8);
            if (!pg.readQuorum()) {
                hatch(g, row, p.fault(), 0.3, 10);
            }
            g.setFill(p.text());
            g.setFont(BOLD);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(pg.id(), row.x() + 8, row.cy());
            for (SegmentSnapshot seg : pg.segments()) {
                Box chip = l.pgChips.get(seg.id());
                chip(g, chip, seg, seg.letter() + " " + glyph(seg.state()) + " " + grouped(seg.scl()), p, SMALL_BOLD);
            }
            double gx = TopologyLayout.gaugeX();
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(p.text());
            g.setFont(BOLD);
            g.fillText(gauge(pg), gx, row.y() + 9, row.right() - gx - 6);
            g.setFont(SMALL);
            g.setFill(p.mutedText());
            g.fillText(quorumSets(pg), gx, row.y() + 23, row.right() - gx - 6);
        }
    }

    /** "writes 5/6 (need 4) ✓ · reads 5/6 (need 3) ✓": the line a teacher points at. */
    public static String gauge(ProtectionGroupSnapshot pg) {
        return "writes " + pg.writableCopies() + "/" + pg.copiesInModel() + " (need " + pg.writeQuorumNeeded() + ") "
                + (pg.writeQuorum() ? "✓" : "✗") + " · reads " + pg.readableCopies() + "/" + pg.copiesInModel()
                + " (need " + pg.readQuorumNeeded() + ") " + (pg.readQuorum() ? "✓" : "✗");
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
        java.util.Map<String, Integer> perPath = new java.util.HashMap<>();
        // newest first (the list is sorted by send time), so the dots kept are the latest on each path
        for (int k = ms.size() - 1; k >= 0; k--) {
            MessageSnapshot m = ms.get(k);
            Box from = endpointOf(m.from(), l);
            Box to = endpointOf(m.to(), l);
            if (from == null || to == null) {
                continue;
            }
            int onPath = perPath.merge(m.from() + '>' + m.to(), 1, Integer::sum);
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

    private static void diamond(GraphicsContext g, double x, double y, double r) {
        g.fillPolygon(new double[] {x, x + r, x, x - r}, new double[] {y - r, y, y + r, y}, 4);
    }

    // ---- legend and selection -------------------------------------------------------------------------------------------

    private static void drawLegend(GraphicsContext g, Box b, Palette p) {
        double x = b.x();
        double y = b.cy();
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        String[] states = {"up", "catching up", "replacing", "down", "destroyed"};
        for (String st : states) {
            Box c = new Box(x, y - 10, 26, 20);
            chip(g, c, new SegmentSnapshot("", "", ' ', "", "", st, 0, false, true), glyph(st), p, SMALL_BOLD);
            g.setFill(p.text());
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(st, x + 31, y);
            x += 31 + st.length() * 7 + 18;
        }
        x += 10;
        g.setFill(p.boxcar());
        g.fillRect(x, y - 4.5, 9, 9);
        g.setFill(p.text());
        g.fillText("boxcar → copy", x + 14, y);
        x += 120;
        g.setFill(p.ack());
        g.fillOval(x, y - 4.5, 9, 9);
        g.setFill(p.text());
        g.fillText("ack → writer", x + 14, y);
        x += 110;
        g.setFill(p.redo());
        diamond(g, x + 5, y, 6);
        g.setFill(p.text());
        g.fillText("redo → replica", x + 16, y);
        x += 125;
        g.fillText("hatched: out or blocked · dashed: changing", x, y);
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

    private static void ring(GraphicsContext g, Box b) {
        if (b != null) {
            g.strokeRoundRect(b.x() - 3, b.y() - 3, b.w() + 6, b.h() + 6, 10, 10);
        }
    }

    private static void hatch(GraphicsContext g, Box b, Color c, double alpha, double step) {
        g.save();
        g.beginPath();
        g.rect(b.x(), b.y(), b.w(), b.h());
        g.clip();
        g.setStroke(c);
        g.setGlobalAlpha(alpha);
        g.setLineWidth(1.5);
        for (double d = -b.h(); d < b.w(); d += step) {
            g.strokeLine(b.x() + d, b.bottom(), b.x() + d + b.h(), b.y());
        }
        g.restore();
    }

    static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String millis(long micros) {
        return micros >= 10_000 ? String.format(Locale.ROOT, "%.0f ms", micros / 1e3)
                : String.format(Locale.ROOT, "%.1f ms", micros / 1e3);
    }
}
