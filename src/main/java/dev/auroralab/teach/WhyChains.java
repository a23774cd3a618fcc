package dev.auroralab.teach;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.event.AuroraEvent.*;
import dev.auroralab.engine.event.Cause;
import dev.auroralab.engine.event.CausedEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.teach.WhyLink.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The links one "why?" trace collects, and how it collects them: (a) the cause chain of an event, walked up the
 * engine's cause ids to the command or clock that started it, and (b) the faults that hold a state now
 * ({@link HoldingFaults}), each linked with its own chain. {@link WhyTrace} and {@link WhyElements} say which events
 * and faults a subject's state rests on; this class turns them into links, once each, and orders them newest first
 * behind the subject's first link.
 */
final class WhyChains {

    /** Causes walked up one chain at most: a longer chain keeps its first ones and its root (the command). */
    static final int MAX_CAUSES = 12;

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

    final EngineSnapshot now;
    final CausedLog log;
    final LongFunction<Cause> causes;
    final IssuedCommands issued;
    final WhyWords words;
    final HoldingFaults holding;
    /** The links found, by what they stand for ("e12": event 12; "c7": command 7; "s...": a statement). */
    private final Map<String, Ranked> found = new LinkedHashMap<>();

    /**
     * A link and where it sorts among links of the same instant: an event's id (the log is in causal order), a
     * command just before the first event it caused, a statement just after the latest event it rests on.
     */
    private record Ranked(WhyLink link, double rank) {
    }

    /** How the subject is now: the first link. {@code fine}: nothing to explain, the trace is that one sentence. */
    record Headline(String text, long atMicros, Integer eventId, double rank, boolean fine) {
        static Headline fine(String text) {
            return new Headline(text, -1, null, 0, true);
        }
    }

    WhyChains(EngineSnapshot now, List<CausedEvent> events, LongFunction<Cause> causes, IssuedCommands issued) {
        this.now = now;
        this.log = new CausedLog(events, now.nowMicros());
        this.causes = causes;
        this.issued = issued;
        this.words = new WhyWords(now);
        this.holding = new HoldingFaults(now, log, causes, issued);
    }

    /**
     * The trace: the first link says how the subject is now (or, alone, that nothing needs explaining), then every
     * link collected, newest first, none later than now.
     */
    List<WhyLink> links(Headline h) {
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
    // Faults that hold a state now
    // =================================================================================================================

    /**
     * Links the faults holding something as it is, each with {@code what} it holds down ("copies E and F of pg-0
     * down"; empty: the fault's words alone), and walks each one's chain. Returns the latest of them, or null.
     */
    HoldingFaults.Held holdingLinks(Map<HoldingFaults.Held, String> faults) {
        HoldingFaults.Held latest = null;
        for (Map.Entry<HoldingFaults.Held, String> f : faults.entrySet()) {
            HoldingFaults.Held h = f.getKey();
            String text = f.getValue().isEmpty() ? h.words(words) : h.words(words) + ": " + f.getValue();
            if (h.event() != null) {
                CausedEvent e = h.event();
                put("e" + e.id(), new WhyLink(e.event().atMicros(), text, origin(e), e.id(), true), e.id());
                chain(e, false);
            } else {
                // a command that changed no state the log could show (a copy failed while it was already down)
                found.put("h" + h.description(), new Ranked(new WhyLink(h.atMicros(), text, originOf(h.command()),
                        null, true), Double.MAX_VALUE / 2));
            }
            if (latest == null || h.after(latest)) {
                latest = h;
            }
        }
        return latest;
    }

    // =================================================================================================================
    // Chains
    // =================================================================================================================

    /** The event and its causes. */
    void chainOf(CausedEvent e) {
        if (e != null) {
            chain(e, true);
        }
    }

    /**
     * (a) The events that caused {@code e}: up its chain of causes, the events each logged (for its own cause only
     * the ones before {@code e}); of a command's, what it did itself ({@link #ACTS}: the region it failed, not the
     * instances that went with it), or the command itself when its effects came later, by timers. Without
     * {@code withItself}, {@code e} is left out: the subject's first link already says it.
     */
    void chain(CausedEvent e, boolean withItself) {
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
                if (!withItself && x.id() == e.id()) {
                    // said by the link that asked for this chain: if it is the command's own act, the command needs
                    // no link of its own; if it is an effect (a restart after "restore instance"), it does
                    any |= command && act(command(k), x.event());
                    continue;
                }
                earliest = Math.min(earliest, x.event().atMicros());
                if (command ? act(command(k), x.event()) : !DERIVED.contains(x.event().getClass())) {
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

    void put(String key, WhyLink link, double rank) {
        found.put(key, new Ranked(link, rank));
    }

    /** A command that logged no event of its own (its effects came later, by timers): the command itself. */
    private void commandLink(Cause k, long atOrBefore) {
        String description = command(k);
        IssuedCommands.Issued by = issued.find(description, atOrBefore);
        long at = by == null ? atOrBefore : by.atMicros();
        int first = log.loggedBy(k.id()).stream().mapToInt(CausedEvent::id).min().orElse(0);
        found.putIfAbsent("c" + k.id(), new Ranked(new WhyLink(at, words.command(description),
                originOf(by), null), first - 0.5));
    }

    /** The first link, at the event that set the state (if one is known). */
    static Headline headline(String text, CausedEvent anchor) {
        return anchor == null ? new Headline(text, -1, null, Double.MAX_VALUE, false)
                : new Headline(text, anchor.event().atMicros(), anchor.id(), anchor.id() + 0.5, false);
    }

    /** A state that is one of the contributions of another (a PG behind the banner): a link like the others. */
    void nested(Headline h) {
        if (h.fine()) {
            return;
        }
        long at = h.atMicros() < 0 ? now.nowMicros() : h.atMicros();
        put("s" + h.text(), new WhyLink(at, h.text(), Origin.ENGINE, h.eventId()), h.rank());
    }

    /**
     * Whether {@code e} is what the command did itself: an act ({@link #ACTS}), and an instance's loss or crash only
     * for a command aimed at that instance (the writer an AZ or a region took with it is the outage's effect, which a
     * chain through the outage need not repeat).
     */
    private static boolean act(String description, AuroraEvent e) {
        if (e instanceof InstanceFailed || e instanceof InstanceCrashed) {
            return description.startsWith("fail instance ") || description.startsWith("crash instance ");
        }
        return ACTS.contains(e.getClass());
    }

    /** "you" or "scenario" for what a command did itself; the engine's for the rest (its effects included). */
    Origin origin(CausedEvent x) {
        Cause k = causes.apply(x.causeId());
        String description = k == null ? null : command(k);
        if (description == null || !ACTS.contains(x.event().getClass())) {
            return Origin.ENGINE;
        }
        return originOf(issued.find(description, x.event().atMicros()));
    }

    static Origin originOf(IssuedCommands.Issued by) {
        // a command the log does not hold can only have come from a file's timeline
        return by != null && by.learner() ? Origin.YOU : Origin.SCENARIO;
    }

    /** What the command was ("fail AZ us-east-1c"), or null when {@code k} is not a command. */
    static String command(Cause k) {
        return k.parentId() < 0 && k.what().startsWith("command: ") ? k.what().substring("command: ".length()) : null;
    }
}
