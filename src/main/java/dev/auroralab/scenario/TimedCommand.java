package dev.auroralab.scenario;

import dev.auroralab.engine.command.Command;

/** One timeline entry: apply {@code command} at {@code atMicros}; {@code line} is where the file says so. */
public record TimedCommand(long atMicros, Command command, int line) {
}
