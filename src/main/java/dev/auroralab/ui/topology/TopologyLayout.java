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
 * fit): the endpoints on top, one column per AZ with its instances and its storage nodes (each node showing the
 * copies it holds), then one row per protection group with its six copies and its quorum gauge, then the legend.
 * Computed from the snapshot alone, so it follows replicas being added and copies being replaced. Also answers
 * "what is under the mouse".
 */
public final class TopologyLayout {

    public static final double WIDTH = 1200;
    static final double MARGIN = 14;
    static final double GAP = 14;
    static final double PAD = 8;
    static final double ENDPOINT_ROW = 44;
    static final double AZ_HEADER = 32;
    static final double CARD_H = 64;
    static final double NODE_HEADER = 20;
    static final double CHIP_W = 38;
    static final double CHIP_H = 22;
    static final double CHIP_GAP = 4;
    static final int CHIPS_PER_NODE_ROW = 4;
    static final double PG_ROW = 36;
    static final double PG_LABEL = 70;
    static final double PG_CHIP_W = 92;
    static final double PG_CHIP_H = 26;
    static final double LEGEND = 30;

    public final Map<String, Box> azColumns = new LinkedHashMap<>();
    public final Map<String, Box> azHeaders = new LinkedHashMap<>();
    public final Map<String, Box> instances = new LinkedHashMap<>();
    public final Map<String, Box> nodes = new LinkedHashMap<>();
    /** A copy drawn inside its storage node: where boxcars land. */
    public final Map<String, Box> nodeChips = new HashMap<>();
    /** The same copy in its protection group's row. */
    public final Map<String, Box> pgChips = new HashMap<>();
    public final Map<String, Box> pgRows = new LinkedHashMap<>();
    /** Per AZ with storage nodes: the top of its node grid, where the "storage nodes" caption sits above. */
    public final Map<String, Double> storageTops = new HashMap<>();
    public Box writerEndpoint;
    public Box readerEndpoint;
    public Box legend;
    public double height;
    private final List<Map.Entry<Box, Selection>> hits = new ArrayList<>();
    /** Instances and copies numbered, so a message's path (from, to) is an index into {@link #dotsOnPath}. */
    final Map<String, Integer> messageEnds = new HashMap<>();
    /**
     * Scratch for the renderer: dots drawn so far on each path in this frame. Kept with the layout, which lives for
     * many frames, so drawing the messages makes no garbage; used on the FX thread only, like the canvas.
     */
    byte[] dotsOnPath;

    private TopologyLayout() {
    }

    public static TopologyLayout of(EngineSnapshot s) {
        TopologyLayout l = new TopologyLayout();
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
        return previous != null && previous.structure.matches(s) ? previous : of(s);
    }

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
        int azCount = Math.max(1, s.azs().size());
        double colW = (WIDTH - 2 * MARGIN - (azCount - 1) * GAP) / azCount;
        double innerW = (colW - 3 * PAD) / 2;

        double top = MARGIN;
        writerEndpoint = new Box(MARGIN, top, 300, 30);
        readerEndpoint = new Box(WIDTH - MARGIN - 420, top, 420, 30);
        top += ENDPOINT_ROW;

