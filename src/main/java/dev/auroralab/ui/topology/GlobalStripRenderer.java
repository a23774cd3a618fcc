package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.VolumeReason;
import dev.auroralab.engine.snapshot.RegionRole;
import static dev.auroralab.ui.topology.PageDrawing.text;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.MessageSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.ui.Numbers;
import dev.auroralab.ui.Palette;
import dev.auroralab.ui.RegionActions;
import dev.auroralab.ui.Selection;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the global strip: a pure function of (snapshot, layout, palette, the region on show, the selection). Each
 * region's role has a shape, a border and a word as well as a colour (decision 0006):
 * <ul>
 *   <li>the primary: a filled star, a thick square-cornered border, PRIMARY;</li>
 *   <li>a secondary: a hollow circle, a thin round-cornered border, SECONDARY;</li>
 *   <li>a detached cluster: a hollow diamond, a dashed border, DETACHED;</li>
 *   <li>a region that is out: a cross, a hatch, a dashed border, REGION DOWN; a returning one: RESYNCING.</li>
 * </ul>
 * Replication batches in flight are drawn at (now - sent) / (arrives - sent) of the way along their arrow.
 */
public final class GlobalStripRenderer {

    private static final String FAMILY = "System";
    private static final Font NAME = Font.font(FAMILY, FontWeight.BOLD, 20);
    private static final Font ROLE = Font.font(FAMILY, FontWeight.BOLD, 15);
    private static final Font BODY = Font.font(FAMILY, FontWeight.NORMAL, 14);
    private static final Font LAG = Font.font(FAMILY, FontWeight.BOLD, 15);
    private static final Font SMALL = Font.font(FAMILY, FontWeight.NORMAL, 12);
    private static final Font TAG = Font.font(FAMILY, FontWeight.BOLD, 13);
    /** At most this many batches drawn per arrow: the newest. */
    static final int DOTS_PER_PATH = 4;

    private static final double[] POINT = new double[2];
    private static final double[] POLY_X = new double[10];
    private static final double[] POLY_Y = new double[10];

    private GlobalStripRenderer() {
    }

    public static void draw(GraphicsContext g, double canvasW, double canvasH, TopologyLayout.Fit fit, EngineSnapshot s,
            GlobalStripLayout l, Palette p, String shownRegion, Selection selection) {
        draw(g, canvasW, canvasH, fit, s, l, p, shownRegion, selection, null);
    }

    /** The strip, with the distance-to-failure marks of {@code distance} on the region cards (null: overlay off). */
    public static void draw(GraphicsContext g, double canvasW, double canvasH, TopologyLayout.Fit fit, EngineSnapshot s,
            GlobalStripLayout l, Palette p, String shownRegion, Selection selection,
            dev.auroralab.teach.FailureDistance distance) {
        g.save();
        g.setFill(p.background());
        g.fillRect(0, 0, canvasW, canvasH);
        g.translate(fit.offsetX(), fit.offsetY());
        g.scale(fit.scale(), fit.scale());
        g.setTextBaseline(VPos.CENTER);
        g.setLineCap(StrokeLineCap.BUTT);

        drawArrows(g, s, l, p);
        for (RegionSnapshot r : s.regions()) {
            Box b = l.cards.get(r.region());
            if (b != null) {
                drawCard(g, r, b, l, p, s.global() == null ? 0 : s.global().managedRpoSeconds());
            }
        }
        drawLagLabels(g, s, l, p);
        drawMessages(g, s, l, p);
        DistanceMarks.drawRegions(g, distance, s, l, p);
        Box shown = shownRegion == null ? null : l.cards.get(shownRegion);
        if (shown != null) {
            drawPointer(g, shown, p);
        }
        if (selection != null && selection.kind() == Selection.Kind.REGION) {
            Box b = l.cards.get(selection.id());
            if (b != null) {
                g.setStroke(p.selection());
                g.setLineWidth(3);
                PageDrawing.ring(g, b);
            }
        }
        g.restore();
    }

    // ---- arrows and their labels -------------------------------------------------------------------------------------

