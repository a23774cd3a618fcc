package dev.auroralab.engine.check;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds the engine to Aurora's safety promises ({@link SafetyProperty}) by looking only at what anyone outside it can
 * see: successive {@link EngineSnapshot}s and the event log between them. Every expectation is recomputed here (the
 * quorum terms and counts from the copies' states, durability from the copies' SCLs, the commits VDL can cover from
 * the LSNs), never by calling the engine or its storage classes, so a bug in their arithmetic cannot vouch for itself
 * (engine/InvariantChecker reuses them; this does not).
 *
 * <p>Aurora's numbers (4 of 6, 3 of 6, 3 of 4 degraded, LAL) are written here from the papers; only the model's own
 * choices (records per commit) come from ModelValues. Checks run across every region of a Global Database.
 *
 * <p>Use: {@link #observe} after each command and at least every 100 simulated ms (a property broken and mended in
 * between goes unseen), or a {@link SafetyWatch} that does the bookkeeping. Not thread-safe.
 */
public final class SafetyChecker {

    private final CheckerMemory memory = new CheckerMemory();
    private final List<Violation> violations = new ArrayList<>();
    private Set<String> lastFound = Set.of();
    private EngineSnapshot before;
    private long observations;

    /**
     * Looks once. {@code eventsSinceLastLook}: every event logged since the previous call (all of them since the
     * engine was built, for the first); the first look is the baseline for what may only grow.
     *
     * @return the violations that are new at this look: one that persists with the same values is reported once,
     *         when it starts; empty when every property holds
     */
    public List<Violation> observe(EngineSnapshot now, List<AuroraEvent> eventsSinceLastLook) {
        Observation o = new Observation(before, now, eventsSinceLastLook);
        EventChecks.check(o, memory);
        LsnChecks.check(o, memory);
        StorageChecks.check(o);
        CounterChecks.check(o);
        RegionChecks.check(o, memory);
        before = now;
        observations++;
        List<Violation> fresh = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Violation v : o.found) {
            String key = v.property() + " " + v.message();
            if (found.add(key) && !lastFound.contains(key)) {
                fresh.add(v);
            }
        }
        lastFound = found;
        violations.addAll(fresh);
        return List.copyOf(fresh);
    }

    /** Every violation reported so far, in the order seen. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** How many looks so far. */
    public long observations() {
        return observations;
    }
}
