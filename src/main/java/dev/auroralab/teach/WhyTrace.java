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
import dev.auroralab.teach.WhyChains.Headline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The "why?" trace (issue 14): for a state the window shows (the volume's banner, a protection group's gauge, the
 * failover under way, the acknowledged writes lost, a region's role, and each element of the topology: an AZ, a
 * storage node, an instance, an endpoint, see {@link WhyElements}), the events that brought it about, newest first,
 * each at its moment of the run and marked as the learner's, the scenario's or the engine's doing. The links are
 * collected by {@link WhyChains}; what holds an element down now is {@link HoldingFaults}.
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
 * for a protection group short of copies, each copy that is down and every fault that holds it down and was not
 * undone (its own failure, its storage node's, its AZ's, its region's: {@link HoldingFaults}), whose cause chains
 * are walked in turn. A command's events
 * are "you" or "scenario" as the run's log says ({@link IssuedCommands}); everything a timer or a recount did is the
 * engine's.
 *
 * <p><b>What the model simplifies.</b> Causes are the engine's bookkeeping, not Aurora's: the chain is exactly as
 * the model decided, and routine traffic (boxcars, acknowledgements, gossip) is left out of it, so "writes resumed"
 * is traced to the repair that made it possible rather than to the boxcar that completed it.
 */
public final class WhyTrace {

    /** Role changes of a region shown at most, the latest ones. */
    static final int MAX_REGION_EVENTS = 6;

    /** The steps of getting a writer back, in a region or across regions. */
    private static final Set<Class<? extends AuroraEvent>> FAILOVER_STEPS = Set.of(WriterFailureDetected.class,
            FailoverStarted.class, WriterRecreationStarted.class, NoWriterAvailable.class, WriterPromoted.class,
            CrashRecoveryCompleted.class, ClusterEndpointMoved.class, FailoverCompleted.class,
            InstanceRestarting.class, GlobalSwitchoverStarted.class, GlobalSecondaryInSync.class,
            GlobalPromotionStarted.class, GlobalPromotionCompleted.class, GlobalOperationCancelled.class);

    private final WhyChains c;
    private final EngineSnapshot now;
    private final CausedLog log;
    private final WhyWords words;

    WhyTrace(WhyChains c) {
        this.c = c;
        this.now = c.now;
        this.log = c.log;
        this.words = c.words;
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
        WhyChains c = new WhyChains(now, events, causes, issued);
        return c.links(new WhyTrace(c).headline(subject));
    }

    /** The subject's first link, its causes collected into the chains on the way. */
    Headline headline(WhySubject subject) {
        WhyElements elements = new WhyElements(c, this);
        if (subject instanceof WhySubject.ProtectionGroup p) {
            return protectionGroup(p.id());
        } else if (subject instanceof WhySubject.Writer) {
            return writer();
        } else if (subject instanceof WhySubject.LostWrites) {
            return lostWrites();
        } else if (subject instanceof WhySubject.Region r) {
            return region(r.name());
        } else if (subject instanceof WhySubject.AvailabilityZone a) {
            return elements.az(a.name());
        } else if (subject instanceof WhySubject.StorageNode n) {
            return elements.storageNode(n.id());
        } else if (subject instanceof WhySubject.Instance i) {
            return elements.instance(i.id());
        } else if (subject instanceof WhySubject.Endpoint e) {
            return elements.endpoint(e.which(), e.region());
        }
        return volume();
    }

    // =================================================================================================================
    // Subjects
    // =================================================================================================================

    Headline volume() {
        var v = now.volume();
        String status = v.status().label().toLowerCase(Locale.ROOT);
        if (v.why() instanceof VolumeReason.Writing w) {
            return Headline.fine("Volume " + status + ": every protection group has its write quorum and "
                    + w.writerId() + " is writing: nothing to explain");
        }
        CausedEvent changed = log.latest(VolumeStatusChanged.class, e -> true);
        if (changed != null) {
            c.chain(changed, false);
        }
        reason(v.why());
        return WhyChains.headline("Volume " + status + (v.reason().isEmpty() ? "" : ": " + v.reason()), changed);
    }

    /** The contributions behind a reason the volume gives. */
    private void reason(VolumeReason why) {
        if (why instanceof VolumeReason.WriteQuorumMissing x) {
            c.nested(protectionGroup(x.pg()));
        } else if (why instanceof VolumeReason.WaitingForReadQuorum x) {
            c.nested(writer());
            if (x.pg() != null) {
                c.nested(protectionGroup(x.pg()));
            }
        } else if (why instanceof VolumeReason.WriterFailover || why instanceof VolumeReason.WriterNotServing
                || why instanceof VolumeReason.GlobalOperation) {
            c.nested(writer());
        } else if (why instanceof VolumeReason.PrimaryRegionOut x) {
            c.chainOf(log.latest(RegionFailed.class, e -> e.region().equals(x.region())));
        } else if (why instanceof VolumeReason.RegionOut x) {
            c.chainOf(log.latest(RegionFailed.class, e -> e.region().equals(x.region())));
        } else if (why instanceof VolumeReason.Rebuilding x) {
            c.chainOf(log.latest(RegionRebuildStarted.class, e -> e.region().equals(x.region())));
        } else if (why instanceof VolumeReason.AllocationLimitReached) {
            c.chainOf(log.latest(LsnAllocationLimitReached.class, e -> true));
        } else if (why instanceof VolumeReason.CommitsHeldByManagedRpo) {
            c.chainOf(log.latest(CommitsBlocked.class, e -> true));
            c.chainOf(log.latest(ManagedRpoChanged.class, e -> true));
        } else if (why instanceof VolumeReason.ReadsFromOneCopy x) {
            reason(x.writes());
            c.nested(protectionGroup(x.pg()));
        } else if (why instanceof VolumeReason.ReadsFail x) {
            reason(x.writes());
            if (x.pg() != null) {
                c.nested(protectionGroup(x.pg()));
            }
        }
    }

    Headline protectionGroup(String id) {
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
            c.chain(anchor, false);
        }
        long at = anchor == null ? -1 : anchor.event().atMicros();
        double rank = anchor == null ? -1 : anchor.id();
        Integer eventId = anchor == null ? null : anchor.id();
        // (b) what holds it there now: each copy down, and every fault holding it down (its own, its node's, its AZ's,
        // its region's: a copy whose node failed and whose AZ then went out is held by both)
        Map<HoldingFaults.Held, List<SegmentSnapshot>> faults = new LinkedHashMap<>();
        RegionSnapshot region = regionOf(pg);
        for (SegmentSnapshot s : down) {
            for (HoldingFaults.Held h : c.holding.copy(s, id, region)) {
                faults.computeIfAbsent(h, k -> new ArrayList<>()).add(s);
            }
        }
        Map<HoldingFaults.Held, String> what = new LinkedHashMap<>();
        faults.forEach((h, copies) -> what.put(h, h.event() == null || h.event().event() instanceof SegmentFailed
                || h.event().event() instanceof SegmentDestroyed ? "" : WhyWords.copies(copies, id) + " down"));
        HoldingFaults.Held latest = c.holdingLinks(what);
        if (latest != null) {
            double latestRank = latest.event() == null ? Double.MAX_VALUE / 2 : latest.event().id();
            if (latest.atMicros() > at || (latest.atMicros() == at && latestRank > rank)) {
                at = latest.atMicros();
                rank = latestRank;
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
            c.chainOf(log.latest(DegradedQuorumEntered.class, e -> e.az().equals(pg.degradedExcludedAz())));
        }
        if (at < 0) {
            at = now.nowMicros();
        }
        return new Headline(text, at, eventId, rank + 0.5, false);
    }

    Headline writer() {
        FailoverSnapshot f = now.failoverInProgress();
        if (f != null) {
            CausedEvent fault = log.writerFault(f.kind().global(), f.from(), now.nowMicros());
            long since = fault == null ? f.startedAtMicros() : Math.min(fault.event().atMicros(), f.startedAtMicros());
            c.chainOf(fault);
            CausedEvent step = log.latestOf(FAILOVER_STEPS, since, now.nowMicros());
            c.chainOf(step);
            String text = capital(f.kind().label()) + " under way: " + f.describe();
            return WhyChains.headline(text, step != null ? step : fault);
        }
        List<FailoverRecord> done = now.failovers();
        if (done.isEmpty()) {
            String w = now.writerId();
            return Headline.fine((w == null ? "No writer, and" : w + " has been the writer from the start:")
                    + " no failover to explain");
        }
        FailoverRecord r = done.get(done.size() - 1);
        c.chainOf(log.writerFault(r.kind().global(), r.from(), r.startedAtMicros()));
        CausedEvent step = log.latestOf(FAILOVER_STEPS, Math.min(r.writeOutageStartedMicros(), r.startedAtMicros()),
                r.completedAtMicros());
        c.chainOf(step);
        String text = "Last " + r.kind().label() + ": " + r.from() + " → " + r.to() + ", writes back at "
                + ClockText.of(r.completedAtMicros()) + " (RTO " + seconds(r.rtoMicros()) + ")";
        return WhyChains.headline(text, step);
    }

    private Headline lostWrites() {
        long lost = now.counters().acknowledgedWritesLost();
        if (lost == 0) {
            return Headline.fine("No acknowledged write was lost: nothing to explain");
        }
        CausedEvent last = null;
        for (CausedEvent e : log.all()) {
            if (e.event() instanceof AcknowledgedWritesLost) {
                c.chain(e, true);
                last = e;
            } else if (e.event() instanceof GlobalPromotionStarted g && g.acknowledgedWritesLost() > 0) {
                c.chain(e, true);
                // why the writes had to be given up: the old primary was out
                c.chainOf(log.latestBefore(RegionFailed.class, x -> x.region().equals(g.from()), g.atMicros()));
            }
        }
        return WhyChains.headline(lost + " acknowledged write" + (lost == 1 ? "" : "s") + " lost", last);
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
            c.chain(e, true);
            String from = e.event() instanceof GlobalPromotionStarted g ? g.from()
                    : e.event() instanceof GlobalSwitchoverStarted s ? s.from() : null;
            if (from != null && !from.equals(name)) {
                c.chainOf(log.latestBefore(RegionFailed.class, x -> x.region().equals(from), e.event().atMicros()));
            }
        }
        // the reason of a region that does not take the writes, unless it only says the role again
        String reason = r.role() == RegionRole.PRIMARY || r.volume().reason().isEmpty() ? ""
                : r.volume().why() instanceof VolumeReason.NotTheWriteRegion n
                        ? (n.readable() ? "; it serves reads locally" : "; it serves no reads")
                        : ": " + r.volume().reason();
        return WhyChains.headline(name + " is " + role + reason, about.get(about.size() - 1));
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

    private RegionSnapshot regionOf(ProtectionGroupSnapshot pg) {
        for (RegionSnapshot r : now.regionsOrPrimary()) {
            if (r.volume().protectionGroups().contains(pg)) {
                return r;
            }
        }
        return now.regionsOrPrimary().get(0);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.1f s", micros / 1e6);
    }
}
