package dev.auroralab.engine.snapshot;

/**
 * Where the cluster is in getting a writer back (in-region failover) or in moving the writer to another region (a
 * Global Database operation). NONE when a writer is serving. The sentence a learner reads is built from the phase by
 * the engine's availability reasons; {@link #label()} is the phase's short name.
 */
public enum FailoverPhase {
    NONE, DETECTING, PROMOTING, RECOVERING, ENDPOINT_MOVING, RECREATING, WAITING_FOR_AZ, WAITING_FOR_QUORUM,
    SWITCHOVER_SYNC, SWITCHOVER_RECONFIGURING, GLOBAL_PROMOTING,
    /** The writer's database process crashed and is restarting on the same instance (crash-instance). */
    RESTARTING;

    /** "endpoint moving", "waiting for quorum", ...: the short name the banner and the report show. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
