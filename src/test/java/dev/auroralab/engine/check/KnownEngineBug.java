package dev.auroralab.engine.check;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Engine bugs the VOPR found, reported to the engine's owner and not fixed here (the engine is being restructured).
 * Each is recognised from the run's final snapshot and log, narrowly: a failing seed all of whose problems these
 * explain is printed and counted as known rather than failed, so that the sweep keeps guarding everything else;
 * {@code -Dvopr.strict=true} fails them too. Delete an entry once its bug is fixed, and the sweep fails again on any
 * seed that still shows it.
 */
enum KnownEngineBug {

    /** Seeds 23, 39: a promotion that can never finish. */
    PROMOTED_REGION_LEFT_WITHOUT_INSTANCE("remove-replica is accepted for the last instance of the region a switchover"
            + " or a global failover/detach is promoting; the promotion then retries every second for ever and the"
            + " volume never takes writes again"),
    /** Seed 156. */
    STALE_FAILOVER_SOURCE("a new writer that dies while the endpoint moves leaves the failover's source at the old"
            + " writer; if that old writer is then chosen and dies while being promoted, the guard for 'the target is"
            + " the old writer' skips choosing again, and the failover stays 'promoting' for ever"),
    /** Seed 37. */
    DEGRADED_MODEL_KEPT("a PG stays in the degraded 3/4 model after every copy of its excluded AZ is back up, when the"
            + " last one came back by a storage-node or segment restore with nothing to catch up (only an AZ"
            + " restore, a gossip catch-up or a hydration look at leaving the model)"),
    /** Seed 17. */
    OLD_PRIMARY_WRITABLE_WITHOUT_QUORUM("after a detach and promote, the old primary's region is reported writable"
            + " (and counted for split brain) whenever its writer is up, even with a PG below its write quorum"),
    /** Seeds 244, 249. */
    REPLICATION_BATCH_LOST_WHEN_REGION_FAILS("a replication batch that has arrived at a secondary but is not yet"
            + " persisted when the region fails is kept by no copy and never sent again (it counts as received):"
            + " after the region returns every copy of its PGs catches up for ever and its durable LSN stops");

    private final String what;

    KnownEngineBug(String what) {
        this.what = what;
    }

    String what() {
        return what;
    }

    /**
     * The known bugs that explain every problem of {@code run}, or an empty set when one problem is unexplained (or
     * there is none).
     */
    static Set<KnownEngineBug> explaining(VoprRun run) {
        Set<KnownEngineBug> found = new LinkedHashSet<>();
        EngineSnapshot last = run.engine.snapshot();
        for (String problem : run.problems) {
            KnownEngineBug bug = null;
            if (problem.startsWith("safety: ")) {
                if (problem.contains(" WRITABLE_NEEDS_WRITER_AND_QUORUMS: ")
                        && problem.contains(" (primary; the writes go to ")) {
                    bug = OLD_PRIMARY_WRITABLE_WITHOUT_QUORUM;
                }
            } else if (problem.startsWith("liveness: not writable")) {
                bug = stuckPromotion(last);
            } else if (problem.startsWith("liveness: not settled")) {
                List<KnownEngineBug> each = new ArrayList<>();
                for (VoprRun.Unsettled u : run.unsettled(last)) {
                    each.add(explain(u, last, run));
                }
                if (!each.isEmpty() && !each.contains(null)) {
                    found.addAll(each);
                    continue;
                }
            }
            if (bug == null) {
                return Set.of();
            }
            found.add(bug);
        }
        return found;
    }

    private static KnownEngineBug explain(VoprRun.Unsettled u, EngineSnapshot s, VoprRun run) {
        return switch (u.kind()) {
            case NOT_WRITABLE -> stuckPromotion(s);
            case DEGRADED -> degradedKept(region(s, u.region()), u.pg()) ? DEGRADED_MODEL_KEPT : null;
            case COPY_NOT_UP -> regionFailed(run, u.region()) && stuckCatchingUp(pg(s, u.region(), u.pg()))
                    ? REPLICATION_BATCH_LOST_WHEN_REGION_FAILS : null;
            case SECONDARY_BEHIND -> regionFailed(run, u.region()) && region(s, u.region()).volume().protectionGroups()
                    .stream().anyMatch(KnownEngineBug::stuckCatchingUp) ? REPLICATION_BATCH_LOST_WHEN_REGION_FAILS
                    : null;
            default -> null;
        };
    }

    /** A promotion that cannot finish: its region has no instance, or its target is not being promoted. */
    private static KnownEngineBug stuckPromotion(EngineSnapshot s) {
        FailoverSnapshot f = s.failoverInProgress();
        if (f == null || f.to() == null) {
            return null;
        }
        if (f.phase().equals("global promoting") || f.phase().equals("switchover reconfiguring")) {
            RegionSnapshot target = s.regionSnapshot(f.to());
            return target != null && target.instances().isEmpty() ? PROMOTED_REGION_LEFT_WITHOUT_INSTANCE : null;
        }
        if (f.phase().equals("promoting") && f.to().equals(f.from())) {
            InstanceSnapshot target = s.instance(f.to());
            return target == null || target.status() != InstanceStatus.PROMOTING ? STALE_FAILOVER_SOURCE : null;
        }
        return null;
    }

    /** The degraded model kept while its AZ is back and every copy there is up: it should have been left. */
    private static boolean degradedKept(RegionSnapshot r, String pgId) {
        ProtectionGroupSnapshot pg = r.volume().protectionGroups().stream().filter(p -> p.id().equals(pgId))
                .findFirst().orElseThrow();
        String az = pg.degradedExcludedAz();
        return !r.downAzs().contains(az) && pg.segments().stream().filter(c -> c.az().equals(az))
                .allMatch(c -> c.state().label().equals("up"));
    }

    /** Every copy of the PG catching up: none has what the others lack, so gossip can never fill the hole. */
    private static boolean stuckCatchingUp(ProtectionGroupSnapshot pg) {
        return pg.segments().stream().map(c -> c.state().label()).allMatch(st -> st.equals("catching up"));
    }

    private static boolean regionFailed(VoprRun run, String region) {
        return run.engine.events().stream()
                .anyMatch(e -> e instanceof AuroraEvent.RegionFailed f && f.region().equals(region));
    }

    private static RegionSnapshot region(EngineSnapshot s, String name) {
        return Observation.regions(s).stream().filter(r -> r.region().equals(name)).findFirst().orElseThrow();
    }

    private static ProtectionGroupSnapshot pg(EngineSnapshot s, String region, String id) {
        return region(s, region).volume().protectionGroups().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow();
    }
}