        Map<String, List<InstanceSnapshot>> byAz = new HashMap<>();
        Map<String, List<StorageNodeSnapshot>> nodesByAz = new HashMap<>();
        int maxCards = 1;
        int maxNodes = 1;
        int maxChips = 1;
        for (String az : s.azs()) {
            List<InstanceSnapshot> in = s.instances().stream().filter(i -> i.az().equals(az)).toList();
            List<StorageNodeSnapshot> ns = s.storageNodes().stream().filter(n -> n.az().equals(az)).toList();
            byAz.put(az, in);
            nodesByAz.put(az, ns);
            maxCards = Math.max(maxCards, in.size());
            maxNodes = Math.max(maxNodes, ns.size());
            for (StorageNodeSnapshot n : ns) {
                maxChips = Math.max(maxChips, n.segments().size());
            }
        }
        int cardRows = (maxCards + 1) / 2;
        int nodeRows = (maxNodes + 1) / 2;
        int chipRows = (maxChips + CHIPS_PER_NODE_ROW - 1) / CHIPS_PER_NODE_ROW;
        double nodeH = NODE_HEADER + chipRows * (CHIP_H + CHIP_GAP) + PAD / 2;
        double instancesTop = top + AZ_HEADER;
        double storageLabel = 18;
        double nodesTop = instancesTop + cardRows * (CARD_H + PAD) + storageLabel;
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
                Box b = new Box(x + PAD + (i % 2) * (innerW + PAD), instancesTop + (i / 2) * (CARD_H + PAD), innerW,
                        CARD_H);
                instances.put(in.get(i).id(), b);
                hit(b, Selection.instance(in.get(i).id()));
            }
            List<StorageNodeSnapshot> ns = nodesByAz.get(az);
            if (!ns.isEmpty()) {
                storageTops.put(az, nodesTop);
            }
            for (int n = 0; n < ns.size(); n++) {
                StorageNodeSnapshot node = ns.get(n);
                Box b = new Box(x + PAD + (n % 2) * (innerW + PAD), nodesTop + (n / 2) * (nodeH + PAD), innerW, nodeH);
                nodes.put(node.id(), b);
                hit(b, Selection.node(node.id()));
                double chipsLeft = b.x() + (innerW - (CHIPS_PER_NODE_ROW * CHIP_W
                        + (CHIPS_PER_NODE_ROW - 1) * CHIP_GAP)) / 2;
                for (int c = 0; c < node.segments().size(); c++) {
                    Box chip = new Box(chipsLeft + (c % CHIPS_PER_NODE_ROW) * (CHIP_W + CHIP_GAP),
                            b.y() + NODE_HEADER + (c / CHIPS_PER_NODE_ROW) * (CHIP_H + CHIP_GAP), CHIP_W, CHIP_H);
                    nodeChips.put(node.segments().get(c), chip);
                    hit(chip, Selection.segment(node.segments().get(c)));
                }
            }
        }
        top += colH + GAP + 20;

        for (ProtectionGroupSnapshot pg : s.volume().protectionGroups()) {
            Box row = new Box(MARGIN, top, WIDTH - 2 * MARGIN, PG_ROW - 4);
            pgRows.put(pg.id(), row);
            hit(row, Selection.pg(pg.id()));
            List<SegmentSnapshot> segs = pg.segments();
            for (int c = 0; c < segs.size(); c++) {
                Box chip = new Box(MARGIN + PG_LABEL + c * (PG_CHIP_W + CHIP_GAP), top + (PG_ROW - 4 - PG_CHIP_H) / 2,
                        PG_CHIP_W, PG_CHIP_H);
                pgChips.put(segs.get(c).id(), chip);
                hit(chip, Selection.segment(segs.get(c).id()));
            }
            top += PG_ROW;
        }
        for (String id : instances.keySet()) {
            messageEnds.putIfAbsent(id, messageEnds.size());
        }
        for (String id : nodeChips.keySet()) {
            messageEnds.putIfAbsent(id, messageEnds.size());
        }
        dotsOnPath = new byte[messageEnds.size() * messageEnds.size()];
        legend = new Box(MARGIN, top + 4, WIDTH - 2 * MARGIN, LEGEND - 8);
        height = top + LEGEND + MARGIN;
    }

    /**
     * Everything selectable, in the order the [ and ] keys walk it: instances, then each protection group followed by
     * its copies, then the storage nodes, the AZs and the two endpoints. Reading order, so a presenter without a
     * mouse can reach any element.
     */
    public List<Selection> keyboardOrder() {
        List<Selection> out = new ArrayList<>();
        instances.keySet().forEach(id -> out.add(Selection.instance(id)));
        for (int i = 0; i < structure.pgIds().size(); i++) {
            out.add(Selection.pg(structure.pgIds().get(i)));
            structure.pgSegments().get(i).forEach(id -> out.add(Selection.segment(id)));
        }
        nodes.keySet().forEach(id -> out.add(Selection.node(id)));
        azColumns.keySet().forEach(id -> out.add(Selection.az(id)));
        out.add(new Selection(Selection.Kind.ENDPOINT, "cluster"));
        out.add(new Selection(Selection.Kind.ENDPOINT, "reader"));
        return out;
    }

    /** x where a PG row's gauge text starts: after the widest row of copies (6 plus up to 2 replacements). */
    public static double gaugeX() {
        return MARGIN + PG_LABEL + 8 * (PG_CHIP_W + CHIP_GAP) + 6;
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

    /** Scale and offsets that fit the logical page into a canvas of the given size, centred. */
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
        double byWidth = canvasW / WIDTH;
        double scale = Math.max(0.1, Math.max(Math.min(byWidth, canvasH / height), Math.min(byWidth, minScale)));
        double overflow = Math.max(0, height * scale - canvasH);
        // top-aligned: the page grows downward as replicas and groups are added, the eye starts at the endpoints
        return new Fit(scale, (canvasW - WIDTH * scale) / 2, -Math.max(0, Math.min(overflow, scrollPx)));
    }

    /** Whether the page at {@code minScale} is taller than a canvas this size: the view then scrolls. */
    public boolean overflows(double canvasW, double canvasH, double minScale) {
        return fit(canvasW, canvasH, minScale, 0).scale() * height > canvasH + 0.5;
    }
}
