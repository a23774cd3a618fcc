package dev.auroralab.teach;

import dev.auroralab.engine.snapshot.Vitals;
import dev.auroralab.run.Branch;
import java.util.List;

/**
 * The next significant change ahead of a run, as {@link NextChange} found it on its grid: the run stands still at
 * {@code stopMicros} (the last grid point before it, or the present when the change comes in the first step), and by
 * {@code atMicros} (one grid step later) the change has happened.
 *
 * @param fromMicros the run's present when the look-ahead started
 * @param before the vitals at the stop moment (the same as at {@code fromMicros}: nothing significant changed between)
 * @param after the vitals at {@code atMicros}
 * @param commands the log's commands applied in (stop, at], the scenario's or the learner's: what is done to the
 *     cluster in the step; empty when the engine gets there by itself (a failover's timer, a repair, a rebuild)
 */
public record SignificantChange(long fromMicros, long stopMicros, long atMicros, Vitals before, Vitals after,
        List<Branch.Entry> commands) {

    public SignificantChange {
        commands = List.copyOf(commands);
        if (!(fromMicros <= stopMicros && stopMicros < atMicros)) {
            throw new IllegalArgumentException("from <= stop < at: " + fromMicros + ", " + stopMicros + ", "
                    + atMicros);
        }
    }

    /** Whether a vital changed (otherwise only a command was applied, which the application may not notice at all). */
    public boolean vitalsChanged() {
        return !before.equals(after.at(before.nowMicros()));
    }
}
