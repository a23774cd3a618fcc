package dev.auroralab.scenario;

/**
 * What came of one expectation in a run. {@code skipped}: the run ended (a shorter --duration) before the
 * expectation's time; it counts neither way.
 */
public record ExpectationResult(Expectation expectation, boolean passed, boolean skipped, String message) {
}
