package dev.auroralab.scenario;

import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot;
import java.util.List;

/** A headless run's outcome: the final state, every expectation's result and the event log. */
public record RunResult(Scenario scenario, long seed, long durationMicros, EngineSnapshot finalSnapshot,
        List<ExpectationResult> expectations, List<AuroraEvent> events, long engineEvents) {
    public boolean allPassed() {
        return expectations.stream().allMatch(e -> e.passed() || e.skipped());
    }
}
