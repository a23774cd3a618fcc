package dev.auroralab.teach;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.event.Cause;
import dev.auroralab.engine.event.CausedEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverRecord;
import dev.auroralab.engine.snapshot.EngineSnapshot.FailoverSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.ProtectionGroupSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.RegionSnapshot;
import dev.auroralab.engine.snapshot.EngineSnapshot.SegmentSnapshot;
import dev.auroralab.engine.snapshot.RegionRole;
import dev.auroralab.engine.snapshot.VolumeReason;
import dev.auroralab.run.ClockText;
import dev.auroralab.run.Run;
import dev.auroralab.teach.WhyLink.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The "why?" trace (issue 14): for a state the window shows (the volume's banner, a protection group's gauge, the
 * failover under way, the acknowledged writes lost, a region's role), the events that brought it about, newest
 * first, each at its moment of the run and marked as the learner's, the scenario's or the engine's doing.
 *
 * <p><b>What Aurora does.</b> A write needs 4 of a protection group's 6 copies and a read 3 (P17 §2.1): the volume
 * stops taking writes when one group is down to 3, which takes an AZ plus one more copy ("AZ+1", P17 §2.1). A lost
 * writer is detected, a replica promoted by tier, recovered and put behind the cluster endpoint (UG "High
 * availability for Aurora"); a Global Database fails over to a secondary region, losing what was not yet replicated
 * (UG "Using failover in an Amazon Aurora global database"). Aurora itself shows none of this as a chain: RDS events
 * and CloudWatch give a list of happenings without their causes, and the learner has to connect them.
 *
 * <p><b>How the trace is built.</b> Two things are combined. (a) The cause chain of the event that set the state:
 * every event the engine logs carries the id of its cause, and each cause the id of its own (a promotion timer set
 * by the detection, set by the command that failed the writer), up to a command or a periodic clock; each cause
 * along the way contributes the events it logged. (b) What holds the state in place now, read from the snapshot:
 * for a protection group short of copies, each copy that is down and the latest event that took it down (its own
 * failure, its storage node's, its AZ's or its region's), whose cause chain is walked in turn. A command's events
 * are "you" or "scenario" as the run's log says ({@link IssuedCommands}); everything a timer or a recount did is the
 * engine's.
 *
 * <p><b>What the model simplifies.</b> Causes are the engine's bookkeeping, not Aurora's: the chain is exactly as
 * the model decided, and routine traffic (boxcars, acknowledgements, gossip) is left out of it, so "writes resumed"
 * is traced to the repair that made it possible rather than to the boxcar that completed it. A copy whose outage has
 * more than one reason (its AZ out and itself failed) is put down to the latest.
 */
public final class WhyTrace {

    /** Causes walked up one chain at most: a longer chain keeps its first ones and its root (the command). */
    static final int MAX_CAUSES = 12;
    /** Role changes of a region shown at most, the latest ones. */
    static final int MAX_REGION_EVENTS = 6;

    /**
     * Events that restate another's effect (a recount, the volume's status, a refusal): left out of a chain, where
     * they would say the same thing twice; the subject's own state is said once, in the first link.
     */
    private static final Set<Class<? extends AuroraEvent>> DERIVED = Set.of(VolumeStatusChanged.class,
            WriteQuorumLost.class, WriteQuorumRegained.class, ReadQuorumLost.class, ReadQuorumRegained.class,
            CommandRejected.class, WorkloadChanged.class, BoxcarsResent.class, StaleWriteRejected.class);

    /**
     * What a command does itself (fails or restores something, starts an operation): the part of a command's events
     * that a chain shows. The rest it logged at once (replicas restarting after a region returns) are its effects,
     * not causes of what is traced.
     */
    private static final Set<Class<? extends AuroraEvent>> ACTS = Set.of(InstanceFailed.class,
            InstanceCrashed.class, AvailabilityZoneFailed.class, AvailabilityZoneRestored.class,
            StorageNodeFailed.class, StorageNodeRestored.class, SegmentFailed.class, SegmentRestored.class,
            SegmentDestroyed.class, RegionFailed.class, RegionRestored.class, FailoverStarted.class,
            GlobalSwitchoverStarted.class, GlobalPromotionStarted.class, DegradedQuorumEntered.class,
            ReplicaAdded.class, ReplicaRemoved.class, PromotionTierChanged.class, ManagedRpoChanged.class,
            WriteForwardingChanged.class);

    /** The steps of getting a writer back, in a region or across regions. */
    private static final Set<Class<? extends AuroraEvent>> FAILOVER_STEPS = Set.of(WriterFailureDetected.class,
            FailoverStarted.class, WriterRecreationStarted.class, NoWriterAvailable.class, WriterPromoted.class,
            CrashRecoveryCompleted.class, ClusterEndpointMoved.class, FailoverCompleted.class,
            InstanceRestarting.class, GlobalSwitchoverStarted.class, GlobalSecondaryInSync.class,
            GlobalPromotionStarted.class, GlobalPromotionCompleted.class, GlobalOperationCancelled.class);

    private final EngineSnapshot now;
    private final CausedLog log;
    private final LongFunction<Cause> causes;
    private final IssuedCommands issued;
    private final WhyWords words;
    /** The links found, by what they stand for ("e12": event 12; "c7": command 7; "s...": a statement). */
    private final Map<String, Ranked> found = new LinkedHashMap<>();

    /**
     * A link and where it sorts among links of the same instant: an event's id (the log is in causal order), a
     * command just before the first event it caused, a statement just after the latest event it rests on.
     */
    private record Ranked(WhyLink link, double rank) {
    }

    /** How the subject is now: the first link. {@code fine}: nothing to explain, the trace is that one sentence. */
    private record Headline(String text, long atMicros, Integer eventId, double rank, boolean fine) {
        static Headline fine(String text) {
            return new Headline(text, -1, null, 0, true);
        }
    }

    private WhyTrace(EngineSnapshot now, List<CausedEvent> events, LongFunction<Cause> causes, IssuedCommands issued) {
        this.now = now;
        this.log = new CausedLog(events, now.nowMicros());
        this.causes = causes;
        this.issued = issued;
        this.words = new WhyWords(now);
    }

    /** The trace of {@code subject} at the run's moment now, on the branch shown. */
    public static List<WhyLink> explain(WhySubject subject, Run run) {
        return explain(subject, run.snapshot(), run.engine().causedEvents(), run.engine()::cause,
                IssuedCommands.of(run.branch()));
    }

    /**
     * The trace of {@code subject}: the first link says how it is now (or that nothing needs explaining, alone), the
     * others are the events that brought it about, newest first, none later than {@code now}.
     *
     * @param events the engine's log up to now, with causes ({@code AuroraEngine.causedEvents()})
     * @param causes the engine's causes by id ({@code AuroraEngine.cause(long)})
     * @param issued who issued each command of the log
     */
    public static List<WhyLink> explain(WhySubject subject, EngineSnapshot now, List<CausedEvent> events,
            LongFunction<Cause> causes, IssuedCommands issued) {
        return new WhyTrace(now, events, causes, issued).trace(subject);
    }

    private List<WhyLink> trace(WhySubject subject) {
        Headline h;
        if (subject instanceof WhySubject.ProtectionGroup p) {
            h = protectionGroup(p.id());
        } else if (subject instanceof WhySubject.Writer) {
            h = writer();
        } else if (subject instanceof WhySubject.LostWrites) {
            h = lostWrites();
        } else if (subject instanceof WhySubject.Region r) {
            h = region(r.name());
        } else {
            h = volume();
        }
        if (h.fine()) {
            return List.of(new WhyLink(now.nowMicros(), h.text(), Origin.ENGINE, null));
        }
        List<Ranked> rest = new ArrayList<>(found.values());
        rest.removeIf(r -> r.link().atMicros() > now.nowMicros());
        rest.sort(Comparator.comparingLong((Ranked r) -> r.link().atMicros()).thenComparingDouble(Ranked::rank)
                .reversed());
        // the state holds since the latest change that shaped it: the first link is never older than the rest
        long at = h.atMicros();
        for (Ranked r : rest) {
            at = Math.max(at, r.link().atMicros());
        }
        List<WhyLink> out = new ArrayList<>();
        // nothing logged shaped it (a state the scenario starts in): it is how things are now
        out.add(new WhyLink(at < 0 ? now.nowMicros() : Math.min(at, now.nowMicros()), h.text(), Origin.ENGINE,
                at >= 0 && at == h.atMicros() ? h.eventId() : null));
        rest.forEach(r -> out.add(r.link()));
        return out;
    }

    // =================================================================================================================
    // Subjects
    // =================================================================================================================

    private Headline volume() {
        var v = now.volume();
        String status = v.status().label().toLowerCase(Locale.ROOT);
        if (v.why() instanceof VolumeReason.Writing w) {
            return Headline.fine("Volume " + status + ": every protection group has its write quorum and "
                    + w.writerId() + " is writing: nothing to explain");
        }
        CausedEvent changed = log.latest(VolumeStatusChanged.class, e -> true);
        if (changed != null) {
            chain(changed, false);
        }
        reason(v.why());
        return headline("Volume " + status + (v.reason().isEmpty() ? "" : ": " + v.reason()), changed);
    }

    /** The contributions behind a reason the volume gives. */
    private void reason(VolumeReason why) {
        if (why instanceof VolumeReason.WriteQuorumMissing x) {
            nested(protectionGroup(x.pg()));
        } else if (why instanceof VolumeReason.WaitingForReadQuorum x) {
            nested(writer());
            if (x.pg() != null) {
                nested(protectionGroup(x.pg()));
            }
        } else if (why instanceof VolumeReason.WriterFailover || why instanceof VolumeReason.WriterNotServing
                || why instanceof VolumeReason.GlobalOperation) {
            nested(writer());
        } else if (why instanceof VolumeReason.PrimaryRegionOut x) {
            chainOf(log.latest(RegionFailed.class, e -> e.region().equals(x.region())));
        } else if (why instanceof VolumeReason.RegionOut x) {
            chainOf(log.latest(RegionFailed.class, e -> e.region().equals(x.region())));
        } else if (why instanceof VolumeReason.Rebuilding x) {
            chainOf(log.latest(RegionRebuildStarted.class, e -> e.region().equals(x.region())));
        } else if (why instanceof VolumeReason.AllocationLimitReached) {
            chainOf(log.latest(LsnAllocationLimitReached.class, e -> true));
        } else if (why instanceof VolumeReason.CommitsHeldByManagedRpo) {
            chainOf(log.latest(CommitsBlocked.class, e -> true));
            chainOf(log.latest(ManagedRpoChanged.class, e -> true));
        } else if (why instanceof VolumeReason.ReadsFromOneCopy x) {
            reason(x.writes());
            nested(protectionGroup(x.pg()));
        } else if (why instanceof VolumeReason.ReadsFail x) {
            reason(x.writes());
            if (x.pg() != null) {
                nested(protectionGroup(x.pg()));
            }
        }
    }

    private Headline protectionGroup(String id) {
        ProtectionGroupSnapshot pg = findPg(id);
        if (pg == null) {
            return Headline.fine("No protection group " + id + " in this cluster: nothing to explain");
        }
        String counts = id + " has " + pg.writableCopies() + " of " + pg.copiesInModel() + " copies";
        List<SegmentSnapshot> down = pg.segments().stream().filter(s -> !s.replacement() && !s.state().accepting())
                .toList();
        if (pg.writeQuorum() && pg.readQuorum() && down.isEmpty() && pg.writableCopies() == pg.copiesInModel()) {
            return Headline.fine(counts + ": nothing to explain");
        }
        String text = counts + "; writes need " + pg.writeQuorumNeeded() + (pg.writeQuorum() ? ", so they go on"
                : ", so they stop") + (pg.readQuorum() ? "" : "; a read quorum needs " + pg.readQuorumNeeded());
        // the event that set the count the gauge shows: the quorum lost, or regained with copies still missing
        CausedEvent anchor = !pg.writeQuorum() ? log.latest(WriteQuorumLost.class, e -> e.pg().equals(id))
                : !pg.readQuorum() ? log.latest(ReadQuorumLost.class, e -> e.pg().equals(id))
                : log.latest(WriteQuorumRegained.class, e -> e.pg().equals(id));
        if (anchor != null) {
            chain(anchor, false);
        }
        long at = anchor == null ? -1 : anchor.event().atMicros();
        double rank = anchor == null ? -1 : anchor.id();
        Integer eventId = anchor == null ? null : anchor.id();
        // (b) what holds it there now: each copy down, put down to the latest event that took it down
        Map<CausedEvent, List<SegmentSnapshot>> faults = new LinkedHashMap<>();
        for (SegmentSnapshot s : down) {
            CausedEvent took = log.tookDown(s, regionOf(pg));
            if (took != null) {
                faults.computeIfAbsent(took, k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<CausedEvent, List<SegmentSnapshot>> f : faults.entrySet()) {
            CausedEvent e = f.getKey();
            String what = e.event() instanceof SegmentFailed || e.event() instanceof SegmentDestroyed
                    ? words.of(e.event()) : words.of(e.event()) + ": " + WhyWords.copies(f.getValue(), id) + " down";
            put("e" + e.id(), new WhyLink(e.event().atMicros(), what, origin(e), e.id()), e.id());
            chain(e, false);
            if (e.event().atMicros() > at || (e.event().atMicros() == at && e.id() > rank)) {
                at = e.event().atMicros();
                rank = e.id();
                eventId = null; // the state's latest change is that fault's, linked on its own
            }
        }
        // what is being done about it is said, not linked: it is no cause, and it would be newer than the state
        for (SegmentSnapshot s : pg.segments()) {
            CausedEvent started = s.replacement()
                    ? log.latest(MembershipChangeStarted.class, e -> e.replacement().equals(s.id())) : null;
            if (started != null) {
                MembershipChangeStarted m = (MembershipChangeStarted) started.event();
                text += "; new copy " + s.letter() + " is being filled from its peers to replace "
                        + words.letter(m.suspect()) + " (since " + ClockText.of(m.atMicros()) + ")";
            }
        }
        if (pg.degradedExcludedAz() != null) {
            chainOf(log.latest(DegradedQuorumEntered.class, e -> e.az().equals(pg.degradedExcludedAz())));
        }
        if (at < 0) {
            at = now.nowMicros();
        }
        return new Headline(text, at, eventId, rank + 0.5, false);
    }

    private Headline writer() {
        FailoverSnapshot f = now.failoverInProgress();
        if (f != null) {
            CausedEvent fault = log.writerFault(f.kind().global(), f.from(), now.nowMicros());
            long since = fault == null ? f.startedAtMicros() : Math.min(fault.event().atMicros(), f.startedAtMicros());
            chainOf(fault);
            CausedEvent step = log.latestOf(FAILOVER_STEPS, since, now.nowMicros());
            chainOf(step);
            String text = capital(f.kind().label()) + " under way: " + f.describe();
            return headline(text, step != null ? step : fault);
        }
        List<FailoverRecord> done = now.failovers();
        if (done.isEmpty()) {
            String w = now.writerId();
            return Headline.fine((w == null ? "No writer, and" : w + " has been the writer from the start:")
                    + " no failover to explain");
        }
        FailoverRecord r = done.get(done.size() - 1);
        chainOf(log.writerFault(r.kind().global(), r.from(), r.startedAtMicros()));
        CausedEvent step = log.latestOf(FAILOVER_STEPS, Math.min(r.writeOutageStartedMicros(), r.startedAtMicros()),
                r.completedAtMicros());
        chainOf(step);
        String text = "Last " + r.kind().label() + ": " + r.from() + " → " + r.to() + ", writes back at "
                + ClockText.of(r.completedAtMicros()) + " (RTO " + seconds(r.rtoMicros()) + ")";
        return headline(text, step);
    }

    private Headline lostWrites() {
        long lost = now.counters().acknowledgedWritesLost();
        if (lost == 0) {
            return Headline.fine("No acknowledged write was lost: nothing to explain");
        }
        CausedEvent last = null;
        for (CausedEvent e : log.all()) {
            if (e.event() instanceof AcknowledgedWritesLost) {
                chain(e, true);
                last = e;
            } else if (e.event() instanceof GlobalPromotionStarted g && g.acknowledgedWritesLost() > 0) {
                chain(e, true);
                // why the writes had to be given up: the old primary was out
                chainOf(log.latestBefore(RegionFailed.class, x -> x.region().equals(g.from()), g.atMicros()));
            }
        }
        return headline(lost + " acknowledged write" + (lost == 1 ? "" : "s") + " lost", last);
    }

    private Headline region(String name) {
        RegionSnapshot r = now.regionsOrPrimary().stream().filter(x -> x.region().equals(name)).findFirst()
                .orElse(null);
        if (r == null) {
            return Headline.fine("No region " + name + " in this cluster: nothing to explain");
        }
        String role = switch (r.role()) {
            case PRIMARY -> "the primary";
            case SECONDARY -> "a secondary";
            case DETACHED -> "detached";
            case DOWN -> "down";
        };
        List<CausedEvent> about = new ArrayList<>();
        for (CausedEvent e : log.all()) {
            if (CausedLog.regionsNamed(e.event()).contains(name)) {
                about.add(e);
            }
        }
        if (about.isEmpty()) {
            return Headline.fine(name + " is " + role + ", as the scenario set it up: nothing to explain");
        }
        for (CausedEvent e : about.subList(Math.max(0, about.size() - MAX_REGION_EVENTS), about.size())) {
            chain(e, true);
            String from = e.event() instanceof GlobalPromotionStarted g ? g.from()
                    : e.event() instanceof GlobalSwitchoverStarted s ? s.from() : null;
            if (from != null && !from.equals(name)) {
                chainOf(log.latestBefore(RegionFailed.class, x -> x.region().equals(from), e.event().atMicros()));
            }
        }
        // the reason of a region that does not take the writes, unless it only says the role again
        String reason = r.role() == RegionRole.PRIMARY || r.volume().reason().isEmpty() ? ""
                : r.volume().why() instanceof VolumeReason.NotTheWriteRegion n
                        ? (n.readable() ? "; it serves reads locally" : "; it serves no reads")
                        : ": " + r.volume().reason();
        return headline(name + " is " + role + reason, about.get(about.size() - 1));
    }

    // =================================================================================================================
    // Chains
    // =================================================================================================================

    /** The event and its causes. */
    private void chainOf(CausedEvent e) {
        if (e != null) {
            chain(e, true);
        }
    }

    /**
     * (a) The events that caused {@code e}: up its chain of causes, the events each logged (for its own cause only
     * the ones before {@code e}); of a command's, what it did itself ({@link #ACTS}: the region it failed, not the
     * instances that went with it), or the command itself when its effects came later, by timers.
     */
    private void chain(CausedEvent e, boolean withItself) {
        if (withItself) {
            add(e);
        }
        long childAt = e.event().atMicros();
        for (Cause k : ancestors(e.causeId())) {
            boolean command = command(k) != null;
            boolean any = false;
            long earliest = childAt;
            for (CausedEvent x : log.loggedBy(k.id())) {
                if (!command && k.id() == e.causeId() && x.id() > e.id()) {
                    continue;
                }
                earliest = Math.min(earliest, x.event().atMicros());
                if (command ? ACTS.contains(x.event().getClass()) : !DERIVED.contains(x.event().getClass())) {
                    add(x);
                    any = true;
                }
            }
            if (command && !any) {
                commandLink(k, earliest);
            }
            childAt = earliest;
        }
    }

    private List<Cause> ancestors(long id) {
        List<Cause> up = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long c = id;
        while (c >= 0 && seen.add(c)) {
            Cause k = causes.apply(c);
            if (k == null) {
                break;
            }
            up.add(k);
            c = k.parentId();
        }
        if (up.size() > MAX_CAUSES) {
            List<Cause> cut = new ArrayList<>(up.subList(0, MAX_CAUSES - 1));
            cut.add(up.get(up.size() - 1));
            return cut;
        }
        return up;
    }

    private void add(CausedEvent x) {
        String key = "e" + x.id();
        if (!found.containsKey(key)) {
            put(key, new WhyLink(x.event().atMicros(), words.of(x.event()), origin(x), x.id()), x.id());
        }
    }

    private void put(String key, WhyLink link, double rank) {
        found.put(key, new Ranked(link, rank));
    }

    /** A command that logged no event of its own (its effects came later, by timers): the command itself. */
    private void commandLink(Cause k, long atOrBefore) {
        String description = command(k);
        IssuedCommands.Issued by = issued.find(description, atOrBefore);
        long at = by == null ? atOrBefore : by.atMicros();
        int first = log.loggedBy(k.id()).stream().mapToInt(CausedEvent::id).min().orElse(0);
        found.putIfAbsent("c" + k.id(), new Ranked(new WhyLink(at, description, originOf(by), null), first - 0.5));
    }

    /** The first link, at the event that set the state (if one is known). */
    private static Headline headline(String text, CausedEvent anchor) {
        return anchor == null ? new Headline(text, -1, null, Double.MAX_VALUE, false)
                : new Headline(text, anchor.event().atMicros(), anchor.id(), anchor.id() + 0.5, false);
    }

    /** A state that is one of the contributions of another (a PG behind the banner): a link like the others. */
    private void nested(Headline h) {
        if (h.fine()) {
            return;
        }
        long at = h.atMicros() < 0 ? now.nowMicros() : h.atMicros();
        put("s" + h.text(), new WhyLink(at, h.text(), Origin.ENGINE, h.eventId()), h.rank());
    }

    /** "you" or "scenario" for what a command did itself; the engine's for the rest (its effects included). */
    private Origin origin(CausedEvent x) {
        Cause k = causes.apply(x.causeId());
        String description = k == null ? null : command(k);
        if (description == null || !ACTS.contains(x.event().getClass())) {
            return Origin.ENGINE;
        }
        return originOf(issued.find(description, x.event().atMicros()));
    }

    private static Origin originOf(IssuedCommands.Issued by) {
        // a command the log does not hold can only have come from a file's timeline
        return by != null && by.learner() ? Origin.YOU : Origin.SCENARIO;
    }

    /** What the command was ("fail AZ us-east-1c"), or null when {@code k} is not a command. */
    private static String command(Cause k) {
        return k.parentId() < 0 && k.what().startsWith("command: ") ? k.what().substring("command: ".length()) : null;
    }

    // =================================================================================================================
    // Looking things up
    // =================================================================================================================

    private ProtectionGroupSnapshot findPg(String id) {
        for (RegionSnapshot r : now.regionsOrPrimary()) {
            for (ProtectionGroupSnapshot pg : r.volume().protectionGroups()) {
                if (pg.id().equals(id)) {
                    return pg;
                }
            }
        }
        return null;
    }

    private String regionOf(ProtectionGroupSnapshot pg) {
        for (RegionSnapshot r : now.regionsOrPrimary()) {
            if (r.volume().protectionGroups().contains(pg)) {
                return r.region();
            }
        }
        return now.region();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.1f s", micros / 1e6);
    }
}
