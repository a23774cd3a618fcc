package dev.auroralab.engine.command;

import java.util.Objects;

/**
 * Everything a user (or a scenario timeline) can do to the simulated cluster. Commands are data with imperative names,
 * so a run is fully described by scenario + seed + the log of commands with the times they were applied.
 *
 * <p>Ids (instances, AZs, copies, nodes, regions) are never null: a command without its target is refused with a
 * NullPointerException when it is made, rather than reaching the event log as "fail instance null". Only the values
 * documented as optional may be null (a failover's target, a workload rate, forwarding off, the managed RPO off).
 */
public sealed interface Command {

    /** A short human description, used in the event log and in messages. */
    String describe();

    /**
     * The instance or its host is lost. The writer fails over to a replica by tier; with none it is recreated (in its
     * AZ, or another if that AZ is out). A lost reader's host is replaced after the model's recreate time.
     */
    record FailInstance(String instanceId) implements Command {
        public FailInstance {
            Objects.requireNonNull(instanceId, "instanceId");
        }

        public String describe() {
            return "fail instance " + instanceId;
        }
    }

    /**
     * The database process of an instance crashes; the instance and its host are fine, so Aurora restarts the process
     * in place (no failover; the fastest path back, UG high availability). Compare {@link FailInstance}: the instance
     * or its host is lost.
     */
    record CrashInstance(String instanceId) implements Command {
        public CrashInstance {
            Objects.requireNonNull(instanceId, "instanceId");
        }

        public String describe() {
            return "crash instance " + instanceId;
        }
    }

    record RestoreInstance(String instanceId) implements Command {
        public RestoreInstance {
            Objects.requireNonNull(instanceId, "instanceId");
        }

        public String describe() {
            return "restore instance " + instanceId;
        }
    }

    record FailAvailabilityZone(String az) implements Command {
        public FailAvailabilityZone {
            Objects.requireNonNull(az, "az");
        }

        public String describe() {
            return "fail AZ " + az;
        }
    }

    record RestoreAvailabilityZone(String az) implements Command {
        public RestoreAvailabilityZone {
            Objects.requireNonNull(az, "az");
        }

        public String describe() {
            return "restore AZ " + az;
        }
    }

    /**
     * Changes the quorum model of every protection group of the AZ's region to 3 of the 4 copies left outside the AZ
     * (2 of 4 for reads), the degraded model of P18 §4.1 ("the quorum model itself can change"). Only for an AZ that
     * is out: Aurora does not do it on its own in this model, so by default an AZ plus one more copy stops writes.
     */
    record ReconfigureQuorum(String az) implements Command {
        public ReconfigureQuorum {
            Objects.requireNonNull(az, "az");
        }

        public String describe() {
            return "reconfigure the quorum to leave AZ " + az + " out";
        }
    }

    /** Address: PG id / AZ / copy 1 or 2, e.g. pg-0/us-east-1b/1. */
    record FailSegment(String address) implements Command {
        public FailSegment {
            Objects.requireNonNull(address, "address");
        }

        public String describe() {
            return "fail segment " + address;
        }
    }

    record RestoreSegment(String address) implements Command {
        public RestoreSegment {
            Objects.requireNonNull(address, "address");
        }

        public String describe() {
            return "restore segment " + address;
        }
    }

    record DestroySegment(String address) implements Command {
        public DestroySegment {
            Objects.requireNonNull(address, "address");
        }

        public String describe() {
            return "destroy segment " + address;
        }
    }

    record FailStorageNode(String nodeId) implements Command {
        public FailStorageNode {
            Objects.requireNonNull(nodeId, "nodeId");
        }

        public String describe() {
            return "fail storage node " + nodeId;
        }
    }

    record RestoreStorageNode(String nodeId) implements Command {
        public RestoreStorageNode {
            Objects.requireNonNull(nodeId, "nodeId");
        }

        public String describe() {
            return "restore storage node " + nodeId;
        }
    }

    /** Manual failover; {@code targetInstanceId} null lets Aurora choose by tier, size, then at random. */
    record Failover(String targetInstanceId) implements Command {
        public String describe() {
            return targetInstanceId == null ? "fail over" : "fail over to " + targetInstanceId;
        }
    }

    record AddReplica(String instanceId, String az, int tier, String instanceClass) implements Command {
        public AddReplica {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(az, "az");
            Objects.requireNonNull(instanceClass, "instanceClass");
        }

        public String describe() {
            return "add replica " + instanceId + " in " + az + " (tier " + tier + ", " + instanceClass + ")";
        }
    }

    record RemoveReplica(String instanceId) implements Command {
        public RemoveReplica {
            Objects.requireNonNull(instanceId, "instanceId");
        }

        public String describe() {
            return "remove replica " + instanceId;
        }
    }

    record SetPromotionTier(String instanceId, int tier) implements Command {
        public SetPromotionTier {
            Objects.requireNonNull(instanceId, "instanceId");
        }

        public String describe() {
            return "set tier of " + instanceId + " to " + tier;
        }
    }

    /** New rates; a null keeps the current value. */
    record SetWorkload(Double writesPerSecond, Double readsPerSecond) implements Command {
        public String describe() {
            return "set workload to " + (writesPerSecond == null ? "unchanged" : fmt(writesPerSecond)) + " writes/s, "
                    + (readsPerSecond == null ? "unchanged" : fmt(readsPerSecond)) + " reads/s";
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    // ---- Global Database (aurora-reference §6) --------------------------------------------------------------------

    /** Every AZ of a region goes out at once: its instances and its storage. */
    record FailRegion(String region) implements Command {
        public FailRegion {
            Objects.requireNonNull(region, "region");
        }

        public String describe() {
            return "fail region " + region;
        }
    }

    record RestoreRegion(String region) implements Command {
        public RestoreRegion {
            Objects.requireNonNull(region, "region");
        }

        public String describe() {
            return "restore region " + region;
        }
    }

    /** Planned: waits until the secondary is in sync, then swaps roles; no acknowledged write is lost. */
    record Switchover(String region) implements Command {
        public Switchover {
            Objects.requireNonNull(region, "region");
        }

        public String describe() {
            return "switch over to " + region;
        }
    }

    /** Unplanned, data loss allowed: the secondary is promoted now; what it had not received is lost. */
    record FailoverGlobal(String region) implements Command {
        public FailoverGlobal {
            Objects.requireNonNull(region, "region");
        }

        public String describe() {
            return "fail over the global database to " + region + " (allow data loss)";
        }
    }

    /** The secondary leaves the global database and becomes a standalone writable cluster. */
    record DetachAndPromote(String region) implements Command {
        public DetachAndPromote {
            Objects.requireNonNull(region, "region");
        }

        public String describe() {
            return "detach and promote " + region;
        }
    }

    /** Turns write forwarding on in a secondary with a read consistency, or off with null. */
    record SetWriteForwarding(String region, ReadConsistency consistency) implements Command {
        public SetWriteForwarding {
            Objects.requireNonNull(region, "region");
        }

        public String describe() {
            return consistency == null ? "turn write forwarding off in " + region
                    : "turn write forwarding on in " + region + " with " + consistency.label() + " reads";
        }
    }

    /** The managed RPO (rds.global_db_rpo) in seconds, at least 20, or null for none. */
    record SetManagedRpo(Long seconds) implements Command {
        public String describe() {
            return seconds == null ? "turn managed RPO off" : "set managed RPO to " + seconds + " s";
        }
    }

    /** Aurora's aurora_replica_read_consistency for write forwarding. */
    enum ReadConsistency {
        EVENTUAL, SESSION, GLOBAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
