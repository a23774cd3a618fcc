package dev.auroralab.exam;

import dev.auroralab.scenario.Expectation;
import dev.auroralab.scenario.Scenario;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the engine shows a question's answer: a scenario, the simulated moment to open it at, the elements to
 * spotlight, what holds at that moment, and, for each distractor the engine can refute, what that distractor claims
 * (which must not hold then). DemonstrationCheck runs every one headless; the window's Watch it opens the scenario at
 * {@link #atMicros} with {@link #highlight} spotlit.
 *
 * @param scenarioName the built-in scenario's name ({@code lose-an-az}) or the bank's own scenario's name (its
 *     {@code scenarios:} map); null when the scenario is written inline in the question
 * @param scenario the scenario to run, read and checked
 * @param builtIn whether {@code scenarioName} names a scenario shipped with the app (the window and {@code screenshot}
 *     open it by that name); false for the bank's own and inline ones
 * @param atMicros the moment to open the scenario at; {@link #shows} holds there
 * @param highlight elements to spotlight, in the lesson syntax: {@code instance:writer-1}, {@code pg:pg-0},
 *     {@code az:us-east-1c}, {@code region:eu-west-1}, {@code segment:pg-0/us-east-1c/1}, {@code node:sn-us-east-1a-2}
 * @param shows what holds at {@code atMicros} (its {@code atMicros} is that moment)
 * @param distractors per wrong choice (0-based index), what it claims, which must not hold at its own moment (its
 *     {@code atMicros}: the demonstration's moment unless the file gives another); only the distractors the engine
 *     can refute are here
 */
public record Demonstration(String scenarioName, Scenario scenario, boolean builtIn, long atMicros,
        List<String> highlight, Expectation shows, Map<Integer, Expectation> distractors) {

    public Demonstration {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(shows, "shows");
        if (builtIn && scenarioName == null) {
            throw new IllegalArgumentException("a built-in scenario is named");
        }
        if (atMicros < 0 || atMicros > scenario.durationMicros()) {
            throw new IllegalArgumentException("a demonstration opens within its scenario's run: " + atMicros);
        }
        if (shows.atMicros() == null || shows.atMicros() != atMicros) {
            throw new IllegalArgumentException("shows is checked at the demonstration's moment");
        }
        for (Expectation claim : distractors.values()) {
            if (claim.atMicros() == null || claim.atMicros() < 0 || claim.atMicros() > scenario.durationMicros()) {
                throw new IllegalArgumentException("a distractor's claim is checked at a moment of the run");
            }
        }
        highlight = List.copyOf(highlight);
        distractors = Collections.unmodifiableMap(new TreeMap<>(distractors));
    }

    /** What choice {@code index} (0-based) claims, when the engine can refute it. */
    public Optional<Expectation> refutation(int index) {
        return Optional.ofNullable(distractors.get(index));
    }

    /** Whether the scenario is written in the bank (its own {@code scenarios:} or inline), not shipped with the app. */
    public boolean inBank() {
        return !builtIn;
    }
}
