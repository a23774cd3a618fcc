package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.ui.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the global strip puts each region of a Global Database, in logical units on a page as wide as the topology's
 * ({@link #WIDTH}): one card per region in the scenario's order, so a region keeps its place when its role changes,
 * and above each row of cards a lane that carries the replication arrows.
 *
 * <p>The arrows form a bus: a line rises from the primary's card into the lane, runs along it and drops into each
 * secondary's card, with the lag label beside the drop (under the line, so no label ever sits on a line). With more
 * than {@link #MAX_PER_ROW} regions the cards wrap into rows and a spine at the left edge joins the rows' lanes.
 * Computed from the snapshot alone: the region names, which one is the primary and which have left (detached).
 */
public final class GlobalStripLayout {

    /** Its own page width: four cards with their lag labels need more room than the topology's page gives. */
    public static final double WIDTH = 1200;
    static final double MARGIN = 14;
    static final double SPINE_MARGIN = 34;
    static final double GAP = 18;
    static final double ROW_GAP = 8;
    static final double LANE = 32;
    static final double COMPACT_LANE = 26;
    static final double CARD_H = 94;
    /** A compact card (presenter mode, short windows): its name and role only; the rest is in its tooltip. */
    static final double COMPACT_CARD_H = 58;
    static final double MAX_CARD_W = 420;
    static final double POINTER = 13;
    static final double LABEL_W = 240;
    static final double LABEL_H = 19;
    static final int MAX_PER_ROW = 4;

    /** Each region's card, in the scenario's order. */
    public final Map<String, Box> cards = new LinkedHashMap<>();
    /** Per replication target: the arrow's corners, from the primary's card to the target's. */
    final Map<String, double[]> pathX = new LinkedHashMap<>();
    final Map<String, double[]> pathY = new LinkedHashMap<>();
    /** Per replication target: the length of the path up to each corner (for messages along it). */
    final Map<String, double[]> pathLength = new LinkedHashMap<>();
    /** Per replication target: where its lag label sits, beside the arrow's last leg. */
    public final Map<String, Box> lagLabels = new LinkedHashMap<>();
    /** Per replication target: its number, an index into {@link #dotsOnPath}. */
    final Map<String, Integer> targetIndex = new java.util.HashMap<>();
    /** Scratch for the renderer (FX thread only): batches drawn so far on each arrow in this frame. */
    int[] dotsOnPath = new int[0];
    /** The region whose writes are replicated (the primary), or null when there is none. */
    public String source;
    public double height;
    private Structure structure;
    /** Whether the cards are compact: name and role, without the instances and LSN lines. */
    public boolean compact;
    private double cardH = CARD_H;
    /** The lane over the cards that carries the arrows and the lag labels; a little lower in a compact strip. */
    private double lane = LANE;

    private GlobalStripLayout() {
    }

    /** What a strip layout depends on. */
    private record Structure(List<String> regions, String source, List<Boolean> detached) {
        static Structure of(EngineSnapshot s) {
            List<String> names = new ArrayList<>();
            List<Boolean> detached = new ArrayList<>();
            String source = null;
            for (RegionSnapshot r : s.regions()) {
                names.add(r.region());
                detached.add(r.role() == RegionRole.DETACHED);
                if (r.primary()) {
                    source = r.region();
                }
            }
            return new Structure(names, source, detached);
        }

        /** Compared in place, without building anything: this runs on every frame. */
        boolean matches(EngineSnapshot s) {
            List<RegionSnapshot> rs = s.regions();
            if (rs.size() != regions.size()) {
                return false;
            }
            String primary = null;
            for (int i = 0; i < rs.size(); i++) {
                RegionSnapshot r = rs.get(i);
                if (!regions.get(i).equals(r.region()) || detached.get(i) != (r.role() == RegionRole.DETACHED)) {
                    return false;
                }
                if (r.primary()) {
                    primary = r.region();
                }
            }
            return java.util.Objects.equals(primary, source);
        }
    }

    public static GlobalStripLayout of(EngineSnapshot s) {
        return of(s, false);
    }

    /** A layout of full cards, or of {@code compact} ones (name and role only). */
    public static GlobalStripLayout of(EngineSnapshot s, boolean compact) {
        GlobalStripLayout l = new GlobalStripLayout();
        l.compact = compact;
        l.cardH = compact ? COMPACT_CARD_H : CARD_H;
        l.lane = compact ? COMPACT_LANE : LANE;
        l.structure = Structure.of(s);
        l.build(l.structure);
        l.finish();
        return l;
    }

    /** {@code previous} when the regions, the primary and the detached ones are the same, else a fresh layout. */
    public static GlobalStripLayout of(EngineSnapshot s, GlobalStripLayout previous) {
        return of(s, previous, false);
    }

    /** {@code previous} when it is of the same structure and compactness, else a fresh layout. */
    public static GlobalStripLayout of(EngineSnapshot s, GlobalStripLayout previous, boolean compact) {
        return previous != null && previous.compact == compact && previous.structure.matches(s) ? previous
                : of(s, compact);
    }

    /** Cards per row for {@code n} regions: all in one row up to {@link #MAX_PER_ROW}, else rows of equal length. */
    static int perRow(int n) {
        if (n <= MAX_PER_ROW) {
            return Math.max(1, n);
        }
        int rows = (n + MAX_PER_ROW - 1) / MAX_PER_ROW;
        return (n + rows - 1) / rows;
    }

    private void build(Structure st) {
        int n = st.regions().size();
        int perRow = perRow(n);
        int rows = (n + perRow - 1) / perRow;
        double left = rows > 1 ? SPINE_MARGIN : MARGIN;
        double avail = WIDTH - left - MARGIN;
        double cardW = Math.min(MAX_CARD_W, (avail - (perRow - 1) * GAP) / perRow);
        // spread across the page: a region keeps its place in the scenario's order, like a strip of the world
        double spacing = perRow == 1 ? 0 : (avail - perRow * cardW) / (perRow - 1);
        double[] laneY = new double[rows];
        int[] rowOf = new int[n];
        for (int i = 0; i < n; i++) {
            int row = i / perRow;
            int col = i % perRow;
            double rowTop = 2 + row * (lane + cardH + ROW_GAP);
            laneY[row] = rowTop + (compact ? 4 : 7);
            rowOf[i] = row;
            double x = perRow == 1 ? left + (avail - cardW) / 2 : left + col * (cardW + spacing);
            cards.put(st.regions().get(i), new Box(x, rowTop + lane, cardW, cardH));
        }
        height = 2 + rows * (lane + cardH) + (rows - 1) * ROW_GAP + POINTER + 2;

        source = st.source();
        if (source == null) {
            return;
        }
        Box src = cards.get(source);
        int srcRow = rowOf[st.regions().indexOf(source)];
        double spineX = MARGIN + 4;
        for (int i = 0; i < n; i++) {
            String name = st.regions().get(i);
            if (name.equals(source) || st.detached().get(i)) {
                continue;
            }
            Box t = cards.get(name);
            int row = rowOf[i];
            double[] xs;
            double[] ys;
            if (row == srcRow) {
                xs = new double[] {src.cx(), src.cx(), t.cx(), t.cx()};
                ys = new double[] {src.y(), laneY[row], laneY[row], t.y()};
            } else {
                xs = new double[] {src.cx(), src.cx(), spineX, spineX, t.cx(), t.cx()};
                ys = new double[] {src.y(), laneY[srcRow], laneY[srcRow], laneY[row], laneY[row], t.y()};
            }
            pathX.put(name, xs);
            pathY.put(name, ys);
            double[] len = new double[xs.length];
            for (int k = 1; k < xs.length; k++) {
                len[k] = len[k - 1] + Math.abs(xs[k] - xs[k - 1]) + Math.abs(ys[k] - ys[k - 1]);
            }
            pathLength.put(name, len);
            targetIndex.put(name, targetIndex.size());
        }
        // beside each drop, between the lane's line and the card, on the side with more room up to the next vertical
        // line in the row (another drop, the primary's rise, the spine) or the page's edge: never on a line, never on
        // a card. Usually the right; the last card of a row often has more room on its left.
        // targets come in the scenario's order, left to right in each row: a label on the left of its drop may only
        // use what the label before it (on that one's right) left free
        double[] claimedUntil = new double[rows];
        java.util.Arrays.fill(claimedUntil, Double.NEGATIVE_INFINITY);
        for (String name : pathX.keySet()) {
            Box t = cards.get(name);
            int row = rowOf[st.regions().indexOf(name)];
            double rightLimit = WIDTH - 4;
            double leftLimit = Math.max(rows > 1 ? spineX + 10 : 4, claimedUntil[row] + 10);
            for (int i = 0; i < n; i++) {
                String other = st.regions().get(i);
                boolean vertical = other.equals(source) || pathX.containsKey(other);
                double x = cards.get(other).cx();
                if (rowOf[i] == row && vertical && x > t.cx() + 1) {
                    rightLimit = Math.min(rightLimit, x - 10);
                } else if (rowOf[i] == row && vertical && x < t.cx() - 1) {
                    leftLimit = Math.max(leftLimit, x + 10);
                }
            }
            double roomRight = Math.min(LABEL_W, rightLimit - t.cx() - 8);
            double roomLeft = Math.min(LABEL_W, t.cx() - 8 - leftLimit);
            Box label = roomRight >= LABEL_W || roomRight >= roomLeft
                    ? new Box(t.cx() + 8, t.y() - LABEL_H - 1, roomRight, LABEL_H)
                    : new Box(t.cx() - 8 - roomLeft, t.y() - LABEL_H - 1, roomLeft, LABEL_H);
            lagLabels.put(name, label);
            claimedUntil[row] = label.right();
        }
    }

    private void finish() {
        dotsOnPath = new int[targetIndex.size()];
    }

    /** The region whose card or lag label is at a logical point, or null. */
    public Selection hitTest(double x, double y) {
        for (Map.Entry<String, Box> e : cards.entrySet()) {
            if (e.getValue().contains(x, y)) {
                return Selection.region(e.getKey());
            }
        }
        for (Map.Entry<String, Box> e : lagLabels.entrySet()) {
            if (e.getValue().contains(x, y)) {
                return Selection.region(e.getKey());
            }
        }
        return null;
    }

    /** Whether {@code (x, y)} is on a lag label (for its own tooltip). */
    public String lagLabelAt(double x, double y) {
        for (Map.Entry<String, Box> e : lagLabels.entrySet()) {
            if (e.getValue().contains(x, y)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The replication targets, in the scenario's order. */
    public List<String> targets() {
        return List.copyOf(pathX.keySet());
    }

    /** The arrow to {@code target} as its corners, x then y, or null when there is none. */
    public double[][] path(String target) {
        double[] xs = pathX.get(target);
        return xs == null ? null : new double[][] {xs.clone(), pathY.get(target).clone()};
    }

    /**
     * The point {@code f} (0 to 1) of the way along the arrow to {@code target}, into {@code out} (x, y); false when
     * there is no such arrow. No allocation: messages are placed with it every frame.
     */
    boolean pointAlong(String target, double f, double[] out) {
        double[] xs = pathX.get(target);
        if (xs == null) {
            return false;
        }
        double[] ys = pathY.get(target);
        double[] len = pathLength.get(target);
        double want = Math.max(0, Math.min(1, f)) * len[len.length - 1];
        for (int k = 1; k < xs.length; k++) {
            if (want <= len[k] || k == xs.length - 1) {
                double seg = len[k] - len[k - 1];
                double t = seg <= 0 ? 0 : (want - len[k - 1]) / seg;
                out[0] = xs[k - 1] + (xs[k] - xs[k - 1]) * t;
                out[1] = ys[k - 1] + (ys[k] - ys[k - 1]) * t;
                return true;
            }
        }
        return false;
    }

    /** Scale and offsets of the strip in a canvas: the page's width fills it, up to {@code maxScale}, centred. */
    public TopologyLayout.Fit fit(double canvasW, double maxScale) {
        double scale = Math.max(0.1, Math.min(canvasW / WIDTH, maxScale));
        return new TopologyLayout.Fit(scale, (canvasW - WIDTH * scale) / 2, 0);
    }
}
