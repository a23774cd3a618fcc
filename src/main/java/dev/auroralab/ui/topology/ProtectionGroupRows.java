package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.QuorumTerm;
import static dev.auroralab.ui.topology.PageDrawing.BOLD;
import static dev.auroralab.ui.topology.PageDrawing.SMALL;
import static dev.auroralab.ui.topology.PageDrawing.SMALL_BOLD;
import static dev.auroralab.ui.topology.PageDrawing.grouped;
import static dev.auroralab.ui.topology.PageDrawing.hatch;
import static dev.auroralab.ui.topology.PageDrawing.text;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.teach.FailureDistance;
import dev.auroralab.ui.Palette;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The protection groups under the AZs: one row per group drawn, with its copies (state, SCL) and its quorum gauge,
 * the line a teacher points at ("writes 3/6 (need 4) ✗ · reads 3/6 (need 3) ✓") and the write set in force; and, for
 * a very large volume, the line that counts the groups not drawn.
 */
public final class ProtectionGroupRows {

    private ProtectionGroupRows() {
    }

    static void drawProtectionGroups(GraphicsContext g, EngineSnapshot s, TopologyLayout l, Palette p,
            FailureDistance distance) {
        if (l.pgRows.isEmpty()) {
            return;
        }
        Box first = l.pgRows.values().iterator().next();
        g.setFill(p.text());
        g.setFont(BOLD);
        g.setTextAlign(TextAlignment.LEFT);
        if (l.distanceCaption == null) {
            // with the distance overlay on, its caption takes this line
            text(g, "Protection groups · 6 copies each, 2 per AZ · a write needs 4 of 6, a read 3 of 6",
                    first.x(), first.y() - 12);
        }
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
            text(g, TopologyRenderer.shortPg(pg.id()), row.x() + 8, row.cy(), TopologyLayout.PG_LABEL - 12);
            for (SegmentSnapshot seg : pg.segments()) {
                Box chip = l.pgChips.get(seg.id());
                if (chip != null) {
                    TopologyRenderer.chip(g, chip, seg, seg.letter() + " " + TopologyRenderer.glyph(seg.state()) + " " + grouped(seg.scl()), p,
                            SMALL_BOLD);
                }
            }
            double gx = l.gaugeX;
            double room = row.right() - gx - 6;
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(p.text());
            g.setFont(BOLD);
            double lastLine;
            if (l.gaugeOnThreeLines) {
                text(g, writeGauge(pg), gx, row.y() + 9, room);
                text(g, readGauge(pg), gx, row.y() + 25, room);
                lastLine = row.y() + 40;
            } else {
                g.setFont(SMALL_BOLD);
                text(g, gauge(pg), gx, row.y() + 9, room);
                lastLine = row.y() + 24;
            }
            // with the distance overlay on, what one more copy does takes the quorum sets' line (the inspector has
            // the sets)
            String distanceLine = DistanceMarks.groupLine(distance, pg);
            if (distanceLine != null && PageDrawing.widthOf(distanceLine, SMALL_BOLD) > room - DistanceMarks.CHIP_MARK - 4) {
                // a narrow gauge column (a row of seven copies): the chips' own triangles say which copies
                distanceLine = DistanceMarks.shortGroupLine(distance, pg);
            }
            if (distanceLine != null) {
                DistanceMarks.triangle(g, gx + DistanceMarks.CHIP_MARK / 2, lastLine - 6, DistanceMarks.CHIP_MARK, p);
                g.setFont(SMALL_BOLD);
                g.setFill(p.text());
                g.setTextAlign(TextAlignment.LEFT);
                text(g, distanceLine, gx + DistanceMarks.CHIP_MARK + 4, lastLine, room - DistanceMarks.CHIP_MARK - 4);
            } else {
                g.setFont(SMALL);
                g.setFill(p.mutedText());
                text(g, quorumSets(pg), gx, lastLine, room);
            }
        }
    }

    /** "+ 13,095 more protection groups not drawn (pg-12 to pg-13106)", under the rows of a very large volume. */
    static void drawMoreGroups(GraphicsContext g, TopologyLayout l, Palette p) {
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
        String sets = QuorumTerm.join(pg.writeSet(), " ∧ ");
        String degraded = pg.degradedExcludedAz() == null ? "" : " · degraded, " + pg.degradedExcludedAz() + " left out";
        return "write set " + sets + degraded + " · epoch " + pg.membershipEpoch();
    }
}
