package dev.auroralab.engine;

import java.util.List;

/**
 * Every piece of pending work in the engine's queue: a message on the wire or a timer. Each is a value that names
 * what it acts on by id (a region's index, a protection group's index, a copy's letter, an instance's creation
 * number) and carries the generation counters that tell it whether it is stale when it fires; none holds a reference
 * to a mutable object, so copying the queue copies the pending work (decision 0013). {@link AuroraEngine} dispatches
 * them in one place.
 */
public sealed interface Scheduled {

    /** One copy of a protection group: region index, PG index, the copy's letter (A-F, then G, H, ...). */
    record CopyRef(int region, int pg, char letter) {
    }

    /** The periodic clocks: a boxcar window, a read tick, continuous backup staging, a replication batch. */
    enum Tick implements Scheduled { BOXCAR_WINDOW, READ_TICK, BACKUP_STAGING, REPLICATION_BATCH }

    // ---- messages (drawn in flight by the window) -------------------------------------------------------------------

    /** A boxcar on its way from the writer to one copy; persisted and acknowledged on arrival. */
    record BoxcarDelivery(CopyRef to, int boxcar, String writerId, String writerAz, long epoch, long sentMicros,
            long arrivesMicros) implements Scheduled {
    }

    /** A copy's acknowledgement, carrying its SCL (as the boxcar index of its complete prefix). */
    record AckDelivery(CopyRef from, int prefix, String writerId, long epoch, long sentMicros, long arrivesMicros)
            implements Scheduled {
    }

    /**
     * The writer's redo for records up to {@code vdl}, applied by the replicas listed (by creation number, each with
     * the generation it had when the redo left): one item for every replica it reaches at the same instant, so a
     * boxcar window costs one queue item for its redo, not one per replica.
     */
    record RedoApply(List<Integer> replicas, List<Integer> replicaGenerations, long vdl, long vdlAtMicros,
            long sentMicros, long appliesMicros, String from) implements Scheduled {
        public RedoApply {
            replicas = List.copyOf(replicas);
            replicaGenerations = List.copyOf(replicaGenerations);
        }
    }

    /** A batch of the primary's durable redo, (fromLsn, toLsn], on its way to a secondary region's volume. */
    record ReplicationDelivery(int region, String fromRegion, long fromLsn, long toLsn, int truncation,
            long sentMicros, long arrivesMicros) implements Scheduled {
    }

    /** A secondary's storage has written a replication batch (boxcar index per PG) to its copies. */
    record SecondaryPersisted(int region, long fromLsn, List<Integer> boxcars) implements Scheduled {
        public SecondaryPersisted {
            boxcars = List.copyOf(boxcars);
        }
    }

    // ---- storage timers ----------------------------------------------------------------------------------------------

    record Gossip(int region, int pg) implements Scheduled {
    }

    record RepairCheck(CopyRef copy, int copyGeneration) implements Scheduled {
    }

    record Hydrated(int region, int pg, int slot, char letter) implements Scheduled {
    }

    /**
     * After reconfigure-quorum, the next look at the groups of {@code az} that could not move to 3 of 4 yet (stale once
     * the outage of that generation ended). The name is kept from when the model degraded on its own after 60 s.
     */
    record LongAzOutage(String az, int outageGeneration) implements Scheduled {
    }

    // ---- failover timers ---------------------------------------------------------------------------------------------

    record WriterFailureDetection(int failoverGeneration) implements Scheduled {
    }

    record WriterRecreated(int instance, int failoverGeneration, int instanceGeneration) implements Scheduled {
    }

    record PromotionDone(int instance, int failoverGeneration, int instanceGeneration) implements Scheduled {
    }

    /** Crash recovery waits for a read quorum of every PG: look again. */
    record RecoveryRetry(int instance, int failoverGeneration, int instanceGeneration) implements Scheduled {
    }

    record RecoveryDone(int instance, int failoverGeneration, int instanceGeneration) implements Scheduled {
    }

    record EndpointMoved(int instance, int failoverGeneration) implements Scheduled {
    }

    record InstanceBooted(int instance, int instanceGeneration) implements Scheduled {
    }

    /** A lost instance (fail-instance) has a new host: stale if anything changed its status meanwhile. */
    record HostReplaced(int instance, int instanceGeneration) implements Scheduled {
    }

    // ---- Global Database timers --------------------------------------------------------------------------------------

    record ResyncDone(int region, int resyncGeneration) implements Scheduled {
    }

    record GlobalPromotionDone(int failoverGeneration) implements Scheduled {
    }

    record ProbeStart(int region, int forwardingGeneration) implements Scheduled {
    }

    record ProbeArrived(int region, int forwardingGeneration) implements Scheduled {
    }

    record ForwardedAck(int region, int forwardingGeneration, long lsn) implements Scheduled {
    }

    /** Routine traffic: messages and periodic clocks, too many to keep as causes unless they lead to an event. */
    static boolean isRoutine(Scheduled s) {
        return isMessage(s) || s instanceof Tick || s instanceof SecondaryPersisted || s instanceof Gossip
                || s instanceof ProbeStart || s instanceof ProbeArrived || s instanceof ForwardedAck;
    }

    /** Messages a learner sees moving on the topology; the rest is bookkeeping. */
    static boolean isMessage(Scheduled s) {
        return s instanceof BoxcarDelivery || s instanceof AckDelivery || s instanceof RedoApply
                || s instanceof ReplicationDelivery;
    }
}
