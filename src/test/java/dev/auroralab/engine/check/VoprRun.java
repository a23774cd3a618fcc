package dev.auroralab.engine.check;

import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.ModelValues;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.CountersSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.InstanceStatus;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.StorageNodeSnapshot;
import dev.auroralab.scenario.Durations;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.TimedCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One VOPR run (TigerBeetle's habit): the seed draws the cluster ({@link VoprOptions}) and a fault phase of random
 * commands ({@link VoprFaults}), with the {@link SafetyChecker} looking after every command and every 100 simulated
 * ms; then everything is restored at once and the liveness phase checks that the cluster recovers within bounds taken
 * from the model's timers. Every command, accepted or not, is kept with its time, so the run can be written as a
 * scenario ({@link #scenario()}) and replayed in the window.
 */
final class VoprRun {

    /** How often the checker looks between commands: fine enough to see a quorum lost for one boxcar burst. */
    static final long CHECK_EVERY_MICROS = 100_000;

    /**
     * Writes must be taken again within this long after everything is restored. The slowest path is a writer with no
     * replica to promote: the failure is detected (WRITER_FAILURE_DETECTION), the writer is recreated
     * (WRITER_RECREATE), recovers (CRASH_RECOVERY) and the endpoint moves (ENDPOINT_DNS_TTL); the detection may fire
     * after the restore, and a restarted instance takes INSTANCE_RESTART. A recreate can only have started before
     * the restore, so the chain is at most detection + recreate + recovery + DNS; the restart and a few of the
     * model's 1-second retries (read quorum, hydration, promotion) are the slack. Every other path is shorter: a
     * promotion is detection + restart + recovery + DNS (27 s), a global promotion GLOBAL_PROMOTION (60 s) from its
     * command, a switchover GLOBAL_SWITCHOVER (20 s) once in sync, a copy repair SEGMENT_FAILURE_DETECTION + 10 GiB
     * at REPAIR_MICROS_PER_GIB (20 s).
     */
    static final long WRITABLE_WITHIN_MICROS = ModelValues.WRITER_FAILURE_DETECTION_MICROS
            + ModelValues.WRITER_RECREATE_MICROS + ModelValues.CRASH_RECOVERY_MICROS
            + ModelValues.ENDPOINT_DNS_TTL_MICROS + ModelValues.INSTANCE_RESTART_MICROS + 5_000_000;

    /**
     * Everything else must settle within this long after the restore: every copy up (a replacement is detected and
     * filled in SEGMENT_FAILURE_DETECTION + 10 GiB at REPAIR_MICROS_PER_GIB; a returning copy fills its holes by
     * gossip, much faster than the write rate), no PG in the degraded model, commits drained, and every secondary
     * within a second of the primary. After a global failover every region is rebuilt (the sweep's rebuild time, in
     * VoprOptions.TIMINGS) once the promotion is done or its region is back (at the latest, the restore).
     */
    static final long SETTLED_WITHIN_MICROS = Math.max(WRITABLE_WITHIN_MICROS,
            VoprOptions.TIMINGS.secondaryRebuildMicros() + ModelValues.GLOBAL_PROMOTION_MICROS)
            + ModelValues.SEGMENT_FAILURE_DETECTION_MICROS + ModelValues.PROTECTION_GROUP_GIB
                    * ModelValues.REPAIR_MICROS_PER_GIB + 10_000_000;

    /** A commit takes milliseconds; one issued a second before is resolved, or the commit queue is stuck. */
    static final long DRAIN_MICROS = 1_000_000;
    /** UG: Global Database lag is typically under a second. */
    static final long SECONDARY_LAG_MICROS = 1_000_000;

    final VoprOptions options;
    final AuroraEngine engine;
    final SafetyWatch watch;
    private final VoprFaults faults;
    private final SplittableRandom r;
    final List<TimedCommand> timeline = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    private final List<long[]> issuedAt = new ArrayList<>();
    private boolean lossAllowed;
    long restoredAtMicros = -1;
    long writableAtMicros = -1;
    long settledAtMicros = -1;

    private VoprRun(VoprOptions options) {
        this.options = options;
        this.engine = new AuroraEngine(options.cluster());
        this.watch = new SafetyWatch(engine);
        // a split stream: seeds N and N+1 must not draw the same faults shifted by one
        this.r = new SplittableRandom(options.seed()).split();
        this.faults = new VoprFaults(options.cluster(), r);
    }

    /** Runs seed {@code seed} to the end of its liveness phase; {@link #problems} says what went wrong, if anything. */
    static VoprRun run(long seed) {
        VoprRun run = new VoprRun(VoprOptions.draw(seed));
        run.faultPhase();
        run.restoreEverything();
        run.livenessPhase();
        run.finish();
        return run;
    }

    private void faultPhase() {
        watch.check();
        int commands = 4 + r.nextInt(11);
        long t = 1_000_000 + r.nextLong(4_000_000);
        for (int k = 0; k < commands; k++) {
            apply(t, faults.next(watch.engine().snapshot()));
            int gap = r.nextInt(10);
            // most gaps are seconds; some commands land together, some outages last past the 60 s degraded switch
            t += gap == 0 ? 0 : gap == 1 ? r.nextLong(5_000) : gap < 8 ? r.nextLong(1_000_000, 8_000_000)
                    : r.nextLong(10_000_000, 40_000_000);
        }
        restoredAtMicros = t + r.nextLong(5_000_000);
    }

    private CommandResult apply(long atMicros, Command c) {
        watch.runTo(atMicros, CHECK_EVERY_MICROS);
        CommandResult result = engine.apply(c);
        timeline.add(new TimedCommand(atMicros, c, 0));
        faults.applied(c, result);
        if (result.accepted() && (c instanceof Command.FailoverGlobal || c instanceof Command.DetachAndPromote)) {
            lossAllowed = true; // data loss allowed by the command itself (UG FailoverGlobalCluster)
        }
        watch.check();
        return result;
    }

    /** Undoes every fault at one instant: regions, AZs, nodes, copies, instances; the managed RPO off. */
    private void restoreEverything() {
        long t = restoredAtMicros;
        watch.runTo(t, CHECK_EVERY_MICROS);
        EngineSnapshot s = engine.snapshot();
        if (s.isGlobal() && s.global().managedRpoSeconds() > 0) {
            apply(t, new Command.SetManagedRpo(null));
        }
        for (RegionSnapshot reg : Observation.regions(engine.snapshot())) {
            if (reg.role() == RegionRole.DOWN) {
                apply(t, new Command.RestoreRegion(reg.region()));
            }
        }
        for (RegionSnapshot reg : Observation.regions(engine.snapshot())) {
            for (String az : reg.downAzs()) {
                apply(t, new Command.RestoreAvailabilityZone(az));
            }
        }
        for (RegionSnapshot reg : Observation.regions(engine.snapshot())) {
            for (StorageNodeSnapshot n : reg.storageNodes()) {
                if (!n.up()) {
                    apply(t, new Command.RestoreStorageNode(n.id()));
                }
            }
        }
        for (String address : List.copyOf(faults.failedSegments)) {
            apply(t, new Command.RestoreSegment(address));
        }
        for (RegionSnapshot reg : Observation.regions(engine.snapshot())) {
            reg.instances().stream().filter(i -> i.status() == InstanceStatus.DOWN && faults.knows(i.id()))
                    .forEach(i -> apply(t, new Command.RestoreInstance(i.id())));
        }
    }

    private void livenessPhase() {
        long t = restoredAtMicros;
        while (t - restoredAtMicros < SETTLED_WITHIN_MICROS) {
            t += CHECK_EVERY_MICROS;
            watch.runTo(t, CHECK_EVERY_MICROS);
            EngineSnapshot s = engine.snapshot();
            issuedAt.add(new long[] {t, s.counters().writesIssued()});
            if (writableAtMicros < 0 && s.volume().writable()) {
                writableAtMicros = t;
            }
            if (unsettled(s).isEmpty()) {
                settledAtMicros = t;
                return;
            }
        }
    }

    /** One thing that keeps the cluster from having recovered: its kind, where (region, PG; null when none), words. */
    record Unsettled(Kind kind, String region, String pg, String text) {
        enum Kind { NOT_WRITABLE, DEGRADED, COPY_NOT_UP, SECONDARY_BEHIND, COMMITS_BLOCKED, WRITES_PENDING, TOO_SOON }
    }

    /** What keeps the cluster from having recovered; empty once it has. */
    List<Unsettled> unsettled(EngineSnapshot s) {
        List<Unsettled> out = new ArrayList<>();
        if (!s.volume().writable()) {
            out.add(new Unsettled(Unsettled.Kind.NOT_WRITABLE, s.writerRegion(), null, "the volume in "
                    + s.writerRegion() + " is not writable: " + s.volume().reason()));
        }
        // after a detach the writes go to a standalone cluster: nothing replicates to the old global database
        boolean replicated = s.regionSnapshot(s.writerRegion()) == null
                || s.regionSnapshot(s.writerRegion()).role() == RegionRole.PRIMARY;
        for (RegionSnapshot reg : Observation.regions(s)) {
            for (ProtectionGroupSnapshot pg : reg.volume().protectionGroups()) {
                if (pg.degradedExcludedAz() != null) {
                    out.add(new Unsettled(Unsettled.Kind.DEGRADED, reg.region(), pg.id(), reg.region() + " "
                            + pg.id() + " is still in the degraded model without " + pg.degradedExcludedAz()));
                }
                for (SegmentSnapshot c : pg.segments()) {
                    if (!c.state().label().equals("up")) {
                        out.add(new Unsettled(Unsettled.Kind.COPY_NOT_UP, reg.region(), pg.id(), reg.region() + " "
                                + pg.id() + " copy " + c.id() + " (" + c.letter() + ") is " + c.state()));
                    }
                }
            }
            if (replicated && reg.role() == RegionRole.SECONDARY
                    && (reg.resyncing() || reg.rpoLagMicros() > SECONDARY_LAG_MICROS)) {
                out.add(new Unsettled(Unsettled.Kind.SECONDARY_BEHIND, reg.region(), null, "secondary "
                        + reg.region() + (reg.resyncing() ? " is still being rebuilt"
                                : String.format(Locale.ROOT, " lags %.1f s", reg.rpoLagMicros() / 1e6))));
            }
        }
        if (s.isGlobal() && s.global().commitsBlocked()) {
            out.add(new Unsettled(Unsettled.Kind.COMMITS_BLOCKED, s.writerRegion(), null,
                    "commits are blocked by the managed RPO"));
        }
        CountersSnapshot c = s.counters();
        long before = issuedBefore(s.nowMicros() - DRAIN_MICROS);
        long resolved = c.writesAcknowledged() + c.writesFailed();
        if (before < 0) {
            out.add(new Unsettled(Unsettled.Kind.TOO_SOON, null, null, "less than a second since the restore"));
        } else if (resolved < before) {
            out.add(new Unsettled(Unsettled.Kind.WRITES_PENDING, s.writerRegion(), null, (before - resolved)
                    + " writes issued over a second ago are still pending"));
        }
        return out;
    }

    private long issuedBefore(long t) {
        long found = -1;
        for (long[] e : issuedAt) {
            if (e[0] <= t) {
                found = e[1];
            }
        }
        return found;
    }

    private void finish() {
        for (Violation v : watch.violations()) {
            problems.add("safety: " + v.describe());
        }
        if (writableAtMicros < 0 || writableAtMicros - restoredAtMicros > WRITABLE_WITHIN_MICROS) {
            problems.add("liveness: not writable within " + Durations.format(WRITABLE_WITHIN_MICROS)
                    + " of restoring everything at " + Durations.format(restoredAtMicros)
                    + (writableAtMicros < 0 ? "" : " (writable at " + Durations.format(writableAtMicros) + ")"));
        }
        if (settledAtMicros < 0) {
            List<String> left = unsettled(engine.snapshot()).stream().map(Unsettled::text).toList();
            problems.add("liveness: not settled within " + Durations.format(SETTLED_WITHIN_MICROS)
                    + " of restoring everything at " + Durations.format(restoredAtMicros) + ": "
                    + String.join("; ", left.subList(0, Math.min(5, left.size())))
                    + (left.size() > 5 ? "; and " + (left.size() - 5) + " more" : ""));
        }
        // in the degraded 3/4 model a write is acknowledged by three copies, so destroying AZ+1 copies can take them
        // all: the price of writing through a long AZ loss (P18 §4.1)
        lossAllowed |= engine.events().stream().anyMatch(e -> e instanceof AuroraEvent.DegradedQuorumEntered);
        long lost = engine.snapshot().counters().acknowledgedWritesLost();
        if (lost > 0 && !lossAllowed) {
            problems.add("durability: " + lost + " acknowledged writes lost with at most AZ+1 ("
                    + faults.destroysAccepted() + ") copies destroyed, no global failover or detach, and no"
                    + " degraded quorum");
        }
    }

    /** The run as a scenario: its options as the cluster, its commands as the timeline, its seed; no expectations. */
    Scenario scenario() {
        String description = "VOPR seed " + options.seed() + ": " + options.describe() + ". Everything restored at "
                + Durations.format(restoredAtMicros) + "." + (problems.isEmpty() ? ""
                        : " " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                                + " more)" : "")) + " Replay with: aurora-lab run FILE --check";
        return new Scenario("VOPR seed " + options.seed(), description, options.seed(), engine.nowMicros(),
                options.cluster(), timeline, List.of(), "vopr-seed-" + options.seed() + ".yaml");
    }
}
