package dev.auroralab.teach;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults of one region's copies, kept as one fault per shape of protection group and copy position
 * ({@link GroupShapes}) and made into each copy's own fault only when asked for: a 256 TiB volume has 157,290 copies,
 * and the window asks about the few dozen it draws. A copy's fault is its shape's, with the copy's id and address and
 * its group's name where the shape's says {@link #GROUP}.
 */
final class CopyFaults {

    /** Where a template's reasons name the group: replaced by each group's own id. */
    static final String GROUP = "\u0000group\u0000";

    private final String region;
    private final GroupShapes shapes;
    /** By shape, by copy position: the fault, or null where the engine would refuse it (or a replacement). */
    private final SingleFault[][] templates;
    private final int size;
    private final Map<FaultEffect, Long> counts = new EnumMap<>(FaultEffect.class);
    private final long safe;
    private Map<String, Integer> groupById;

    CopyFaults(String region, GroupShapes shapes, SingleFault[][] templates) {
        this.region = region;
        this.shapes = shapes;
        this.templates = templates;
        int n = 0;
        long safeCount = 0;
        for (GroupShapes.Shape sh : shapes.shapes) {
            for (SingleFault t : templates[sh.index]) {
                if (t == null) {
                    continue;
                }
                n += sh.count;
                safeCount += t.safe() ? sh.count : 0;
                for (FaultEffect e : t.effects()) {
                    counts.merge(e, (long) sh.count, Long::sum);
                }
            }
        }
        this.size = n;
        this.safe = safeCount;
    }

    String region() {
        return region;
    }

    /** How many copies can be failed now. */
    int size() {
        return size;
    }

    long safe() {
        return safe;
    }

    /** How many copies' faults have each effect. */
    Map<FaultEffect, Long> counts() {
        return counts;
    }

    /** Every copy's fault, group by group in volume order, each group's copies in its order. */
    void addTo(List<SingleFault> out) {
        for (int g = 0; g < shapes.pgs.size(); g++) {
            ProtectionGroupSnapshot pg = shapes.pgs.get(g);
            SingleFault[] t = templates[shapes.shapeOf[g]];
            List<SegmentSnapshot> segs = pg.segments();
            for (int k = 0; k < segs.size(); k++) {
                if (t[k] != null) {
                    out.add(own(t[k], pg, segs.get(k)));
                }
            }
        }
    }

    /**
     * The fault of the copy {@code id}, or null when this region has no such copy or it cannot be failed now. Its
     * group is found by its name: a copy's id is its address, {@code GROUP/AZ/N}, with {@code #generation} after it
     * for a replacement (ProtectionGroup.placeInitial and its replacements); an id of any other form is looked for
     * in every group.
     */
    SingleFault find(String id) {
        if (groupById == null) {
            groupById = new HashMap<>();
            for (int g = 0; g < shapes.pgs.size(); g++) {
                groupById.put(shapes.pgs.get(g).id(), g);
            }
        }
        String address = id.indexOf('#') >= 0 ? id.substring(0, id.indexOf('#')) : id;
        int copyNumber = address.lastIndexOf('/');
        int az = copyNumber <= 0 ? -1 : address.lastIndexOf('/', copyNumber - 1);
        if (az > 0) {
            Integer g = groupById.get(address.substring(0, az));
            return g == null ? null : inGroup(g, id);
        }
        for (int each = 0; each < shapes.pgs.size(); each++) {
            SingleFault f = inGroup(each, id);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private SingleFault inGroup(int g, String id) {
        ProtectionGroupSnapshot pg = shapes.pgs.get(g);
        List<SegmentSnapshot> segs = pg.segments();
        for (int k = 0; k < segs.size(); k++) {
            SingleFault t = templates[shapes.shapeOf[g]][k];
            if (t != null && segs.get(k).id().equals(id)) {
                return own(t, pg, segs.get(k));
            }
        }
        return null;
    }

    /** The shape's fault made the copy's own: its id, its address in the command, its group's name in the reasons. */
    private static SingleFault own(SingleFault t, ProtectionGroupSnapshot pg, SegmentSnapshot seg) {
        List<String> reasons = t.reasons();
        if (!reasons.isEmpty()) {
            List<String> named = new ArrayList<>(reasons.size());
            for (String r : reasons) {
                named.add(r.replace(GROUP, pg.id()));
            }
            reasons = named;
        }
        return new SingleFault(t.kind(), seg.id(), t.region(), new Command.FailSegment(seg.address()), t.effects(),
                reasons, t.writesBackMicros());
    }
}
