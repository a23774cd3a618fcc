package dev.auroralab.engine.event;

/**
 * An event as the engine logged it: its id (its position in the log, from 0), the id of what caused it (a user's
 * command or a piece of scheduled work; see {@code AuroraEngine.cause(long)}), and the event itself. Derived events
 * (a quorum lost, the volume's status changing) carry the cause of the change that led to them. This is what a "why?"
 * trace walks back from.
 */
public record CausedEvent(int id, long causeId, AuroraEvent event) {
}
