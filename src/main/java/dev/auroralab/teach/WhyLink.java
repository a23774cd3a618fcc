package dev.auroralab.teach;

import dev.auroralab.run.ClockText;
import java.util.Objects;

/**
 * One link of a "why?" trace: a moment of the run, what happened then in plain words, and who made it happen. The
 * window shows it as a hyperlink that seeks the run to {@code atMicros}; {@link #label()} is its text.
 *
 * @param atMicros the simulated time it happened (never after the moment the trace was asked at)
 * @param text what happened, in plain words: "copy C of pg-0 down"
 * @param origin who did it: the learner, the scenario's timeline, or the engine in response
 * @param eventId the engine's id of the event this link stands for ({@code CausedEvent.id()}), or null for a link
 *     that states how things are now rather than one logged event
 * @param holding whether this is a fault that still holds the subject as it is (not undone: the AZ still out, the
 *     node still failed), as opposed to a cause in the past (the crash a failover answered)
 */
public record WhyLink(long atMicros, String text, Origin origin, Integer eventId, boolean holding) {

    /** Who made a link happen: the run knows which commands were the learner's; the engine does not. */
    public enum Origin {
        /** A command the learner gave (a click, a key, a menu), applied through the run. */
        YOU("you"),
        /** A command of the scenario's timeline. */
        SCENARIO("scenario"),
        /** The engine's own response: a timer, a detection, a quorum recount. */
        ENGINE("engine");

        private final String word;

        Origin(String word) {
            this.word = word;
        }

        /** "you", "scenario" or "engine": the word in parentheses after a link. */
        public String word() {
            return word;
        }
    }

    public WhyLink {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }

    /** A link that is no fault holding now: the state, or a cause in the past. */
    public WhyLink(long atMicros, String text, Origin origin, Integer eventId) {
        this(atMicros, text, origin, eventId, false);
    }

    /** "0:12.000 · copy C of pg-0 down (scenario)": the link as the window and the command line show it. */
    public String label() {
        return ClockText.of(atMicros) + " · " + text + " (" + origin.word() + ")";
    }
}
