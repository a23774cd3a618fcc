package dev.auroralab.teach;

import dev.auroralab.scenario.BuiltInScenarios;
import dev.auroralab.scenario.Scenario;
import dev.auroralab.scenario.ScenarioError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One thing learners get wrong about Aurora, and what is true instead (issue 14; aurora-reference §8). The window
 * shows it in Help → Myths and facts, the command line prints it ({@code myths}), and MythCardsTest runs its
 * demonstration and fails if the engine stops showing the fact.
 *
 * @param id stable kebab-case name, typed on the command line ({@code myths up-to-128-tb}); never renamed
 * @param myth what people say, in their words
 * @param fact what is true, in two to four plain sentences; every number in it cites its source in parentheses
 * @param sources the sources the fact cites, as aurora-reference.md tags them ("P17 §6.1", "UG", "RDS UG"); see
 *     {@link MythCards#SOURCES}
 * @param demonstration the scenario that shows the fact, or null when no run of the model can show it
 * @param modelNote what the model does not show about this fact, said plainly: required when there is no
 *     demonstration (why none), empty otherwise when nothing needs saying
 */
public record MythCard(String id, String myth, String fact, List<String> sources, Demonstration demonstration,
        String modelNote) {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public MythCard {
        Objects.requireNonNull(myth, "myth");
        Objects.requireNonNull(fact, "fact");
        sources = List.copyOf(sources);
        modelNote = modelNote == null ? "" : modelNote;
        if (id == null || !KEBAB.matcher(id).matches()) {
            throw new IllegalArgumentException("a card's id is kebab-case: " + id);
        }
        if (demonstration == null && modelNote.isBlank()) {
            throw new IllegalArgumentException(id + ": a card without a demonstration says why in its model note");
        }
    }

    /** The demonstration, if a scenario can show this fact. */
    public Optional<Demonstration> shownBy() {
        return Optional.ofNullable(demonstration);
    }

    /**
     * A built-in scenario that shows the fact, the simulated moment to open it at (just before what matters, so
     * pressing play shows it happen), and one line on what to watch.
     *
     * @param scenario the built-in scenario's name ({@link BuiltInScenarios#NAMES} or {@link BuiltInScenarios#LARGE})
     * @param atMicros where to put the playhead when it opens
     * @param watch what to look at, in the scenario's own terms; its numbers are the model's and say so
     */
    public record Demonstration(String scenario, long atMicros, String watch) {

        public Demonstration {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(watch, "watch");
            if (atMicros < 0) {
                throw new IllegalArgumentException("a demonstration opens at 0 or later: " + atMicros);
            }
        }

        /** Reads the scenario, as the window and the command line open it by name. */
        public Scenario load() throws ScenarioError {
            return BuiltInScenarios.load(scenario);
        }
    }
}
