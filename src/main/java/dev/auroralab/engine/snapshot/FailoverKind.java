package dev.auroralab.engine.snapshot;

/**
 * How the writer moved, for the RPO/RTO ledger: a failover inside the region (UG "High availability for Aurora"),
 * a writer restarted in place or recreated (no failover: the same instance comes back), a Global Database switchover (no data loss) or failover (data loss up to the replication lag), or detaching a
 * secondary and promoting it to a standalone cluster (UG "Using failover in an Amazon Aurora global database").
 */
public enum FailoverKind {
    IN_REGION("in-region", "in-region failover"),
    /** The writer's database process crashed and restarted on the same instance (no failover). */
    RESTART_IN_PLACE("restart-in-place", "writer restarted in place"),
    /** The writer's instance was lost with no replica to promote: Aurora recreated it. */
    RECREATE("recreate", "writer recreated (no replica)"),
    GLOBAL_SWITCHOVER("global-switchover", "global switchover"),
    GLOBAL_FAILOVER("global-failover", "global failover (data loss)"),
    DETACH_AND_PROMOTE("detach-and-promote", "detach and promote");

    private final String word;
    private final String label;

    FailoverKind(String word, String label) {
        this.word = word;
        this.label = label;
    }

    /** "in-region", "global-switchover", ...: the word reports, event logs and scenario files use. */
    public String word() {
        return word;
    }

    /** "global failover (data loss)", ...: the words the ledger shows a learner. */
    public String label() {
        return label;
    }

    /** The word, so a kind written into an event's detail or a log line reads as it always did. */
    @Override
    public String toString() {
        return word;
    }

    /** Whether the writer moved to another region. */
    public boolean global() {
        return this == GLOBAL_SWITCHOVER || this == GLOBAL_FAILOVER || this == DETACH_AND_PROMOTE;
    }
}
