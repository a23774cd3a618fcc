package dev.auroralab.engine;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;
import dev.auroralab.engine.snapshot.EngineSnapshot.VolumeSnapshot;
import java.util.List;

/**
 * Helpers for the mechanism tests: events of one type, stepping an engine one scheduled item at a time until an
 * event appears, and a "fresh look" at the volume to tell whether the engine's cached availability is up to date.
 */
final class EngineProbes {

    private EngineProbes() {
    }

    static <T extends AuroraEvent> List<T> events(AuroraEngine e, Class<T> type) {
        return e.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Fires scheduled items one by one until a new event of {@code type} has been emitted, and returns it. The item
     * that emitted it has run completely; nothing after it has. Fails when none appears by {@code limitMicros}.
     */
    static <T extends AuroraEvent> T stepUntil(AuroraEngine e, Class<T> type, long limitMicros) {
        int before = events(e, type).size();
        while (e.nextEventMicros() <= limitMicros) {
            e.step();
            List<T> now = events(e, type);
            if (now.size() > before) {
                return now.get(before);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " by " + limitMicros + " us");
    }

    /**
     * The volume as the engine sees it after looking at its availability again: a copy of the engine is sent a
     * command that is always refused (every command ends with a fresh look), so the engine under test is untouched.
     * A mechanism that changes what the volume can do must leave its snapshot equal to this one.
     */
    static VolumeSnapshot freshLook(AuroraEngine e) {
        AuroraEngine copy = e.copy();
        copy.apply(new Command.FailInstance("no-such-instance"));
        return copy.snapshot().volume();
    }
}
