package dev.auroralab.run;

import dev.auroralab.engine.AuroraEngine;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import dev.auroralab.engine.snapshot.Vitals;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away copy of a run's present, played forward only: what the run would show at a later moment, found
 * without moving the run (predict-then-observe looks for the next significant change this way). It starts from a
 * copy of the run's engine and applies the rest of the branch's log (the scenario's timeline and the learner's
 * actions after now) in the same order and at the same instants as {@link Run#playTo} does, so the copy played to
 * {@code T} is exactly the run at {@code T} (LookAheadTest). It keeps no keyframes, no samples and no branches; the run
 * never hears of it.
 *
 * <p>Like the run, single-threaded and clockless. The log entries it holds are immutable values, so a learner's
 * later action changes the run's future, not this copy's: start a new look-ahead then.
 */
public final class LookAhead {

    private final AuroraEngine engine;
    private final List<Branch.Entry> pending;
    private final long startMicros;
    private int next;

    LookAhead(AuroraEngine copy, List<Branch.Entry> pending) {
        this.engine = copy;
        this.pending = List.copyOf(pending);
        this.startMicros = copy.nowMicros();
    }

    /** The run's present this copy started from. */
    public long startMicros() {
        return startMicros;
    }

    public long nowMicros() {
        return engine.nowMicros();
    }

    /**
     * Plays forward to {@code micros} (nothing when it is not ahead): every engine event due at or before a command's
     * instant, then the commands at that instant in log order, each after the events the one before left there; and
     * last the events due up to {@code micros}. The rule {@link Run} follows.
     */
    public void playTo(long micros) {
        while (next < pending.size() && pending.get(next).atMicros() <= micros) {
            long x = Math.max(pending.get(next).atMicros(), engine.nowMicros());
            engine.advanceTo(x);
            engine.apply(pending.get(next++).command().command());
        }
        if (micros >= engine.nowMicros()) {
            engine.advanceTo(micros);
        }
    }

    /** The whole state of the copy now (costly on a very large volume: prefer {@link #vitals()} in a loop). */
    public EngineSnapshot snapshot() {
        return engine.snapshot();
    }

    /** The few facts a learner watches, read cheaply from the copy (see {@link AuroraEngine#vitals()}). */
    public Vitals vitals() {
        return engine.vitals();
    }

    /** The copy's engine, to read (its events, a cause); commanding it would part it from the run's future. */
    public AuroraEngine engine() {
        return engine;
    }

    /** The log's commands after {@code fromMicros} up to and including {@code toMicros}, in the order applied. */
    public List<Branch.Entry> entriesBetween(long fromMicros, long toMicros) {
        List<Branch.Entry> out = null; // asked at every grid step: no list unless there is something in it
        for (Branch.Entry e : pending) {
            if (e.atMicros() > fromMicros && e.atMicros() <= toMicros) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(e);
            }
        }
        return out == null ? List.of() : out;
    }
}
