package dev.auroralab.run;

import dev.auroralab.engine.command.Command;
import dev.auroralab.scenario.TimedCommand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One future of a run: the commands it applies (the scenario's timeline merged with the learner's actions, in the
 * order they are applied), the engine keyframes taken along it, the chart samples and the failover marks it
 * produced, and how far it has been played. Acting in the past of a branch starts a new one from that moment; the old
 * one keeps its future (a tree of command logs, not a line: RaftScope drops the old future, this keeps it).
 *
 * <p>Everything a branch holds is a function of the scenario, the seed and its log: replaying it gives the same
 * samples and marks, so what was recorded on the first play is what a later seek shows. Only {@link Run} changes it.
 */
public final class Branch {

    /**
     * One command of the log: the scenario's ({@code learner} false) or the learner's, at its simulated time;
     * {@code accepted} is false for a learner's action the engine refused (replayed, so the log of events is the
     * same, but never saved).
     */
    public record Entry(TimedCommand command, boolean learner, boolean accepted) {
        public long atMicros() {
            return command.atMicros();
        }
    }

    private final int id;
    private final String name;
    private final Branch parent;
    private final long forkMicros;
    final List<Entry> log;
    final List<Keyframe> keyframes;
    final List<MetricSample> samples;
    final List<Marker> eventMarkers;
    /** For each of {@link #eventMarkers}, the index of its event in the engine's log. */
    private final List<Integer> eventMarkerIndex = new ArrayList<>();

    /** How many engine events this branch has looked at for marks: the ones after are new ground. */
    int eventsSeen;
    long extentMicros;
    /** Simulated time between keyframes: doubles each time the branch's keyframes are thinned. */
    long keyframeSpacingMicros;

    /** The first branch of a run: the scenario's own timeline, nothing of the learner's yet. */
    Branch(List<TimedCommand> timeline, long keyframeSpacingMicros) {
        this.id = 0;
        this.name = "as scripted";
        this.parent = null;
        this.forkMicros = 0;
        this.log = new ArrayList<>();
        timeline.forEach(tc -> log.add(new Entry(tc, false, true)));
        this.keyframes = new ArrayList<>();
        this.samples = new ArrayList<>();
        this.eventMarkers = new ArrayList<>();
        this.keyframeSpacingMicros = keyframeSpacingMicros;
    }

    /**
     * A branch that leaves {@code parent} at {@code forkMicros}: everything the parent applied up to log entry
     * {@code applied} (all at or before the fork) is kept, then the scenario's own entries that follow; the parent's
     * later actions are not. Keyframes and samples strictly before the fork are shared (the fork's own instant may
     * differ: the new action is applied in it).
     */
    Branch(int id, String name, Branch parent, long forkMicros, int applied, int eventsSeen) {
        this.id = id;
        this.name = name;
        this.parent = parent;
        this.forkMicros = forkMicros;
        this.log = new ArrayList<>(parent.log.subList(0, applied));
        for (Entry e : parent.log.subList(applied, parent.log.size())) {
            if (!e.learner()) {
                log.add(e);
            }
        }
        this.keyframes = new ArrayList<>();
        for (Keyframe k : parent.keyframes) {
            if (k.atMicros() < forkMicros || k.atMicros() == 0) {
                keyframes.add(k);
            }
        }
        this.samples = new ArrayList<>();
        for (MetricSample s : parent.samples) {
            if (s.endMicros() < forkMicros) {
                samples.add(s);
            }
        }
        this.eventMarkers = new ArrayList<>();
        for (int i = 0; i < parent.eventMarkers.size() && parent.eventMarkerIndex.get(i) < eventsSeen; i++) {
            addEventMarker(parent.eventMarkerIndex.get(i), parent.eventMarkers.get(i));
        }
        this.eventsSeen = eventsSeen;
        this.extentMicros = forkMicros;
        this.keyframeSpacingMicros = parent.keyframeSpacingMicros;
    }

    void addEventMarker(int eventIndex, Marker m) {
        eventMarkers.add(m);
        eventMarkerIndex.add(eventIndex);
    }

    /** A number unique in the run, 0 for the first branch. */
    public int id() {
        return id;
    }

    /** What a learner calls it: "as scripted", or the action that started it and when ("fail az az-a at 0:30.000"). */
    public String name() {
        return name;
    }

    /** The branch this one left, or null for the first. */
    public Branch parent() {
        return parent;
    }

    /** The simulated time this branch left its parent (0 for the first). */
    public long forkMicros() {
        return forkMicros;
    }

    /** How far this branch has been played, in simulated time. */
    public long extentMicros() {
        return extentMicros;
    }

    /** The learner's actions on this branch, in the order applied, each at its simulated time. */
    public List<TimedCommand> learnerActions() {
        List<TimedCommand> out = new ArrayList<>();
        for (Entry e : log) {
            if (e.learner() && e.accepted()) {
                out.add(e.command());
            }
        }
        return out;
    }

    /** The whole log (scenario and learner), in the order applied. */
    public List<Entry> log() {
        return Collections.unmodifiableList(log);
    }

    /** The chart samples made along this branch so far, oldest first (past the playhead too, up to the extent). */
    public List<MetricSample> samples() {
        return Collections.unmodifiableList(samples);
    }

    /**
     * The marks for the timeline bar, in time order: every command of the log (scenario and learner) and the failover
     * steps the engine reported, up to how far the branch has been played (commands later in the scenario too).
     */
    public List<Marker> markers() {
        List<Marker> out = new ArrayList<>(log.size() + eventMarkers.size());
        for (Entry e : log) {
            out.add(Marker.of(e.atMicros(), e.command().command(), e.learner()));
        }
        out.addAll(eventMarkers);
        out.sort(Comparator.comparingLong(Marker::atMicros));
        return out;
    }

    /** The latest keyframe strictly before {@code micros}, or the one at 0 (taken before anything happened). */
    Keyframe keyframeBefore(long micros) {
        Keyframe best = keyframes.get(0);
        for (Keyframe k : keyframes) {
            if (k.atMicros() < micros && k.atMicros() >= best.atMicros()) {
                best = k;
            }
        }
        return best;
    }

    static Entry learnerEntry(long atMicros, Command c, boolean accepted) {
        return new Entry(new TimedCommand(atMicros, c, 0), true, accepted);
    }

    @Override
    public String toString() {
        return name;
    }
}
