package dev.auroralab.engine.command;

/** Whether the engine took a command; a refusal says why in words a learner understands. */
public record CommandResult(boolean accepted, String message) {
    public static CommandResult ok(String message) {
        return new CommandResult(true, message);
    }

    public static CommandResult rejected(String reason) {
        return new CommandResult(false, reason);
    }
}
