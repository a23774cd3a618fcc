package dev.auroralab.engine.check;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One look at the engine: the snapshot now, the one before (null the first time) and the events logged in between,
 * with the violations found so far. The checks read only these values.
 */
final class Observation {

    final EngineSnapshot before;
    final EngineSnapshot now;
    final List<AuroraEvent> events;
    final List<Violation> found = new ArrayList<>();

    Observation(EngineSnapshot before, EngineSnapshot now, List<AuroraEvent> events) {
        this.before = before;
        this.now = now;
        this.events = List.copyOf(events);
    }

    void fail(SafetyProperty property, String message) {
        found.add(new Violation(now.nowMicros(), property, message));
    }

    /** Every region of {@code s}; a snapshot that lists none is one region, described by its own fields. */
    static List<RegionSnapshot> regions(EngineSnapshot s) {
        return s.regionsOrPrimary();
    }

    List<RegionSnapshot> regionsNow() {
        return regions(now);
    }

    /** The region called {@code name} in the snapshot before, or null (the first look). */
    RegionSnapshot regionBefore(String name) {
        if (before == null) {
            return null;
        }
        for (RegionSnapshot r : regions(before)) {
            if (r.region().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** Every PG of the snapshot before, by id (ids carry their region outside the scenario's primary). */
    Map<String, ProtectionGroupSnapshot> pgsBefore() {
        Map<String, ProtectionGroupSnapshot> out = new HashMap<>();
        if (before != null) {
            for (RegionSnapshot r : regions(before)) {
                for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                    out.put(pg.id(), pg);
                }
            }
        }
        return out;
    }

    boolean logged(Class<? extends AuroraEvent> type) {
        for (AuroraEvent e : events) {
            if (type.isInstance(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the log explains LSNs going back since the last look: crash recovery cuts the volume at the VDL it
     * recomputes (P17 §4.3), a loss of acknowledged writes cuts it where data survives, a restore from the backup cuts
     * it where the backup ends, a global promotion cuts it at the promoted region's durable LSN.
     */
    boolean truncationLogged() {
        return logged(AuroraEvent.CrashRecoveryCompleted.class) || logged(AuroraEvent.AcknowledgedWritesLost.class)
                || logged(AuroraEvent.GlobalPromotionStarted.class)
                || logged(AuroraEvent.ProtectionGroupRestoredFromBackup.class);
    }

    /** Whether {@code region} rejoined as a secondary since the last look: its volume is cut back to what it holds. */
    boolean rejoined(String region) {
        for (AuroraEvent e : events) {
            if (e instanceof AuroraEvent.RegionRejoined r && r.region().equals(region)) {
                return true;
            }
        }
        return false;
    }
}
