package dev.auroralab.engine.check;

import java.util.Locale;

/**
 * One broken promise: when it was seen (simulated microseconds), which property, and a message that says what is
 * wrong, where (region, PG, copy or instance) and the values seen.
 */
public record Violation(long atMicros, SafetyProperty property, String message) {

    /** "12.300 s LOSS_IS_LOGGED: ...": the simulated time in seconds, the property and the message. */
    public String describe() {
        return String.format(Locale.ROOT, "%.3f s %s: %s", atMicros / 1e6, property.name(), message);
    }
}
