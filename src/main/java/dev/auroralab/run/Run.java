package dev.auroralab.run;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.command.CommandResult;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.scenario.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One run of a scenario, through time and across its branches: the one driver that interleaves the scenario's
 * timeline and the learner's actions with the engine, for the window, the command line and the tests alike.
 *
 * <p><b>The order of things at one instant</b> (the rule every replay follows, so a run is the same however it was
 * reached): first every engine event due at or before it, then the log's commands at it in log order (the scenario's
 * first, then the learner's, each after any event the previous one scheduled for the same instant), and only when
 * the run moves past the instant, the chart sample and the keyframe taken there.
 *
 * <p><b>Seeking.</b> The run keeps copies of the engine (keyframes) at sample edges along each branch, spaced
 * {@link #KEYFRAME_SPACING_MICROS} apart (or {@link #KEYFRAME_FIRED_ITEMS} engine items, whichever comes first);
 * {@link #seek} restores the latest keyframe before the target and replays the log to it. When a branch holds more than
 * {@link #MAX_KEYFRAMES_PER_BRANCH}, every other one is dropped and the spacing doubles, so memory stays bounded for a
 * run of any length while the replay a seek needs grows only slowly.
 *
 * <p><b>Branching.</b> Acting while the playhead is behind the furthest point the branch has been played starts a
 * new branch at that moment; the old one keeps its future (see {@link Branch}).
 *
 * <p>Single-threaded, no clock of its own: it moves only when told to.
 */
public final class Run {

    /** Simulated time between two keyframes of a branch (before thinning): a seek replays at most this much. */
    public static final long KEYFRAME_SPACING_MICROS = 5_000_000;
    /** A keyframe is also taken after this many engine items since the last, so a busy run replays no more than it. */
    public static final long KEYFRAME_FIRED_ITEMS = 200_000;
    /** Keyframes a branch keeps at most; over it, every other one goes and the spacing doubles. */
    public static final int MAX_KEYFRAMES_PER_BRANCH = 128;
    /**
     * Memory the keyframes of a run may take (by {@link AuroraEngine#footprintBytes()}); over it, the branch being
     * played is thinned as above. A healthy cluster's keyframe is about 0.2 MiB, so only a long fault (an AZ out for
     * minutes keeps every boxcar its copies missed) comes near it; its seeks then replay further.
     */
    public static final long KEYFRAME_BUDGET_BYTES = 256L * 1024 * 1024;
    /** Samples the working sampler keeps: the run stores each in its branch as it closes. */
    private static final int SAMPLER_RING = 16;
    private static final long NONE = Long.MIN_VALUE;
    private static final long INTERVAL = MetricSampler.INTERVAL_MICROS;

    /** What came of an action: the engine's answer, and the branch it started (null when it did not start one). */
    public record Acted(CommandResult result, Branch forked) {
    }

    private final Scenario scenario;
    private final long seed;
    private final List<Branch> branches;
    private Branch branch;
    private AuroraEngine engine;
    private MetricSampler sampler;
    /** Entries of the branch's log applied so far. */
    private int applied;
    /** The next sample edge the run has not yet stopped at. */
    private long nextEdgeMicros;
    /** An instant the run stopped at (commands applied, or a sample edge) and has not yet left; NONE when none. */
    private long openInstant = NONE;
    /** Events the engine's log held when last looked at. */
    private int eventIndex;
    private long restores;
    private final List<AuroraEvent> fresh = new ArrayList<>();
    /** False for a run that is only ever played forward (the command line): no keyframes but the first, no samples. */
    private final boolean recording;
    private CommandListener commandListener = (entry, result) -> {
    };

    /** Hears each command of the log as it is applied (the window's status line says the scenario's). */
    @FunctionalInterface
    public interface CommandListener {
        void applied(Branch.Entry entry, CommandResult result);
    }

    /** A run of {@code scenario} with its own seed, at 0 with nothing applied yet: {@code playTo(0)} applies what is due. */
    public Run(Scenario scenario) {
        this(scenario, scenario.seed());
    }

    /** A run of {@code scenario} with another seed (the same regions, instances, workload and timeline). */
    public Run(Scenario scenario, long seed) {
        this(scenario, seed, true);
    }

    /**
     * A run that is only played forward, never sought (the command line's {@code run}): it keeps no keyframes after
     * the first and no chart samples, so a run of simulated hours costs what the engine costs and no more. Seeking it
     * back still works, by replaying from the start.
     */
    public static Run forwardOnly(Scenario scenario, long seed) {
        return new Run(scenario, seed, false);
    }

    private Run(Scenario scenario, long seed, boolean recording) {
        this.recording = recording;
        this.scenario = scenario;
        this.seed = seed;
        this.branches = new ArrayList<>();
        this.branch = new Branch(scenario.timeline(), KEYFRAME_SPACING_MICROS);
        branches.add(branch);
        engine = new AuroraEngine(scenario.clusterWithSeed(seed));
        engine.addListener(this::heard);
        sampler = new MetricSampler(SAMPLER_RING);
        branch.keyframes.add(new Keyframe(0, engine.frozenCopy(), sampler.copy(), 0, 0, 0, 0,
                engine.footprintBytes()));
    }

    /** A second driver over the same branches, showing {@code b}: the other side of a comparison. */
    private Run(Run from, Branch b) {
        this.recording = from.recording;
        this.scenario = from.scenario;
        this.seed = from.seed;
        this.branches = from.branches;
        this.branch = b;
        restore(b.keyframes.get(0));
        playTo(0);
    }

    /**
     * Another driver over this run's branches, at the start of {@code b}: it shares their logs, keyframes and samples
     * (both add the same ones, the runs being the same), so two futures can be shown side by side on one clock. Seek it
     * to the time shown; never act on it.
     */
    public Run companion(Branch b) {
        if (!branches.contains(b)) {
            throw new IllegalArgumentException("not a branch of this run: " + b);
        }
        return new Run(this, b);
    }

    /**
     * A throw-away copy of the run's present, to play forward without touching the run: it starts from a copy of the
     * engine now and applies the branch's commands after now as playing the run would, at the same instants and in
     * the same order. The run keeps no keyframe, sample or mark of it, and a learner's later action is not in it.
     */
    public LookAhead lookAhead() {
        return new LookAhead(engine.copy(), branch.log.subList(applied, branch.log.size()));
    }

    /** Sets who hears each command of the log as it is applied, replays included; null for nobody. */
    public void setCommandListener(CommandListener listener) {
        this.commandListener = listener == null ? (entry, result) -> {
        } : listener;
    }

    // =================================================================================================================
    // What the run shows
    // =================================================================================================================

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    public long nowMicros() {
        return engine.nowMicros();
    }

    /** The state now, as the views draw it. */
    public EngineSnapshot snapshot() {
        return engine.snapshot();
    }

    /**
     * The live engine, to read (snapshot, events, listeners of a checker) and never to command: commands go through
     * {@link #act}. It is replaced by a copy on every {@link #seek} back and branch switch ({@link #restores()} counts).
     */
    public AuroraEngine engine() {
        return engine;
    }

    /** How many times the engine was replaced (a seek back, a branch switch, a fork): a view then rebuilds its log. */
    public long restores() {
        return restores;
    }

    /** Events heard since the last call, oldest first; emptied by a restore (then read the engine's whole log). */
    public List<AuroraEvent> drainFresh() {
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<AuroraEvent> out = List.copyOf(fresh);
        fresh.clear();
        return out;
    }

    /** The time of the next thing due: an engine item or a command of the log; {@link Long#MAX_VALUE} when idle. */
    public long nextMicros() {
        return Math.min(engine.nextEventMicros(), nextCommandMicros());
    }

    public Branch branch() {
        return branch;
    }

    /** Every branch of the run, in the order they were started (the first is the scenario as scripted). */
    public List<Branch> branches() {
        return Collections.unmodifiableList(branches);
    }

    /**
     * The chart samples of this branch that closed before now, oldest first (random access, no copy). A sample
     * ending exactly now is not in yet: the run closes it as it moves past this instant, and a run that has not been
     * further must show the same.
     */
    public List<MetricSample> samplesUpToNow() {
        return samplesBefore(branch, engine.nowMicros());
    }

    /** The samples of {@code b} ending strictly before {@code micros}. */
    public static List<MetricSample> samplesBefore(Branch b, long micros) {
        List<MetricSample> all = b.samples;
        int lo = 0;
        int hi = all.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).endMicros() < micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Collections.unmodifiableList(all.subList(0, lo));
    }

    /** Keyframes held over all branches (shared ones once): the memory a long run costs, for the bench. */
    public int keyframeCount() {
        return allKeyframes().size();
    }

    /**
     * What the keyframes of every branch take: each one's own part (a keyframe shared by branches counted once) and
     * each block of old boxcars and commit windows they share (see {@link AuroraEngine#forEachSharedChunk}) once.
     */
    public long keyframeBytes() {
        long sum = 0;
        java.util.Set<Object> chunks = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        long[] shared = {0};
        for (Keyframe k : allKeyframes()) {
            sum += k.bytes();
            k.engine().forEachSharedChunk((chunk, bytes) -> {
                if (chunks.add(chunk)) {
                    shared[0] += bytes;
                }
            });
        }
        return sum + shared[0];
    }

    private java.util.Set<Keyframe> allKeyframes() {
        java.util.Set<Keyframe> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        branches.forEach(b -> all.addAll(b.keyframes));
        return all;
    }

    /** The time of the latest engine event in the log strictly before now, or 0 when there is none. */
    public long previousEventMicros() {
        List<AuroraEvent> log = engine.events();
        long now = engine.nowMicros();
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).atMicros() < now) {
                return log.get(i).atMicros();
            }
        }
        return 0;
    }

    /** The time of the latest marker of this branch strictly before now, or 0 when there is none. */
    public long previousMarkerMicros() {
        long now = engine.nowMicros();
        long best = 0;
        for (Marker m : branch.markers()) {
            if (m.atMicros() < now) {
                best = Math.max(best, m.atMicros());
            }
        }
        return best;
    }

    // =================================================================================================================
    // Moving through time
    // =================================================================================================================

    /** Plays forward to {@code micros} (nothing when it is not ahead): the log's commands as their times come. */
    public void playTo(long micros) {
        while (true) {
            long x = Math.min(nextEdgeMicros, nextCommandMicros());
            if (x > micros) {
                break;
            }
            leaveBefore(x);
            engine.advanceTo(x);
            applyDue(x);
            if (x == nextEdgeMicros) {
                nextEdgeMicros += INTERVAL;
            }
            openInstant = x;
        }
        if (micros >= engine.nowMicros()) {
            // also at the same instant: a step can leave events of this microsecond still due, and they come first
            leaveBefore(micros);
            engine.advanceTo(micros);
        }
        grow();
    }

    /**
     * The finest step: the next command of the log (with every event due by its time), or else exactly one engine
     * item (a boxcar landing, an ack, a timer). Returns false when nothing at all is scheduled.
     */
    public boolean step() {
        long e = engine.nextEventMicros();
        long c = nextCommandMicros();
        if (e == Long.MAX_VALUE && c == Long.MAX_VALUE) {
            return false;
        }
        if (c <= e) {
            playTo(c);
            return true;
        }
        while (nextEdgeMicros < e) {
            playTo(nextEdgeMicros);
        }
        leaveBefore(e);
        engine.step();
        grow();
        return true;
    }

    /**
     * Moves the playhead to {@code micros} on this branch: back by restoring the latest keyframe before it and
     * replaying, forward by playing (from a later keyframe when one is nearer). The state reached is exactly what
     * playing straight to {@code micros} gives.
     */
    public void seek(long micros) {
        long t = Math.max(0, micros);
        long now = engine.nowMicros();
        if (t == now) {
            return;
        }
        Keyframe k = branch.keyframeBefore(t);
        if (t < now || k.atMicros() > now) {
            restore(k);
            playTo(t);
            fresh.clear();
        } else {
            playTo(t);
        }
    }

    /** Shows another branch at the same moment (or at its furthest point, when it was not played that far). */
    public void switchTo(Branch b) {
        if (b == branch || !branches.contains(b)) {
            return;
        }
        long t = Math.min(engine.nowMicros(), b.extentMicros);
        branch = b;
        restore(b.keyframeBefore(t));
        playTo(t);
        fresh.clear();
    }

    /**
     * Applies a learner's action now. At the furthest point of the branch it joins the branch's log; behind it, an
     * action the engine accepts starts a new branch from this moment (named after it) and the old future is kept. An
     * action refused in the past changes nothing; one refused at the furthest point stays in the log (a replay refuses
     * it again, so the event log is the same) but is never saved as one of the learner's actions.
     */
    public Acted act(Command command) {
        playTo(engine.nowMicros());
        long now = engine.nowMicros();
        if (now < branch.extentMicros) {
            AuroraEngine trial = engine.copy();
            CommandResult r = trial.apply(command);
            if (!r.accepted()) {
                return new Acted(r, null);
            }
            Branch b = new Branch(branches.size(), command.describe() + " at " + ClockText.of(now), branch, now,
                    applied, eventIndex);
            branches.add(b);
            branch = b;
            engine = trial;
            engine.addListener(this::heard);
            restores++;
            branch.log.add(applied++, Branch.learnerEntry(now, command, true));
            for (AuroraEvent e : engine.eventsFrom(eventIndex)) {
                heard(e);
            }
            fresh.clear();
            openInstant = now;
            return new Acted(r, b);
        }
        CommandResult r = engine.apply(command);
        branch.log.add(applied++, Branch.learnerEntry(now, command, r.accepted()));
        openInstant = now;
        return new Acted(r, null);
    }

    // =================================================================================================================
    // Inside
    // =================================================================================================================

    private long nextCommandMicros() {
        return applied < branch.log.size() ? branch.log.get(applied).atMicros() : Long.MAX_VALUE;
    }

    /** Applies the log's commands due at or before {@code x}, each after the events an earlier one left at x. */
    private void applyDue(long x) {
        while (applied < branch.log.size() && branch.log.get(applied).atMicros() <= x) {
            engine.advanceTo(x);
            Branch.Entry e = branch.log.get(applied++);
            commandListener.applied(e, engine.apply(e.command().command()));
        }
    }

    /** Leaves the open instant when the run is about to do something later than it: its sample, maybe a keyframe. */
    private void leaveBefore(long x) {
        if (openInstant != NONE && openInstant < x) {
            long y = openInstant;
            openInstant = NONE;
            leave(y);
        }
    }

    private void leave(long y) {
        if (!recording) {
            return;
        }
        int closed = sampler.feed(engine.snapshot());
        if (closed > 0) {
            List<MetricSample> kept = sampler.samples();
            long storedEnd = branch.samples.isEmpty() ? Long.MIN_VALUE
                    : branch.samples.get(branch.samples.size() - 1).endMicros();
            for (int i = Math.max(0, kept.size() - closed); i < kept.size(); i++) {
                if (kept.get(i).endMicros() > storedEnd) {
                    branch.samples.add(kept.get(i));
                }
            }
        }
        if (Math.floorMod(y, INTERVAL) == 0) {
            maybeKeyframe(y);
        }
    }

    private void maybeKeyframe(long edge) {
        List<Keyframe> kf = branch.keyframes;
        Keyframe last = kf.get(kf.size() - 1);
        if (edge <= last.atMicros() || (edge - last.atMicros() < branch.keyframeSpacingMicros
                && engine.firedEventCount() - last.firedCount() < KEYFRAME_FIRED_ITEMS)) {
            return;
        }
        AuroraEngine frozen = engine.frozenCopy();
        kf.add(new Keyframe(edge, frozen, sampler.copy(), applied, nextEdgeMicros, eventIndex,
                engine.firedEventCount(), frozen.footprintBytes()));
        if (kf.size() > MAX_KEYFRAMES_PER_BRANCH) {
            thin(kf);
        }
        while (kf.size() > 3 && keyframeBytes() > KEYFRAME_BUDGET_BYTES) {
            thin(kf);
        }
    }

    /** Keeps the keyframe at 0 and every other one after it: the spacing doubles, the memory halves. */
    private void thin(List<Keyframe> kf) {
        List<Keyframe> thinned = new ArrayList<>();
        thinned.add(kf.get(0));
        for (int i = 2; i < kf.size(); i += 2) {
            thinned.add(kf.get(i));
        }
        kf.clear();
        kf.addAll(thinned);
        branch.keyframeSpacingMicros *= 2;
    }

    private void restore(Keyframe k) {
        engine = k.engine().copy();
        engine.addListener(this::heard);
        sampler = k.sampler().copy();
        applied = k.applied();
        nextEdgeMicros = k.nextEdgeMicros();
        openInstant = NONE;
        eventIndex = k.eventCount();
        fresh.clear();
        restores++;
    }

    private void heard(AuroraEvent e) {
        fresh.add(e);
        int index = eventIndex++;
        if (index >= branch.eventsSeen) {
            Marker m = Marker.of(e);
            if (m != null) {
                branch.addEventMarker(index, m);
            }
            branch.eventsSeen = index + 1;
        }
    }

    private void grow() {
        branch.extentMicros = Math.max(branch.extentMicros, engine.nowMicros());
    }
}
