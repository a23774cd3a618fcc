package dev.auroralab.teach;

import dev.auroralab.engine.snapshot.Vitals;
import dev.auroralab.run.Branch;
import dev.auroralab.run.LookAhead;
import dev.auroralab.run.Run;
import java.util.List;

/**
 * Finds the next significant change ahead of a run, for predict-then-observe: it plays a throw-away copy of the run's
 * present ({@link Run#lookAhead()}) on a fixed grid of {@link #GRID_MICROS} of simulated time (multiples of it, like a
 * lesson's conditions, never per frame: the same run gives the same moments however fast the window draws) and stops
 * at the first grid point where
 * <ul>
 *   <li>a vital differs from the present ({@link Vitals}: the volume's status, the writer and the failover phase, a
 *       region's role, writes or reads, the count or first id of the protection groups without a write or a read
 *       quorum, the AZs out, the reader endpoint, the acknowledged writes lost), or</li>
 *   <li>a command of the log is applied (a fault, a repair or a setting of the scenario's or the learner's): what is
 *       about to be done to the cluster is a moment to predict even when the application notices nothing, which is
 *       often the lesson (an AZ lost, two copies destroyed).</li>
 * </ul>
 * Up to {@link #HORIZON_MICROS} ahead (ten simulated minutes: longer than any built-in's slowest step, a writer
 * recreated with no replica). Cheap per grid point on any volume (the vitals are counts and first ids), so the
 * window can look a few steps further in each frame ({@link #lookFurther}) and never lets the run pass what the
 * look-ahead has cleared.
 */
public final class NextChange {

    /** The grid: simulated time between two looks. */
    public static final long GRID_MICROS = 100_000;
    /** How far ahead of the present the look-ahead goes before it says there is no change to predict. */
    public static final long HORIZON_MICROS = 10 * 60 * 1_000_000L;

    private final LookAhead ahead;
    private final Vitals start;
    private final long endMicros;
    private long clearedMicros;
    private SignificantChange change;
    private boolean done;

    /** From the run's present, up to {@link #HORIZON_MICROS} ahead. */
    public NextChange(Run run) {
        this(run.lookAhead(), HORIZON_MICROS);
    }

    /** From a look-ahead's present (not yet played), up to {@code horizonMicros} ahead. */
    public NextChange(LookAhead ahead, long horizonMicros) {
        this.ahead = ahead;
        this.start = ahead.vitals();
        this.clearedMicros = ahead.startMicros();
        this.endMicros = ahead.startMicros() + horizonMicros;
    }

    /** The next significant change within the horizon of the run's present, or null when there is none. */
    public static SignificantChange find(Run run) {
        NextChange n = new NextChange(run);
        while (!n.lookFurther(Integer.MAX_VALUE)) {
            // to the end: the tests and the bench
        }
        return n.change();
    }

    /** The present the look-ahead started from. */
    public long startMicros() {
        return ahead.startMicros();
    }

    /**
     * The furthest moment known to hold nothing significant: the run may play to it and stand there. The stop moment
     * once a change is found.
     */
    public long clearedMicros() {
        return clearedMicros;
    }

    /** Whether the look is over: a change found, or the horizon reached without one. */
    public boolean done() {
        return done;
    }

    /** The change found, or null (none yet, or none within the horizon). */
    public SignificantChange change() {
        return change;
    }

    /** The moment the look-ahead gives up: start plus the horizon. */
    public long horizonEndMicros() {
        return endMicros;
    }

    /** Looks up to {@code gridSteps} more grid points ahead; true when the look is over. */
    public boolean lookFurther(int gridSteps) {
        for (int i = 0; i < gridSteps && !done; i++) {
            long g = (Math.floorDiv(clearedMicros, GRID_MICROS) + 1) * GRID_MICROS;
            if (g > endMicros) {
                done = true;
                break;
            }
            ahead.playTo(g);
            Vitals v = ahead.vitals();
            List<Branch.Entry> commands = ahead.entriesBetween(clearedMicros, g);
            if (!commands.isEmpty() || !start.equals(v.at(start.nowMicros()))) {
                change = new SignificantChange(start.nowMicros(), clearedMicros, g, start.at(clearedMicros), v,
                        commands);
                done = true;
            } else {
                clearedMicros = g;
            }
        }
        return done;
    }
}
