package dev.auroralab.ui;

import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;

/**
 * Which region of a Global Database holds a selected element. Instance ids, AZs, storage nodes, protection groups and
 * copies are unique across regions (the engine checks ids and AZs, names nodes and copies after their AZ, and a
 * secondary's groups after the region: "eu-west-1/pg-0"), so an element names its region; an endpoint does not, and
 * stays in the region on show.
 */
public final class RegionLookup {

    private RegionLookup() {
    }

    /** Whether {@code view} (one region's snapshot, see {@link EngineSnapshot#forRegion}) draws the element. */
    public static boolean contains(EngineSnapshot view, Selection sel) {
        if (view == null || sel == null) {
            return false;
        }
        return switch (sel.kind()) {
            case INSTANCE -> view.instance(sel.id()) != null;
            case AVAILABILITY_ZONE -> view.azs().contains(sel.id());
            case STORAGE_NODE -> view.storageNode(sel.id()) != null;
            case SEGMENT -> view.segment(sel.id()) != null;
            case PROTECTION_GROUP -> view.pg(sel.id()) != null;
            case REGION -> view.regionSnapshot(sel.id()) != null;
            default -> true;
        };
    }

    /** The region whose topology draws the element, or null when none does or the element names no region. */
    public static String regionHolding(EngineSnapshot s, Selection sel) {
        if (s == null || sel == null) {
            return null;
        }
        if (sel.kind() == Selection.Kind.REGION) {
            return s.regionSnapshot(sel.id()) == null ? null : sel.id();
        }
        if (sel.kind() == Selection.Kind.ENDPOINT || sel.kind() == Selection.Kind.VOLUME) {
            return null;
        }
        for (RegionSnapshot r : s.regions()) {
            if (contains(s.forRegion(r.region()), sel)) {
                return r.region();
            }
        }
        return contains(s, sel) ? s.writerRegion() : null;
    }
}
