package dev.auroralab.teach;

import dev.auroralab.run.Branch;
import java.util.List;

/**
 * Who issued a command, which only the run knows: the engine logs "command: fail AZ us-east-1c" as a cause, but not
 * whether the learner clicked it or the scenario's timeline applied it. A trace asks this to say "(you)" or
 * "(scenario)".
 */
@FunctionalInterface
public interface IssuedCommands {

    /** A command of the log: when it was applied and whether it was the learner's. */
    record Issued(long atMicros, boolean learner) {
    }

    /**
     * The command described as {@code description} ({@code Command.describe()}) applied last at or before
     * {@code atOrBeforeMicros}, or null when the log has none.
     */
    Issued find(String description, long atOrBeforeMicros);

    /** The commands of a branch of a run: the scenario's timeline and the learner's actions, as applied. */
    static IssuedCommands of(Branch branch) {
        List<Branch.Entry> log = branch.log();
        return (description, atOrBefore) -> {
            Issued found = null;
            for (Branch.Entry e : log) {
                // a refused action is replayed too, but it caused nothing but its refusal
                if (e.accepted() && e.atMicros() <= atOrBefore
                        && e.command().command().describe().equals(description)
                        && (found == null || e.atMicros() >= found.atMicros())) {
                    found = new Issued(e.atMicros(), e.learner());
                }
            }
            return found;
        };
    }
}