    private static void drawArrows(GraphicsContext g, EngineSnapshot s, GlobalStripLayout l, Palette p) {
        // broken links first, so where paths share the lane the working link's solid line is the one seen
        for (int pass = 0; pass < 2; pass++) {
            for (String target : l.pathX.keySet()) {
                RegionSnapshot r = s.regionSnapshot(target);
                boolean broken = r == null || !linkUp(r);
                // a region resyncing gets no batches yet: dashed, in the link's own colour
                boolean waiting = !broken && r.resyncing();
                if ((broken || waiting) != (pass == 0)) {
                    continue;
                }
                double[] xs = l.pathX.get(target);
                double[] ys = l.pathY.get(target);
                g.setStroke(broken ? p.fault() : p.writer());
                g.setLineWidth(broken || waiting ? 2 : 3);
                if (broken || waiting) {
                    g.setLineDashes(8, 6);
                }
                for (int k = 1; k < xs.length - 1; k++) {
                    g.strokeLine(xs[k - 1], ys[k - 1], xs[k], ys[k]);
                }
                int last = xs.length - 1;
                PageDrawing.arrow(g, xs[last - 1], ys[last - 1], xs[last], ys[last]);
                g.setLineDashes();
            }
        }
    }

    /** Whether replication reaches the region now: it is a secondary that is up (a resyncing one catches up). */
    static boolean linkUp(RegionSnapshot r) {
        return r.role() != RegionRole.DOWN;
    }

