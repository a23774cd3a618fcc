package dev.auroralab.run;

import dev.auroralab.engine.command.Command;
import dev.auroralab.engine.event.AuroraEvent;

/**
 * Something worth a mark on the timeline bar: a fault, an action (the scenario's or the learner's) or a failover
 * step the engine reported. The bar draws each kind with its own shape as well as its own colour, and says it in
 * words on hover (never colour alone).
 *
 * @param atMicros simulated time
 * @param kind what it is
 * @param label a short sentence, e.g. "fail az az-a" or "failover started"
 * @param learner whether a learner's action made it (false: the scenario's timeline or the engine)
 */
public record Marker(long atMicros, Kind kind, String label, boolean learner) {

    public enum Kind {
        /** Something broken: an instance, a copy, a node, an AZ, a region. Drawn as a triangle. */
        FAULT,
        /** Something done: a restore, a failover asked for, a switchover, a replica, the workload. Drawn as a diamond. */
        ACTION,
        /** A failover or Global Database promotion the engine carried out. Drawn as a square. */
        FAILOVER
    }

    /** The marker for a command applied at {@code atMicros}. */
    public static Marker of(long atMicros, Command c, boolean learner) {
        return new Marker(atMicros, isFault(c) ? Kind.FAULT : Kind.ACTION, c.describe(), learner);
    }

    /** The marker for an engine event, or null when the event is not a failover step worth a mark. */
    public static Marker of(AuroraEvent e) {
        String label = e instanceof AuroraEvent.FailoverStarted ? "failover started"
                : e instanceof AuroraEvent.WriterRecreationStarted ? "writer being recreated"
                : e instanceof AuroraEvent.FailoverCompleted ? "failover completed"
                : e instanceof AuroraEvent.GlobalSwitchoverStarted ? "global switchover started"
                : e instanceof AuroraEvent.GlobalPromotionStarted ? "global promotion started"
                : e instanceof AuroraEvent.GlobalPromotionCompleted ? "global promotion completed"
                : null;
        return label == null ? null : new Marker(e.atMicros(), Kind.FAILOVER, label, false);
    }

    /** Whether a command breaks something (as opposed to restoring, asking or tuning). */
    public static boolean isFault(Command c) {
        return c instanceof Command.FailInstance || c instanceof Command.CrashInstance
                || c instanceof Command.FailAvailabilityZone || c instanceof Command.FailSegment
                || c instanceof Command.DestroySegment || c instanceof Command.FailStorageNode
                || c instanceof Command.FailRegion;
    }
}
