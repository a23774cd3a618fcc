package dev.auroralab.engine.event;

/**
 * Something that caused events: a user's command, or a piece of scheduled work (a timer firing, a message arriving).
 * {@code parentId} is what caused it in turn (-1 for a command, or for a periodic clock such as the boxcar window);
 * {@code what} names it ("command: fail writer-1", "PromotionDone", "BOXCAR_WINDOW").
 */
public record Cause(long id, long parentId, String what) {
}