    private static void drawLagLabels(GraphicsContext g, EngineSnapshot s, GlobalStripLayout l, Palette p) {
        long managed = s.global() == null ? 0 : s.global().managedRpoSeconds();
        for (var e : l.lagLabels.entrySet()) {
            RegionSnapshot r = s.regionSnapshot(e.getKey());
            if (r == null) {
                continue;
            }
            Box b = e.getValue();
            String text = lagLabel(r, managed);
            boolean alarm = !linkUp(r) || managed > 0 && r.rpoLagMicros() > managed * 1_000_000L;
            g.setFill(p.background());
            g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 6, 6);
            g.setFill(alarm ? p.fault() : p.text());
            g.setFont(LAG);
            // a label left of its arrow ends at the arrow, like one on the right starts at it
            Box card = l.cards.get(e.getKey());
            boolean leftOfArrow = card != null && b.right() <= card.cx();
            g.setTextAlign(leftOfArrow ? TextAlignment.RIGHT : TextAlignment.LEFT);
            text(g, text, leftOfArrow ? b.right() - 2 : b.x() + 2, b.cy(), b.w() - 4);
        }
    }

    /** The words on the arrow to a secondary: "lag 142 ms", or why nothing flows. */
    public static String lagLabel(RegionSnapshot r, long managedRpoSeconds) {
        String lag = "lag " + duration(r.rpoLagMicros());
        boolean over = managedRpoSeconds > 0 && r.rpoLagMicros() > managedRpoSeconds * 1_000_000L;
        String rpo = over ? " ⚠ over RPO" : "";
        if (!linkUp(r)) {
            // a region out after a global failover is rebuilt from the new primary when it is back: no lag to tell;
            // a secondary's lag still grows while it is out, and is what a failover to it would lose
            return r.resyncing() ? "✕ down · rebuilt when back" : "✕ down · " + lag + rpo;
        }
        if (r.resyncing()) {
            // its volume is being rebuilt from the new primary: it gets no replication until it is done
            return "↻ rebuilding" + until(r);
        }
        return lag + rpo;
    }

    /** A lag as a presenter reads it: "142 ms", "3.4 s", "125 s". */
    public static String duration(long micros) {
        if (micros < 1_000_000) {
            return Numbers.fixed(micros / 1e3, 0) + " ms";
        }
        if (micros < 100_000_000) {
            return Numbers.fixed(micros / 1e6, 1) + " s";
        }
        return Numbers.grouped(Math.round(micros / 1e6)) + " s";
    }

    // ---- cards ----------------------------------------------------------------------------------------------------------

    private static void drawCard(GraphicsContext g, RegionSnapshot r, Box b, GlobalStripLayout l, Palette p,
            long managedRpoSeconds) {
        RegionRole role = r.role();
        boolean primary = r.primary();
        boolean down = role == RegionRole.DOWN;
        boolean detached = role == RegionRole.DETACHED;
        double arc = primary ? 4 : 16;
        g.setFill(p.surface());
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), arc, arc);
        if (down) {
            g.setFill(p.faultShade());
            g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), arc, arc);
            PageDrawing.hatch(g, b, p.fault(), 0.35, 12);
        }
        g.setStroke(down ? p.fault() : primary ? p.writer() : detached ? p.warning() : p.border());
        g.setLineWidth(primary ? 4.5 : down || detached ? 2.5 : 1.5);
        if (down || detached || r.resyncing()) {
            g.setLineDashes(10, 5);
        }
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), arc, arc);
        g.setLineDashes();

        double bx = b.x() + 22;
        double by = b.y() + 21;
        badge(g, role, bx, by, p);
        // the managed RPO is the primary's setting: a tag in its card's corner, for as long as it is set
        double tagW = 0;
        if (primary && managedRpoSeconds > 0) {
            tagW = 112;
            Box tag = new Box(b.right() - tagW - 8, by - 11, tagW, 22);
            g.setFill(p.surfaceRaised());
            g.fillRoundRect(tag.x(), tag.y(), tag.w(), tag.h(), 22, 22);
            g.setStroke(p.writer());
            g.setLineWidth(1.5);
            g.strokeRoundRect(tag.x(), tag.y(), tag.w(), tag.h(), 22, 22);
            g.setFill(p.text());
            g.setFont(TAG);
            g.setTextAlign(TextAlignment.CENTER);
            text(g, "RPO ≤ " + managedRpoSeconds + " s", tag.cx(), tag.cy(), tag.w() - 10);
        }
        g.setFill(p.text());
        g.setFont(NAME);
        g.setTextAlign(TextAlignment.LEFT);
        text(g, r.region(), b.x() + 42, by, b.w() - 50 - (tagW > 0 ? tagW + 8 : 0));

        g.setFont(ROLE);
        text(g, roleLine(r), b.x() + 12, b.y() + 45, b.w() - 20);

        if (l.compact) {
            // a compact card stops at its role; its tooltip and the inspector hold the rest
            return;
        }
        g.setFont(BODY);
        g.setFill(down ? p.text() : p.mutedText());
        text(g, instancesLine(r), b.x() + 12, b.y() + 64, b.w() - 20);
        text(g, lsnLine(r, role == RegionRole.SECONDARY && !l.pathX.containsKey(r.region())), b.x() + 12, b.y() + 81,
                b.w() - 20);
    }

    /** The role in words, with its glyph: what the card says first after the name. */
    public static String roleLine(RegionSnapshot r) {
        // a primary that takes no writes is waiting (a promotion, a switchover, commits held): not a read replica
        String writes = r.writable() ? "takes writes" : r.primary() ? "writes wait" : "read-only";
        return switch (r.role()) {
            case PRIMARY -> "★ PRIMARY · " + writes;
            case DETACHED -> "◇ DETACHED · standalone, " + writes;
            // a region out at or after a global failover is rebuilt from the new primary once it is back
            case DOWN -> r.resyncing() ? "✕ REGION DOWN · rebuilt when back, then rejoins"
                    : "✕ REGION DOWN · no reads, no writes";
            case SECONDARY -> r.resyncing() ? "↻ REBUILDING · no reads" + until(r) : "SECONDARY · " + writes;
        };
    }

    /** " until 12:30" while the region is rebuilt after a global failover (the engine's ready time); else "". */
    public static String until(RegionSnapshot r) {
        return r.volume() != null && r.volume().why() instanceof VolumeReason.Rebuilding b
                ? " until " + VolumeReason.clock(b.readyAtMicros()) : "";
    }

    /** "instances 2/3 up · reads ✓" (and the write forwarding, when on). */
    public static String instancesLine(RegionSnapshot r) {
        int up = 0;
        for (InstanceSnapshot i : r.instances()) {
            if (i.status() == InstanceStatus.UP) {
                up++;
            }
        }
        return "instances " + up + "/" + r.instances().size() + " up · reads " + (r.readable() ? "✓" : "✕")
                + (r.downAzs().isEmpty() ? "" : " · " + r.downAzs().size() + " AZ out");
    }

    /**
     * The newest log record the region holds durably, and its write forwarding when on. {@code lagOnCard}: the card
     * says the lag itself (when no arrow carries it, e.g. while the primary is out: then it is the data at risk).
     */
    public static String lsnLine(RegionSnapshot r, boolean lagOnCard) {
        String forwarding = RegionActions.forwarding(r);
        return (r.primary() ? "VDL " : "durable LSN ") + Numbers.grouped(r.durableLsn())
                + (lagOnCard ? " · lag " + duration(r.rpoLagMicros()) : "")
                + (forwarding == null ? "" : " · fwd: " + forwarding);
    }

    private static void badge(GraphicsContext g, RegionRole role, double x, double y, Palette p) {
        g.setLineWidth(2);
        switch (role) {
            case PRIMARY -> {
                g.setFill(p.writer());
                star(g, x, y, 13, 5.5);
            }
            case DETACHED -> {
                g.setStroke(p.text());
                diamond(g, x, y, 12);
            }
            case DOWN -> {
                g.setStroke(p.fault());
                g.setLineWidth(3);
                g.strokeLine(x - 9, y - 9, x + 9, y + 9);
                g.strokeLine(x - 9, y + 9, x + 9, y - 9);
            }
            case SECONDARY -> {
                g.setStroke(p.text());
                g.strokeOval(x - 11, y - 11, 22, 22);
            }
        }
    }

    /** A filled five-pointed star: the primary's mark, a shape no other role has. */
    private static void star(GraphicsContext g, double cx, double cy, double outer, double inner) {
        for (int k = 0; k < 10; k++) {
            double a = -Math.PI / 2 + k * Math.PI / 5;
            double rad = k % 2 == 0 ? outer : inner;
            POLY_X[k] = cx + rad * Math.cos(a);
            POLY_Y[k] = cy + rad * Math.sin(a);
        }
        g.fillPolygon(POLY_X, POLY_Y, 10);
    }

    private static void diamond(GraphicsContext g, double cx, double cy, double r) {
        POLY_X[0] = cx;
        POLY_Y[0] = cy - r;
        POLY_X[1] = cx + r;
        POLY_Y[1] = cy;
        POLY_X[2] = cx;
        POLY_Y[2] = cy + r;
        POLY_X[3] = cx - r;
        POLY_Y[3] = cy;
        g.strokePolygon(POLY_X, POLY_Y, 4);
    }

    /** A triangle under the card on show, pointing down at the topology that shows it. */
    private static void drawPointer(GraphicsContext g, Box b, Palette p) {
        double y = b.bottom() + 2;
        POLY_X[0] = b.cx() - 12;
        POLY_Y[0] = y;
        POLY_X[1] = b.cx() + 12;
        POLY_Y[1] = y;
        POLY_X[2] = b.cx();
        POLY_Y[2] = y + GlobalStripLayout.POINTER - 2;
        g.setFill(p.selection());
        g.fillPolygon(POLY_X, POLY_Y, 3);
        g.setFill(p.mutedText());
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        text(g, "shown below", b.cx() + 18, y + 6);
    }

    // ---- replication batches in flight ----------------------------------------------------------------------------------

    private static void drawMessages(GraphicsContext g, EngineSnapshot s, GlobalStripLayout l, Palette p) {
        if (l.source == null || l.pathX.isEmpty()) {
            return;
        }
        long now = s.nowMicros();
        List<MessageSnapshot> ms = s.messagesInFlight();
        java.util.Arrays.fill(l.dotsOnPath, 0);
        for (int k = ms.size() - 1; k >= 0; k--) {
            MessageSnapshot m = ms.get(k);
            // outbound from the primary, or inbound to it (forwarded writes) along the same arrow, reversed
            boolean outbound = l.source.equals(m.from());
            String target = outbound ? m.to() : l.source.equals(m.to()) ? m.from() : null;
            Integer index = target == null ? null : l.targetIndex.get(target);
            if (index == null || ++l.dotsOnPath[index] > DOTS_PER_PATH) {
                continue;
            }
            double f = m.arrivesMicros() <= m.sentMicros() ? 1
                    : Math.max(0, Math.min(1, (double) (now - m.sentMicros()) / (m.arrivesMicros() - m.sentMicros())));
            if (!l.pointAlong(target, outbound ? f : 1 - f, POINT)) {
                continue;
            }
            double x = POINT[0];
            double y = POINT[1];
            g.setStroke(p.background());
            g.setLineWidth(1.5);
            if (outbound) {
                // a batch of log records: a wide parcel, unlike anything in the topology
                g.setFill(p.redo());
                g.fillRoundRect(x - 8, y - 5.5, 16, 11, 3, 3);
                g.strokeRoundRect(x - 8, y - 5.5, 16, 11, 3, 3);
            } else {
                g.setFill(p.ack());
                g.fillOval(x - 5.5, y - 5.5, 11, 11);
                g.strokeOval(x - 5.5, y - 5.5, 11, 11);
            }
        }
    }

    /** The role as one lower-case word for tooltips and the inspector: "primary", "secondary, rebuilding". */
    public static String roleWord(RegionSnapshot r) {
        return r.role().word() + (r.resyncing() ? ", rebuilding" : "");
    }
}
