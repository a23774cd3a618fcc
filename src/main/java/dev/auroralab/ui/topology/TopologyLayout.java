package dev.auroralab.ui.topology;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.ui.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every element of the topology sits, in logical units (a {@link #WIDTH}-wide page that the canvas scales to
 * fit): the endpoints on top, one column per AZ with its instances (one card per row, the column's width) and its
 * storage nodes (a row of four, each showing the copies it holds), then one row per protection group with its copies
 * and its quorum gauge, then the legend. Computed from the snapshot alone, so it follows replicas being added and
 * copies being replaced. Also answers "what is under the mouse".
 *
 * <p>Why this shape: a projector in a classroom is 1280x720. The page is about 2.6 times as wide as it is tall, like
 * the room left for it under the banner, so the fit uses the screen's width and its height alike; and its smallest
 * text is 13 units, so at the scale a 1280 px window gives the page with the side panel open (about 0.95) the
 * smallest text is still 12 px, and in presenter mode (about 1.27) over 16 px.
 *
 * <p>A volume of many protection groups (128 TiB is 13,108 of them) draws its first {@link #MAX_PG_ROWS} groups
 * and says how many it leaves out, so nothing here or in the renderer grows with the volume's size beyond that:
 * every structure is linear in what is drawn.
 */
public final class TopologyLayout {

    public static final double WIDTH = 1000;
    /** Protection groups drawn at most; the rest are counted in a line under the rows. */
    public static final int MAX_PG_ROWS = 12;
    static final double MARGIN = 12;
    static final double GAP = 12;
    static final double PAD = 8;
    static final double ENDPOINT_H = 30;
    static final double ENDPOINT_ROW = 40;
    static final double AZ_HEADER = 30;
    static final double CARD_H = 52;
    static final double STORAGE_CAPTION = 19;
    static final int NODES_PER_ROW = 4;
    static final double NODE_GAP = 6;
    static final double NODE_HEADER = 19;
    static final double CHIP_W = 31;
    static final double CHIP_H = 21;
    static final double CHIP_GAP = 4;
    static final double PG_TITLE = 22;
    static final double PG_ROW_2_LINES = 36;
    static final double PG_ROW_3_LINES = 52;
    static final double PG_LABEL = 52;
    static final double PG_CHIP_W = 86;
    static final double PG_CHIP_H = 26;
    static final double MORE_LINE = 24;
    static final double LEGEND = 44;
    /** The width the one-line gauge ("writes 6/6 (need 4) ✓ · reads 6/6 (need 3) ✓") needs at 13 px bold. */
    static final double GAUGE_ONE_LINE_W = 365;
    /** The width the gauge's longest line needs when it takes three lines ("writes 6/8 (need 4) ✓" at 14 px bold). */
    public static final double GAUGE_MIN_W = 175;

    public final Map<String, Box> azColumns = new LinkedHashMap<>();
    public final Map<String, Box> azHeaders = new LinkedHashMap<>();
    public final Map<String, Box> instances = new LinkedHashMap<>();
    public final Map<String, Box> nodes = new LinkedHashMap<>();
    /** A copy drawn inside its storage node: where boxcars land. Only copies of the groups drawn. */
    public final Map<String, Box> nodeChips = new HashMap<>();
    /** The same copy in its protection group's row. */
    public final Map<String, Box> pgChips = new HashMap<>();
    public final Map<String, Box> pgRows = new LinkedHashMap<>();
    /** Per AZ with storage nodes: the top of its node row, where the "storage nodes" caption sits above. */
    public final Map<String, Double> storageTops = new HashMap<>();
    /** Per storage node: how many copies it holds of groups not drawn (absent when none). */
    public final Map<String, Integer> copiesNotDrawn = new HashMap<>();
    public Box writerEndpoint;
    public Box readerEndpoint;
    public Box legend;
    /**
     * The distance-to-failure caption, or null while the overlay is off: it takes the protection groups' title line
     * (what the title says, 4 of 6 and 3 of 6, every gauge says too), so the overlay costs the page no height and
     * the picture is drawn as large with it as without.
     */
    public Box distanceCaption;
    /** The line that counts the protection groups not drawn, or null when every one is. */
    public Box moreGroups;
    /** Protection groups in the volume, and how many of them have a row. */
    public int pgTotal;
    public int pgDrawn;
    /** Where a row's gauge text starts, and whether it takes three lines (writes, reads, sets) instead of two. */
    public double gaugeX;
    public boolean gaugeOnThreeLines;
    public double height;
    private final List<Map.Entry<Box, Selection>> hits = new ArrayList<>();
    /**
     * Instances and drawn copies numbered, so a message's path is an index into {@link #dotsOnPath}. A message's path
     * is known by the end that is not the writer (a boxcar's copy, an ack's copy, a redo's replica) and its kind, so
     * the scratch array is linear in the number of ends, whatever the volume's size.
     */
    final Map<String, Integer> messageEnds = new HashMap<>();
    /**
     * Scratch for the renderer: dots drawn so far on each path in this frame, three kinds per end. Kept with the
     * layout, which lives for many frames, so drawing the messages makes no garbage; FX thread only, like the canvas.
     */
    byte[] dotsOnPath;

    private TopologyLayout() {
    }

    public static TopologyLayout of(EngineSnapshot s) {
        return of(s, false);
    }

    /**
     * A layout of the snapshot; {@code compact} (presenter mode) leaves out the storage caption and the legend's
     * explanations, keeping the legend to one line: the page is then lower, so it can be drawn larger.
     */
    public static TopologyLayout of(EngineSnapshot s, boolean compact) {
        TopologyLayout l = new TopologyLayout();
        l.compact = compact;
        l.build(s);
        l.structure = Structure.of(s);
        return l;
    }

    /**
     * {@code previous} when the snapshot has the same structure (the same AZs, instances, storage nodes and the copies
     * each holds, protection groups and their copies), else a fresh layout. A layout depends on nothing else, and
     * the structure changes only when the learner or the engine adds, removes or replaces something, so the window
     * builds a layout a handful of times per run instead of on every frame.
     */
    public static TopologyLayout of(EngineSnapshot s, TopologyLayout previous) {
        return of(s, previous, false);
    }

    /** {@code previous} when it has the same structure and compactness, else a fresh layout. */
    public static TopologyLayout of(EngineSnapshot s, TopologyLayout previous, boolean compact) {
        return of(s, previous, compact, false);
    }

    /**
     * {@code previous} when it has the same structure, compactness and distance caption, else a fresh layout;
     * {@code distance}: the distance-to-failure overlay is on, and the page has a line for its caption.
     */
    public static TopologyLayout of(EngineSnapshot s, TopologyLayout previous, boolean compact, boolean distance) {
        if (previous != null && previous.compact == compact && previous.distance == distance
                && previous.structure.matches(s)) {
            return previous;
        }
        TopologyLayout l = new TopologyLayout();
        l.compact = compact;
        l.distance = distance;
        l.build(s);
        l.structure = Structure.of(s);
        return l;
    }

    /** Presenter mode's page: no storage caption, a one-line legend. */
    public boolean compact;
    /** The distance-to-failure overlay is on: its caption takes the protection groups' title line. */
    public boolean distance;

    /** What this layout was built from; set by {@link #of(EngineSnapshot)}, the only way to make one. */
    private Structure structure;

    /** What a layout is built from, copied out of the snapshot it was built for. */
    private record Structure(List<String> azs, List<String> instanceIds, List<String> instanceAzs, List<String> nodeIds,
            List<String> nodeAzs, List<List<String>> nodeSegments, List<String> pgIds, List<List<String>> pgSegments) {

        static Structure of(EngineSnapshot s) {
            return new Structure(List.copyOf(s.azs()),
                    s.instances().stream().map(InstanceSnapshot::id).toList(),
                    s.instances().stream().map(InstanceSnapshot::az).toList(),
                    s.storageNodes().stream().map(StorageNodeSnapshot::id).toList(),
                    s.storageNodes().stream().map(StorageNodeSnapshot::az).toList(),
                    s.storageNodes().stream().map(n -> List.copyOf(n.segments())).toList(),
                    s.volume().protectionGroups().stream().map(ProtectionGroupSnapshot::id).toList(),
                    s.volume().protectionGroups().stream()
                            .map(pg -> pg.segments().stream().map(SegmentSnapshot::id).toList()).toList());
        }

        /** Compared by index, without building anything: this runs on every frame. */
        boolean matches(EngineSnapshot s) {
            if (!azs.equals(s.azs()) || instanceIds.size() != s.instances().size()
                    || nodeIds.size() != s.storageNodes().size()
                    || pgIds.size() != s.volume().protectionGroups().size()) {
                return false;
            }
            for (int i = 0; i < instanceIds.size(); i++) {
                InstanceSnapshot in = s.instances().get(i);
                if (!instanceIds.get(i).equals(in.id()) || !instanceAzs.get(i).equals(in.az())) {
                    return false;
                }
            }
            for (int i = 0; i < nodeIds.size(); i++) {
                StorageNodeSnapshot n = s.storageNodes().get(i);
                if (!nodeIds.get(i).equals(n.id()) || !nodeAzs.get(i).equals(n.az())
                        || !nodeSegments.get(i).equals(n.segments())) {
                    return false;
                }
            }
            for (int i = 0; i < pgIds.size(); i++) {
                ProtectionGroupSnapshot pg = s.volume().protectionGroups().get(i);
                List<String> want = pgSegments.get(i);
                if (!pgIds.get(i).equals(pg.id()) || want.size() != pg.segments().size()) {
                    return false;
                }
                for (int c = 0; c < want.size(); c++) {
                    if (!want.get(c).equals(pg.segments().get(c).id())) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private void build(EngineSnapshot s) {
        List<ProtectionGroupSnapshot> groups = s.volume().protectionGroups();
        pgTotal = groups.size();
        pgDrawn = Math.min(pgTotal, MAX_PG_ROWS);
        // the copies that have a chip: those of the groups drawn
        java.util.Set<String> drawnCopies = new java.util.HashSet<>();
        int slots = 6;
        for (int i = 0; i < pgDrawn; i++) {
            ProtectionGroupSnapshot pg = groups.get(i);
            slots = Math.max(slots, pg.segments().size());
            for (SegmentSnapshot seg : pg.segments()) {
                drawnCopies.add(seg.id());
            }
        }

        int azCount = Math.max(1, s.azs().size());
        double colW = (WIDTH - 2 * MARGIN - (azCount - 1) * GAP) / azCount;
        double cardW = colW - 2 * PAD;

        double top = MARGIN;
        writerEndpoint = new Box(MARGIN, top, 330, ENDPOINT_H);
        readerEndpoint = new Box(WIDTH - MARGIN - 380, top, 380, ENDPOINT_H);
        top += ENDPOINT_ROW;

        Map<String, List<InstanceSnapshot>> byAz = new HashMap<>();
        Map<String, List<StorageNodeSnapshot>> nodesByAz = new HashMap<>();
        Map<String, List<String>> chipsOf = new HashMap<>();
        int maxCards = 1;
        int maxNodes = 1;
        int maxChips = 1;
        for (String az : s.azs()) {
            byAz.put(az, new ArrayList<>());
            nodesByAz.put(az, new ArrayList<>());
        }
        for (InstanceSnapshot in : s.instances()) {
            List<InstanceSnapshot> list = byAz.get(in.az());
            if (list != null) {
                list.add(in);
                maxCards = Math.max(maxCards, list.size());
            }
        }
        for (StorageNodeSnapshot n : s.storageNodes()) {
            List<StorageNodeSnapshot> list = nodesByAz.get(n.az());
            if (list == null) {
                continue;
            }
            list.add(n);
            maxNodes = Math.max(maxNodes, list.size());
            List<String> shown = new ArrayList<>();
            for (String seg : n.segments()) {
                if (drawnCopies.contains(seg)) {
                    shown.add(seg);
                }
            }
            chipsOf.put(n.id(), shown);
            if (shown.size() < n.segments().size()) {
                copiesNotDrawn.put(n.id(), n.segments().size() - shown.size());
            }
            maxChips = Math.max(maxChips, shown.size());
        }
        double nodeW = (colW - 2 * PAD - (NODES_PER_ROW - 1) * NODE_GAP) / NODES_PER_ROW;
        int chipsPerRow = Math.max(1, (int) Math.floor((nodeW - 4 + CHIP_GAP) / (CHIP_W + CHIP_GAP)));
        int nodeRows = (maxNodes + NODES_PER_ROW - 1) / NODES_PER_ROW;
        int chipRows = (maxChips + chipsPerRow - 1) / chipsPerRow;
        double nodeH = NODE_HEADER + chipRows * (CHIP_H + CHIP_GAP) + 2;
        double instancesTop = top + AZ_HEADER;
        double nodesTop = instancesTop + maxCards * (CARD_H + PAD) + (compact ? 2 : STORAGE_CAPTION);
        double colH = nodesTop - top + nodeRows * (nodeH + PAD);

        for (int a = 0; a < s.azs().size(); a++) {
            String az = s.azs().get(a);
            double x = MARGIN + a * (colW + GAP);
            Box col = new Box(x, top, colW, colH);
            azColumns.put(az, col);
            azHeaders.put(az, new Box(x, top, colW, AZ_HEADER));
            hit(col, Selection.az(az));
            List<InstanceSnapshot> in = byAz.get(az);
            for (int i = 0; i < in.size(); i++) {
                Box b = new Box(x + PAD, instancesTop + i * (CARD_H + PAD), cardW, CARD_H);
                instances.put(in.get(i).id(), b);
                hit(b, Selection.instance(in.get(i).id()));
            }
            List<StorageNodeSnapshot> ns = nodesByAz.get(az);
            if (!ns.isEmpty() && !compact) {
                storageTops.put(az, nodesTop);
            }
            for (int n = 0; n < ns.size(); n++) {
                StorageNodeSnapshot node = ns.get(n);
                Box b = new Box(x + PAD + (n % NODES_PER_ROW) * (nodeW + NODE_GAP),
                        nodesTop + (n / NODES_PER_ROW) * (nodeH + PAD), nodeW, nodeH);
                nodes.put(node.id(), b);
                hit(b, Selection.node(node.id()));
                List<String> shown = chipsOf.get(node.id());
                double chipsLeft = b.x() + (nodeW - (chipsPerRow * CHIP_W + (chipsPerRow - 1) * CHIP_GAP)) / 2;
                for (int c = 0; c < shown.size(); c++) {
                    Box chip = new Box(chipsLeft + (c % chipsPerRow) * (CHIP_W + CHIP_GAP),
                            b.y() + NODE_HEADER + (c / chipsPerRow) * (CHIP_H + CHIP_GAP), CHIP_W, CHIP_H);
                    nodeChips.put(shown.get(c), chip);
                    hit(chip, Selection.segment(shown.get(c)));
                }
            }
        }
        top += colH + GAP + PG_TITLE;
        if (distance) {
            distanceCaption = new Box(MARGIN, top - PG_TITLE - 3, WIDTH - 2 * MARGIN, PG_TITLE - 1);
        }

        gaugeX = MARGIN + PG_LABEL + slots * (PG_CHIP_W + CHIP_GAP) + 6;
        gaugeOnThreeLines = WIDTH - MARGIN - 6 - gaugeX < GAUGE_ONE_LINE_W;
        double rowH = gaugeOnThreeLines ? PG_ROW_3_LINES : PG_ROW_2_LINES;
        for (int i = 0; i < pgDrawn; i++) {
            ProtectionGroupSnapshot pg = groups.get(i);
            Box row = new Box(MARGIN, top, WIDTH - 2 * MARGIN, rowH - 4);
            pgRows.put(pg.id(), row);
            hit(row, Selection.pg(pg.id()));
            List<SegmentSnapshot> segs = pg.segments();
            for (int c = 0; c < segs.size(); c++) {
                Box chip = new Box(MARGIN + PG_LABEL + c * (PG_CHIP_W + CHIP_GAP), row.cy() - PG_CHIP_H / 2,
                        PG_CHIP_W, PG_CHIP_H);
                pgChips.put(segs.get(c).id(), chip);
                hit(chip, Selection.segment(segs.get(c).id()));
            }
            top += rowH;
        }
        if (pgDrawn < pgTotal) {
            moreGroups = new Box(MARGIN, top, WIDTH - 2 * MARGIN, MORE_LINE - 4);
            top += MORE_LINE;
        }
        for (String id : instances.keySet()) {
            messageEnds.putIfAbsent(id, messageEnds.size());
        }
        for (String id : nodeChips.keySet()) {
            messageEnds.putIfAbsent(id, messageEnds.size());
        }
        dotsOnPath = new byte[3 * messageEnds.size()];
        double legendH = compact ? LEGEND / 2 : LEGEND;
        legend = new Box(MARGIN, top + 2, WIDTH - 2 * MARGIN, legendH - 6);
        height = top + legendH + MARGIN / 2;
    }

    /**
     * Everything selectable, in the order the [ and ] keys walk it: instances, then each protection group drawn
     * followed by its copies, then the storage nodes, the AZs and the two endpoints. Reading order, so a presenter
     * without a mouse can reach any element.
     */
    public List<Selection> keyboardOrder() {
        List<Selection> out = new ArrayList<>();
        instances.keySet().forEach(id -> out.add(Selection.instance(id)));
        for (int i = 0; i < pgDrawn; i++) {
            out.add(Selection.pg(structure.pgIds().get(i)));
            structure.pgSegments().get(i).forEach(id -> out.add(Selection.segment(id)));
        }
        nodes.keySet().forEach(id -> out.add(Selection.node(id)));
        azColumns.keySet().forEach(id -> out.add(Selection.az(id)));
        out.add(new Selection(Selection.Kind.ENDPOINT, "cluster"));
        out.add(new Selection(Selection.Kind.ENDPOINT, "reader"));
        return out;
    }

    private void hit(Box b, Selection s) {
        hits.add(Map.entry(b, s));
    }

    /** The innermost element at a logical point, or null. */
    public Selection hitTest(double x, double y) {
        for (int i = hits.size() - 1; i >= 0; i--) {
            if (hits.get(i).getKey().contains(x, y)) {
                return hits.get(i).getValue();
            }
        }
        if (writerEndpoint.contains(x, y)) {
            return new Selection(Selection.Kind.ENDPOINT, "cluster");
        }
        if (readerEndpoint.contains(x, y)) {
            return new Selection(Selection.Kind.ENDPOINT, "reader");
        }
        return null;
    }

    /** Scale and offsets that put the logical page on a canvas: page x = (canvas x - offsetX) / scale. */
    public record Fit(double scale, double offsetX, double offsetY) {
        public double toLogicalX(double px) {
            return (px - offsetX) / scale;
        }

        public double toLogicalY(double py) {
            return (py - offsetY) / scale;
        }
    }

    public Fit fit(double canvasW, double canvasH) {
        return fit(canvasW, canvasH, 0, 0);
    }

    /**
     * Like {@link #fit(double, double)}, but never smaller than {@code minScale} (unless the width itself is
     * narrower): a page too tall for the canvas then overflows it, and {@code scrollPx} (canvas pixels, clamped to
     * the overflow) says how far it is scrolled up.
     */
    public Fit fit(double canvasW, double canvasH, double minScale, double scrollPx) {
        // top-aligned: the page grows downward as replicas and groups are added, the eye starts at the endpoints
        return atScale(fitScale(canvasW, canvasH, minScale), canvasW, canvasH, 0, scrollPx);
    }

    /** The scale at which the page fits the canvas (see {@link #fit(double, double, double, double)}), before zoom. */
    public double fitScale(double canvasW, double canvasH, double minScale) {
        double byWidth = canvasW / WIDTH;
        return Math.max(0.1, Math.max(Math.min(byWidth, canvasH / height), Math.min(byWidth, minScale)));
    }

    /**
     * The page at a given {@code scale} on a canvas of this size, scrolled by {@code scrollX} and {@code scrollY}
     * canvas pixels (each clamped to its overflow); a page narrower than the canvas is centred.
     */
    public Fit atScale(double scale, double canvasW, double canvasH, double scrollX, double scrollY) {
        double overflowX = Math.max(0, WIDTH * scale - canvasW);
        double overflowY = Math.max(0, height * scale - canvasH);
        double offsetX = overflowX > 0 ? -Math.max(0, Math.min(overflowX, scrollX)) : (canvasW - WIDTH * scale) / 2;
        return new Fit(scale, offsetX, -Math.max(0, Math.min(overflowY, scrollY)));
    }

    /** Whether the page at {@code minScale} is taller than a canvas this size: the view then scrolls. */
    public boolean overflows(double canvasW, double canvasH, double minScale) {
        return fit(canvasW, canvasH, minScale, 0).scale() * height > canvasH + 0.5;
    }
}
